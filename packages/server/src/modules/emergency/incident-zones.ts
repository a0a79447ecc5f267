import {
  DomainError,
  type DataScope,
  type IncidentZone,
  type IncidentZoneSet,
  type IncidentZoneSetInput,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db, type Queryable } from '../../platform/db.ts';
import { scopeAllows } from '../../platform/scope-sql.ts';
import { createIncidentsRepository } from './incidents.repository.ts';

interface ZoneSetRow {
  version: number;
  computed_at: Date;
  computed_by: string;
  model: IncidentZoneSet['model'];
  inputs: Record<string, unknown>;
  centre_lon: number;
  centre_lat: number;
  zones: IncidentZone[];
  evacuation_radius_m: number;
}

const present = (row: ZoneSetRow): IncidentZoneSet => ({
  version: row.version,
  computedAt: row.computed_at.toISOString(),
  computedBy: row.computed_by,
  model: row.model,
  inputs: row.inputs,
  centre: [row.centre_lon, row.centre_lat],
  zones: row.zones,
  evacuationRadiusM: row.evacuation_radius_m,
});

/** The latest recorded zones of an incident (no scope check: the caller has seen the incident). */
export async function latestZoneSet(source: Queryable, incidentId: string): Promise<IncidentZoneSet | null> {
  const rows = await source.query<ZoneSetRow>(
    `SELECT version, computed_at, computed_by, model, inputs, centre_lon, centre_lat, zones, evacuation_radius_m
       FROM incident_zone_sets WHERE incident_id = $1 ORDER BY version DESC LIMIT 1`,
    [incidentId],
  );
  return rows.rows[0] ? present(rows.rows[0]) : null;
}

/** The port through which the video module reads an incident's zones in the caller's scope. */
export interface IncidentZonesPort {
  /** Null when the incident is not visible in the scope; `zones` null when none was recorded. */
  latest(scope: DataScope, incidentId: string): Promise<{ zones: IncidentZoneSet | null } | null>;
}

export function createIncidentZones(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const incidents = createIncidentsRepository(db);

  async function visible(scope: DataScope, incidentId: string) {
    const record = await incidents.find(incidentId, scope);
    if (!record) throw new DomainError('incident.not_found');
    return record;
  }

  const port: IncidentZonesPort = {
    async latest(scope, incidentId) {
      const record = await incidents.find(incidentId, scope);
      if (!record) return null;
      return { zones: await latestZoneSet(db, incidentId) };
    },
  };

  return {
    port,
    async list(auth: AuthContext, incidentId: string): Promise<IncidentZoneSet[]> {
      await visible(auth.scope, incidentId);
      const rows = await db.query<ZoneSetRow>(
        `SELECT version, computed_at, computed_by, model, inputs, centre_lon, centre_lat, zones, evacuation_radius_m
           FROM incident_zone_sets WHERE incident_id = $1 ORDER BY version DESC LIMIT 50`,
        [incidentId],
      );
      return rows.rows.map(present);
    },

    /** Records a new version of the zones; the incident's timeline says so. */
    async record(
      auth: AuthContext,
      incidentId: string,
      input: IncidentZoneSetInput,
    ): Promise<IncidentZoneSet> {
      const record = await visible(auth.scope, incidentId);
      if (!scopeAllows(auth.scope, record.county, null))
        throw new DomainError('registry.scope_outside_caller');
      const now = clock.now();
      return inTransaction(db, async (tx) => {
        // One writer at a time per incident: versions are consecutive.
        await tx.query('SELECT 1 FROM incidents WHERE id = $1 FOR UPDATE', [incidentId]);
        const rows = await tx.query<ZoneSetRow>(
          `INSERT INTO incident_zone_sets (incident_id, version, computed_at, computed_by, model, inputs,
             centre_lon, centre_lat, zones, evacuation_radius_m)
           SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9
             FROM incident_zone_sets WHERE incident_id = $1
           RETURNING version, computed_at, computed_by, model, inputs, centre_lon, centre_lat, zones, evacuation_radius_m`,
          [
            incidentId,
            now,
            auth.username,
            JSON.stringify(input.model),
            JSON.stringify(input.inputs),
            input.centre[0],
            input.centre[1],
            JSON.stringify(input.zones),
            input.evacuationRadiusM,
          ],
        );
        const saved = present(rows.rows[0]!);
        await tx.query(
          `INSERT INTO incident_events (incident_id, at, actor, kind, text) VALUES ($1, $2, $3, 'note', $4)`,
          [
            incidentId,
            now,
            auth.username,
            input.summary ??
              `记录后果区域（第 ${saved.version} 版，${input.model.zh}）：${input.zones.length} 个区域，疏散半径 ${Math.round(input.evacuationRadiusM)} m`,
          ],
        );
        return saved;
      });
    },
  };
}

export type IncidentZonesService = ReturnType<typeof createIncidentZones>;
