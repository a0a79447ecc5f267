/**
 * Demo data (演示): loaders run once at start when DEMO_DATA is on, and the simulator's devices.
 * The loaders seed through other modules' repositories and services like a migration does, so this
 * module alone may pass their walls (eslint.config.js says so; docs/decisions/0004).
 */
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import type { Db } from '../../platform/db.ts';
import { loadDemoRegistry } from './demo-data.ts';
import { loadDemoEmergency } from './demo-emergency.ts';
import { loadDemoAllocation } from './demo-allocation.ts';
import { loadDemoTeams } from './demo-teams.ts';
import { loadDemoTeamAccounts } from './demo-team-accounts.ts';
import { loadDemoMajorHazards } from './demo-major-hazards.ts';
import { loadDemoEnforcement } from './demo-enforcement.ts';
import { loadDemoDualPrevention } from './demo-dual-prevention.ts';
import { loadDemoMonitoring } from './demo-monitoring.ts';
import { loadDemoHazardSites } from './demo-hazard-sites.ts';
import { loadDemoWarnings } from './demo-warnings.ts';
import { loadDemoStatistics } from './demo-statistics.ts';
import { loadDemoObligations } from './demo-obligations.ts';
import { loadDemoObligationAgencies } from './demo-obligation-agencies.ts';
import { loadDemoInsuranceClaims } from './demo-insurance-claims.ts';
import { loadDemoObligationSpotChecks } from './demo-obligation-spot-checks.ts';
import { loadDemoPlan } from './demo-plan.ts';
import { loadDemoWhistleblowing } from './demo-whistleblowing.ts';
import { loadDemoDisasters } from './demo-disasters.ts';
import { loadDemoVideo } from './demo-video.ts';

export { simulatorDevicesFile } from './demo-monitoring.ts';
export { startDemoSimulator } from './demo-simulator.ts';

/**
 * Every feature's demo data, in the order they lean on each other (the registry first). Each loader
 * runs once per database (it checks its own flag), so a restart adds nothing. Answers whether the
 * registry's demo data was loaded by this call (the start banner says so).
 */
export async function loadDemoData(deps: {
  db: Db;
  clock: Clock;
  config: Config;
  cipher: FieldCipher;
  whistleCipher: FieldCipher;
}): Promise<boolean> {
  const { db, clock, config, cipher, whistleCipher } = deps;
  const registryLoaded = await loadDemoRegistry({ db, clock, cipher });
  await loadDemoEmergency({ db, clock, cipher });
  await loadDemoTeams({ db, clock });
  await loadDemoTeamAccounts({ db, clock });
  await loadDemoMajorHazards({ db, clock });
  await loadDemoEnforcement({ db, clock });
  await loadDemoDualPrevention({ db, clock });
  await loadDemoMonitoring({ db, clock });
  await loadDemoHazardSites({ db, clock });
  await loadDemoWarnings({ db, clock, config, cipher });
  await loadDemoStatistics({ db, clock });
  await loadDemoObligations({ db, clock, cipher });
  await loadDemoObligationAgencies({ db, clock });
  await loadDemoInsuranceClaims({ db, clock });
  await loadDemoObligationSpotChecks({ db, clock });
  await loadDemoPlan({ db, clock });
  await loadDemoWhistleblowing({ db, clock, cipher: whistleCipher });
  await loadDemoDisasters({ db, clock });
  await loadDemoAllocation({ db, clock });
  await loadDemoVideo({ db, clock });
  return registryLoaded;
}
