import type { DataScope, RiskOverviewQuery, RiskPointInput, RiskUnit, RiskUnitInput } from '@anjian/domain';
import type { Db, Queryable } from '../../../platform/db.ts';
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
  FROM risk_units u JOIN enterprise_directory e ON e.id = u.enterprise_id`;

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

    overview: (scope: DataScope, filter: RiskOverviewQuery) => riskOverviewRows(db, scope, filter),

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

export interface RiskOverviewRow {
  enterprise_id: string;
  name: string;
  county: string;
  industry_code: string | null;
  sectors: string[];
  key_tags: string[];
  lon: number | null;
  lat: number | null;
  demo: boolean;
  level: number;
  unit_level: number | null;
  units: number;
  points: number[];
  grading_level: number | null;
  grading_score: string | null;
  graded_at: Date | null;
}

/**
 * Each enterprise in scope with assessed risk units or a 100-point grading: the worst unit's level,
 * points by level, the latest grading, and the enterprise's level (the worse of the two).
 */
async function riskOverviewRows(
  db: Queryable,
  scope: DataScope,
  filter: RiskOverviewQuery,
): Promise<RiskOverviewRow[]> {
  const params: unknown[] = [];
  const conditions = [
    scopeCondition(scope, { county: 'e.county', enterprise: 'e.id' }, params),
    '(ul.enterprise_id IS NOT NULL OR g.enterprise_id IS NOT NULL)',
  ];
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(params.length));
  };
  if (filter.county) add((n) => `e.county = $${n}`, filter.county);
  if (filter.sector) add((n) => `$${n} = ANY (e.sectors)`, filter.sector);
  if (filter.keyTag) add((n) => `$${n} = ANY (e.key_tags)`, filter.keyTag);
  if (filter.industryCode) add((n) => `e.industry_code LIKE $${n}`, `${filter.industryCode}%`);
  if (filter.q) add((n) => `e.name ILIKE $${n}`, `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (filter.level) add((n) => `least(ul.level, g.level) = $${n}`, filter.level);
  const rows = await db.query<RiskOverviewRow>(
    `WITH ul AS (
       SELECT u.enterprise_id, min(p.level)::int AS level, count(DISTINCT u.id)::int AS units,
              ARRAY[count(p.id) FILTER (WHERE p.level = 1), count(p.id) FILTER (WHERE p.level = 2),
                    count(p.id) FILTER (WHERE p.level = 3), count(p.id) FILTER (WHERE p.level = 4)]::int[] AS points
         FROM risk_units u JOIN risk_points p ON p.unit_id = u.id GROUP BY u.enterprise_id),
     g AS (
       SELECT DISTINCT ON (enterprise_id) enterprise_id, (result->>'level')::int AS level,
              result->>'score' AS score, graded_at
         FROM enterprise_gradings ORDER BY enterprise_id, graded_at DESC, id DESC)
     SELECT e.id AS enterprise_id, e.name, e.county, e.industry_code, e.sectors, e.key_tags, e.lon, e.lat, e.demo,
            least(ul.level, g.level) AS level, ul.level AS unit_level, coalesce(ul.units, 0) AS units,
            coalesce(ul.points, ARRAY[0, 0, 0, 0]) AS points, g.level AS grading_level, g.score AS grading_score,
            g.graded_at
       FROM enterprise_directory e LEFT JOIN ul ON ul.enterprise_id = e.id LEFT JOIN g ON g.enterprise_id = e.id
      WHERE ${conditions.join(' AND ')}
      ORDER BY least(ul.level, g.level), e.county, e.name, e.id
      LIMIT 10000`,
    params,
  );
  return rows.rows;
}

export type RiskRepository = ReturnType<typeof createRiskRepository>;
