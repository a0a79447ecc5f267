import { recountAccidentCasualties, type AccidentLevel, type DataScope } from '@anjian/domain';
import type { Db } from '../../platform/db.ts';
import { createIncidentsRepository, type IncidentRecord } from './incidents.repository.ts';

/** What a warning drafted from an incident's consequence zone needs of the incident. */
export interface IncidentFacts {
  id: string;
  county: string;
  location: string;
  enterpriseName: string | null;
  position: { lon: number; lat: number } | null;
}

/**
 * An accident as counted today: deaths and class include the later deaths reported within the
 * statutory window (《生产安全事故报告和调查处理条例》 §13; casualty-changes.ts), so they may change.
 */
export interface AccidentFacts {
  id: string;
  occurredAt: Date;
  county: string;
  location: string;
  /** The enterprise the accident happened at (安责险 claims check it is the insured one). */
  enterpriseId: string | null;
  enterpriseName: string | null;
  deaths: number;
  level: AccidentLevel;
}

/** The port through which warnings check and name an incident in the caller's scope. */
export interface IncidentFactsPort {
  find(scope: DataScope, id: string): Promise<IncidentFacts | null>;
}

/**
 * The port through which whistleblowing reads the accident a concealed-accident report uncovered,
 * and obligations the incident a 安责险 claim concerns.
 */
export interface AccidentFactsPort {
  accident(scope: DataScope, id: string): Promise<AccidentFacts | null>;
  /** The latest accidents in the caller's scope (at most 200), newest first. */
  accidents(scope: DataScope): Promise<AccidentFacts[]>;
  /** The accidents at one enterprise on one Beijing calendar day (安责险 claims imported from Excel). */
  accidentsOn(scope: DataScope, enterpriseId: string, day: string): Promise<AccidentFacts[]>;
}

function accidentOf(record: IncidentRecord): AccidentFacts {
  const counted = recountAccidentCasualties({
    occurredAt: record.occurredAt,
    accidentType: record.accidentType,
    roadTraffic: record.roadTraffic,
    original: record.original,
    changes: record.changes,
  });
  return {
    id: record.id,
    occurredAt: record.occurredAt,
    county: record.county,
    location: record.location,
    enterpriseId: record.enterpriseId,
    enterpriseName: record.enterpriseName,
    deaths: counted.figures.deaths,
    level: counted.level,
  };
}

export function createIncidentFacts(db: Db): IncidentFactsPort & AccidentFactsPort {
  const incidents = createIncidentsRepository(db);
  return {
    async find(scope, id) {
      const record = await incidents.find(id, scope);
      if (!record) return null;
      return {
        id: record.id,
        county: record.county,
        location: record.location,
        enterpriseName: record.enterpriseName,
        position: record.position,
      };
    },
    async accident(scope, id) {
      const record = await incidents.find(id, scope);
      return record ? accidentOf(record) : null;
    },
    async accidents(scope) {
      return (await incidents.list(scope)).map(accidentOf);
    },
    async accidentsOn(scope, enterpriseId, day) {
      return (await incidents.list(scope, { enterpriseId, occurredOn: day })).map(accidentOf);
    },
  };
}
