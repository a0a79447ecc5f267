import type { AlarmFacts, DataScope } from '@anjian/domain';
import type { Db } from '../../platform/db.ts';
import { scopeCondition } from '../../platform/scope-sql.ts';

/** The port through which a warning is pre-filled from an alarm: its site, reading and rule. */
export interface AlarmFactsPort {
  find(scope: DataScope, id: string): Promise<AlarmFacts | null>;
}

interface FactsRow {
  id: string;
  county: string;
  enterprise_name: string | null;
  object_name: string;
  object_kind: string;
  lon: number | null;
  lat: number | null;
  point_name: string;
  value: number | null;
  unit: string;
  rule_id: string;
  level: string | null;
  colour: string | null;
  fired_at: Date;
}

export function createAlarmFacts(db: Db): AlarmFactsPort {
  return {
    async find(scope, id) {
      const params: unknown[] = [id];
      const where = scopeCondition(scope, { county: 'a.county', enterprise: 'a.enterprise_id' }, params);
      const result = await db.query<FactsRow>(
        `SELECT a.id, a.county, e.name AS enterprise_name, o.name AS object_name, o.kind AS object_kind,
                o.lon, o.lat, p.name AS point_name, a.value, p.unit, a.rule_id, a.level, a.colour,
                coalesce(a.fired_at, a.raised_at) AS fired_at
           FROM alarms a
           JOIN monitoring_points p ON p.id = a.point_id
           LEFT JOIN enterprise_directory e ON e.id = a.enterprise_id
           JOIN regulated_objects o ON o.id = a.object_id
          WHERE a.id = $1 AND ${where}`,
        params,
      );
      const row = result.rows[0];
      if (!row) return null;
      return {
        id: row.id,
        county: row.county,
        enterpriseName: row.enterprise_name,
        objectName: row.object_name,
        objectKind: row.object_kind,
        position: row.lon === null || row.lat === null ? null : { lon: row.lon, lat: row.lat },
        pointName: row.point_name,
        value: row.value,
        unit: row.unit,
        ruleId: row.rule_id,
        level: row.level,
        colour: row.colour,
        firedAt: row.fired_at,
      };
    },
  };
}
