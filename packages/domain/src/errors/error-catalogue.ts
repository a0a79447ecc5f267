/**
 * Every stable error code the platform answers with, its HTTP status and its message in both
 * languages. Codes never change once published: clients and tests depend on them.
 */
import type { ErrorDefinition } from './error-definition.ts';
import {
  authErrors,
  calcErrors,
  dualPreventionErrors,
  emergencyErrors,
  allocationErrors,
  emergencyTeamsErrors,
  enforcementErrors,
  monitoringErrors,
  platformErrors,
  registryErrors,
  uploadsErrors,
  statisticsErrors,
  warningsErrors,
  operationsErrors,
  obligationsErrors,
  whistleblowingErrors,
  planErrors,
  disastersErrors,
  videoErrors,
} from './catalogues/index.ts';

export type { ErrorDefinition } from './error-definition.ts';

/** Each area keeps its codes in ./catalogues; codes never repeat across areas. */
export const errorCatalogue = {
  ...platformErrors,
  ...registryErrors,
  ...dualPreventionErrors,
  ...monitoringErrors,
  ...enforcementErrors,
  ...emergencyErrors,
  ...allocationErrors,
  ...emergencyTeamsErrors,
  ...calcErrors,
  ...warningsErrors,
  ...authErrors,
  ...uploadsErrors,
  ...statisticsErrors,
  ...operationsErrors,
  ...obligationsErrors,
  ...disastersErrors,
  ...whistleblowingErrors,
  ...planErrors,
  ...videoErrors,
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof errorCatalogue;
