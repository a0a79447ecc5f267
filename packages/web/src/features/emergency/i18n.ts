import type { SameShape } from '../../i18n/same-shape.ts';
import { consequenceEn, consequenceZh } from './lib/consequence-messages.ts';
import { incidentEn, incidentZh } from './lib/incident-messages.ts';
import { libraryEn, libraryZh } from './lib/library-messages.ts';
import { disasterEn, disasterZh } from './lib/disaster-messages.ts';
import { allocationEn, allocationZh } from './lib/allocation-messages.ts';
import { teamsEn, teamsZh } from './teams/team-messages.ts';

/** Messages of the emergency area, under the `emergency.` prefix. English must have the same keys. */
export const emergencyZh = {
  title: '应急管理',
  incident: incidentZh,
  consequence: consequenceZh,
  library: libraryZh,
  disaster: disasterZh,
  allocation: allocationZh,
  teams: teamsZh,
};

export const emergencyEn: SameShape<typeof emergencyZh> = {
  title: 'Emergency',
  incident: incidentEn,
  consequence: consequenceEn,
  library: libraryEn,
  disaster: disasterEn,
  allocation: allocationEn,
  teams: teamsEn,
};
