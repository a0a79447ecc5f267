import type { RouteCase } from './matrix-support.ts';
import { coreMatrix } from './core.matrix.ts';
import { coreRegistryMatrix } from './core-registry.matrix.ts';
import { coreEmergencyMatrix } from './core-emergency.matrix.ts';
import { dualPreventionMatrix } from './dual-prevention.matrix.ts';
import { monitoringMatrix } from './monitoring.matrix.ts';
import { enforcementMatrix } from './enforcement.matrix.ts';
import { emergencyMatrix } from './emergency.matrix.ts';
import { disastersMatrix } from './disasters.matrix.ts';
import { majorHazardsMatrix } from './major-hazards.matrix.ts';
import { workbenchMatrix } from './workbench.matrix.ts';
import { cockpitMatrix } from './cockpit.matrix.ts';
import { listExportsMatrix } from './list-exports.matrix.ts';
import { warningsMatrix } from './warnings.matrix.ts';
import { securityMatrix } from './security.matrix.ts';
import { statisticsMatrix } from './statistics.matrix.ts';
import { obligationsMatrix } from './obligations.matrix.ts';
import { insuranceClaimsMatrix } from './insurance-claims.matrix.ts';
import { whistleblowingMatrix } from './whistleblowing.matrix.ts';
import { planMatrix } from './plan.matrix.ts';
import { allocationMatrix } from './allocation.matrix.ts';
import { videoMatrix } from './video.matrix.ts';
import { teamsMatrix } from './teams.matrix.ts';

/**
 * The authorisation matrix in parts of about equal running time. Each part runs in its own test
 * file, ../authorization-matrix[-<part>].routes.test.ts, with an app and a database of its own, so
 * that the test workers share the matrix instead of one worker running all of it at the end.
 * A new area's rows go into the part that fits; ../authorization-matrix.routes.test.ts fails when a
 * route has no row, has rows in two tables, or a part has no file.
 */
export const matrixParts = {
  core: [coreMatrix, planMatrix, videoMatrix],
  registry: [coreRegistryMatrix, dualPreventionMatrix, obligationsMatrix, insuranceClaimsMatrix],
  emergency: [
    coreEmergencyMatrix,
    emergencyMatrix,
    majorHazardsMatrix,
    disastersMatrix,
    allocationMatrix,
    teamsMatrix,
  ],
  enforcement: [enforcementMatrix, statisticsMatrix, workbenchMatrix, cockpitMatrix, securityMatrix],
  warnings: [warningsMatrix, monitoringMatrix, listExportsMatrix, whistleblowingMatrix],
} satisfies Record<string, Record<string, RouteCase>[]>;

export type MatrixPart = keyof typeof matrixParts;

/** The test file that runs a part. */
export const matrixPartFile = (part: MatrixPart) =>
  part === 'core' ? 'authorization-matrix.routes.test.ts' : `authorization-matrix-${part}.routes.test.ts`;

/** Every row's key, once per table it appears in (a key twice means two rows for one route). */
export const matrixKeys = (): string[] =>
  Object.values(matrixParts).flatMap((tables) => tables.flatMap((table) => Object.keys(table)));
