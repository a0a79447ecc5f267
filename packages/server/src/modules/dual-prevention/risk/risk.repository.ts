import type { DataScope, RiskPointInput, RiskUnit, RiskUnitInput } from '@anjian/domain';
import type { Db } from '../../../platform/db.ts';
import { scopeCondition } from '../../../platform/scope-sql.ts';

export interface PointWrite extends RiskPointInput {
  value: number;
  level: number;
  colour: string;
  assessedAt: Date;
  assessedBy: string;
}

interface UnitRow {
  id: string;
  enterprise_id: string;
  enterprise_name: string;
  county: string;
  name: string;
  kind: RiskUnit['kind'];
  location: string | null;
  site_plan_polygon: [number, number][] | null;
  points: {
    id: string;
    name: string;
    accident_types: string[];
    assessment: RiskPointInput['assessment'];
    value: number;
    level: number;
    colour: string;
    measures: RiskPointInput['measures'];
    control_level: RiskPointInput['controlLevel'];
    responsible_person: string;
    assessed_at: string;
    assessed_by: string;
  }[];
}

const colourOfLevel = ['red', 'orange', 'yellow', 'blue'] as const;

function toUnit(row: UnitRow): RiskUnit {
  const points = row.points.map((p) => ({
    id: p.id,
    unitId: row.id,
    name: p.name,
    accidentTypes: p.accident_types as RiskUnit['points'][number]['accidentTypes'],
    assessment: p.assessment,
    value: p.value,
    level: p.level,
    colour: p.colour as RiskUnit['points'][number]['colour'],
    measures: p.measures,
    controlLevel: p.control_level,
    responsiblePerson: p.responsible_person,
    assessedAt: new Date(p.assessed_at).toISOString(),
    assessedBy: p.assessed_by,
  }));
  const level = points.length ? Math.min(...points.map((p) => p.level)) : null;
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    county: row.county,
    name: row.name,
    kind: row.kind,
    location: row.location,
    sitePlanPolygon: row.site_plan_polygon,
    level,
    colour: level ? colourOfLevel[level - 1]! : null,
    points,
  };
}

const SELECT_UNIT = `
  SELECT u.*, e.name AS enterprise_name,
    coalesce((SELECT json_agg(p ORDER BY p.level, p.name) FROM risk_points p WHERE p.unit_id = u.id), '[]') AS points
  FROM risk_units u JOIN enterprises e ON e.id = u.enterprise_id`;

const visible = (scope: DataScope, params: unknown[]) =>
  scopeCondition(scope, { county: 'u.county', enterprise: 'u.enterprise_id' }, params);

export function createRiskRepository(db: Db) {
  return {
    async units(
      scope: DataScope,
      filter: { enterpriseId?: string | undefined; county?: string | undefined },
    ): Promise<RiskUnit[]> {
      const params: unknown[] = [];
      const conditions = [visible(scope, params)];
      if (filter.enterpriseId) {
        params.push(filter.enterpriseId);
        conditions.push(`u.enterprise_id = $${params.length}`);
      }
      if (filter.county) {
        params.push(filter.county);
        conditions.push(`u.county = $${params.length}`);
      }
      const rows = await db.query<UnitRow>(
        `${SELECT_UNIT} WHERE ${conditions.join(' AND ')} ORDER BY e.name, u.name LIMIT 5000`,
        params,
      );
      return rows.rows.map(toUnit);
    },

    async unit(id: string, scope: DataScope): Promise<RiskUnit | null> {
      const params: unknown[] = [id];
      const rows = await db.query<UnitRow>(
        `${SELECT_UNIT} WHERE u.id = $1 AND ${visible(scope, params)}`,
        params,
      );
      return rows.rows[0] ? toUnit(rows.rows[0]) : null;
    },

    async insertUnit(input: RiskUnitInput, county: string, at: Date): Promise<string> {
      const rows = await db.query<{ id: string }>(
        `INSERT INTO risk_units (enterprise_id, county, name, kind, location, site_plan_polygon, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
        [
          input.enterpriseId,
          county,
          input.name,
          input.kind,
          input.location ?? null,
          input.sitePlanPolygon ? JSON.stringify(input.sitePlanPolygon) : null,
          at,
        ],
      );
      return rows.rows[0]!.id;
    },

    async updateUnit(id: string, input: Omit<RiskUnitInput, 'enterpriseId'>, at: Date): Promise<void> {
      await db.query(
        'UPDATE risk_units SET name = $2, kind = $3, location = $4, site_plan_polygon = $5, updated_at = $6 WHERE id = $1',
        [
          id,
          input.name,
          input.kind,
          input.location ?? null,
          input.sitePlanPolygon ? JSON.stringify(input.sitePlanPolygon) : null,
          at,
        ],
      );
    },

    async deleteUnit(id: string): Promise<void> {
      await db.query('DELETE FROM risk_units WHERE id = $1', [id]);
    },

    async insertPoint(unitId: string, point: PointWrite): Promise<string> {
      const rows = await db.query<{ id: string }>(
        `INSERT INTO risk_points (unit_id, name, accident_types, assessment, value, level, colour, measures, control_level,
           responsible_person, assessed_at, assessed_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [
          unitId,
          point.name,
          point.accidentTypes,
          JSON.stringify(point.assessment),
          point.value,
          point.level,
          point.colour,
          JSON.stringify(point.measures),
          point.controlLevel,
          point.responsiblePerson,
          point.assessedAt,
          point.assessedBy,
        ],
      );
      return rows.rows[0]!.id;
    },

    /** The unit a point belongs to, if the caller's scope reaches it. */
    async unitOfPoint(pointId: string, scope: DataScope): Promise<RiskUnit | null> {
      const params: unknown[] = [pointId];
      const rows = await db.query<UnitRow>(
        `${SELECT_UNIT} WHERE u.id = (SELECT unit_id FROM risk_points WHERE id = $1) AND ${visible(scope, params)}`,
        params,
      );
      return rows.rows[0] ? toUnit(rows.rows[0]) : null;
    },

    async updatePoint(id: string, point: PointWrite): Promise<void> {
      await db.query(
        `UPDATE risk_points SET name = $2, accident_types = $3, assessment = $4, value = $5, level = $6, colour = $7,
           measures = $8, control_level = $9, responsible_person = $10, assessed_at = $11, assessed_by = $12 WHERE id = $1`,
        [
          id,
          point.name,
          point.accidentTypes,
          JSON.stringify(point.assessment),
          point.value,
          point.level,
          point.colour,
          JSON.stringify(point.measures),
          point.controlLevel,
          point.responsiblePerson,
          point.assessedAt,
          point.assessedBy,
        ],
      );
    },

    async deletePoint(id: string): Promise<void> {
      await db.query('DELETE FROM risk_points WHERE id = $1', [id]);
    },

    /** Each enterprise's highest risk level, for colouring the city map. */
    async enterpriseLevels(scope: DataScope): Promise<{ enterpriseId: string; level: number }[]> {
      const params: unknown[] = [];
      const rows = await db.query<{ enterprise_id: string; level: number }>(
        `SELECT u.enterprise_id, min(p.level)::int AS level FROM risk_points p JOIN risk_units u ON u.id = p.unit_id
         WHERE ${visible(scope, params)} GROUP BY u.enterprise_id`,
        params,
      );
      return rows.rows.map((row) => ({ enterpriseId: row.enterprise_id, level: row.level }));
    },
  };
}

export type RiskRepository = ReturnType<typeof createRiskRepository>;
