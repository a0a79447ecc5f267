import type { DataScope } from '@anjian/domain';
import type { Db } from '../../platform/db.ts';
import { createIncidentsRepository } from './incidents.repository.ts';

/** What a warning drafted from an incident's consequence zone needs of the incident. */
export interface IncidentFacts {
  id: string;
  county: string;
  location: string;
  enterpriseName: string | null;
  position: { lon: number; lat: number } | null;
}

/** The port through which warnings check and name an incident in the caller's scope. */
export interface IncidentFactsPort {
  find(scope: DataScope, id: string): Promise<IncidentFacts | null>;
}

export function createIncidentFacts(db: Db): IncidentFactsPort {
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
  };
}
