import type {
  DataScope,
  Drill,
  DrillFindingInput,
  DrillInput,
  DrillScenario,
  DrillScenarioInput,
  Page,
} from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import { conditionsOf, containing, countyVisible } from './emergency-scope.ts';
import { listPage } from '../../platform/sql-page.ts';

export type FindingInput = DrillFindingInput;
export type FindingRecord = FindingInput & { id: string };
export type DrillRecord = Omit<Drill, 'findings'> & { findings: FindingRecord[] };

interface ScenarioRow {
  id: string;
  name: string;
  county: string | null;
  accident_type: string | null;
  description: string;
  objectives: string[];
  drill_count: number;
  demo: boolean;
}

const scenarioOf = (row: ScenarioRow): DrillScenario => ({
  id: row.id,
  name: row.name,
  county: row.county,
  accidentType: row.accident_type,
  description: row.description,
  objectives: row.objectives,
  drillCount: row.drill_count,
  demo: row.demo,
});

interface DrillRow {
  id: string;
  title: string;
  county: string;
  held_on: string;
  status: Drill['status'];
  form: Drill['form'];
  scenario_id: string | null;
  scenario_name: string | null;
  plan_id: string | null;
  plan_name: string | null;
  organiser: string;
  location: string | null;
  participants: number;
  evaluation: string | null;
  rating: Drill['rating'];
  findings: FindingRecord[] | null;
  demo: boolean;
}

const drillOf = (row: DrillRow): DrillRecord => ({
  id: row.id,
  title: row.title,
  county: row.county,
  heldOn: row.held_on,
  status: row.status,
  form: row.form,
  scenarioId: row.scenario_id,
  scenarioName: row.scenario_name,
  planId: row.plan_id,
  planName: row.plan_name,
  organiser: row.organiser,
  location: row.location,
  participants: row.participants,
  evaluation: row.evaluation,
  rating: row.rating,
  findings: row.findings ?? [],
  demo: row.demo,
});

const SCENARIO_SELECT = `SELECT s.*, (SELECT count(*)::int FROM drills d WHERE d.scenario_id = s.id) AS drill_count
  FROM drill_scenarios s`;

const DRILL_SELECT = `SELECT d.id, d.title, d.county, d.held_on::text AS held_on, d.status, d.form, d.scenario_id,
    s.name AS scenario_name, d.plan_id, p.name AS plan_name, d.organiser, d.location, d.participants, d.evaluation,
    d.rating, d.demo,
    (SELECT json_agg(json_build_object('id', f.id, 'text', f.text, 'owner', f.owner, 'deadline', f.deadline::text,
                                       'status', f.status) ORDER BY f.deadline, f.created_at)
       FROM drill_findings f WHERE f.drill_id = d.id) AS findings
  FROM drills d LEFT JOIN drill_scenarios s ON s.id = d.scenario_id LEFT JOIN emergency_plans p ON p.id = d.plan_id`;

export function createDrillsRepository(db: Db) {
  return {
    async listScenarios(
      scope: DataScope,
      filter: { q?: string | undefined },
      page: { page: number; pageSize: number },
    ): Promise<Page<DrillScenario>> {
      const c = conditionsOf(scope, 's.county');
      if (filter.q) c.add((n) => `(s.name ILIKE $${n} OR s.description ILIKE $${n})`, containing(filter.q));
      const where = c.where();
      return listPage(
        db,
        {
          select: SCENARIO_SELECT,
          countFrom: 'FROM drill_scenarios s',
          where,
          orderBy: 's.name, s.id',
          params: c.params,
        },
        page,
        scenarioOf,
      );
    },

    async findScenario(id: string, scope: DataScope): Promise<DrillScenario | null> {
      const params: unknown[] = [id];
      const rows = await db.query<ScenarioRow>(
        `${SCENARIO_SELECT} WHERE s.id = $1 AND ${countyVisible(scope, 's.county', params)}`,
        params,
      );
      return rows.rows[0] ? scenarioOf(rows.rows[0]) : null;
    },

    async insertScenario(
      source: Queryable,
      input: DrillScenarioInput,
      demo: boolean,
      at: Date,
    ): Promise<string> {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO drill_scenarios (name, county, accident_type, description, objectives, demo, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
        [
          input.name,
          input.county ?? null,
          input.accidentType ?? null,
          input.description,
          input.objectives,
          demo,
          at,
        ],
      );
      return rows.rows[0]!.id;
    },

    async updateScenario(id: string, input: DrillScenarioInput, at: Date): Promise<void> {
      await db.query(
        `UPDATE drill_scenarios SET name = $2, county = $3, accident_type = $4, description = $5, objectives = $6, updated_at = $7
         WHERE id = $1`,
        [
          id,
          input.name,
          input.county ?? null,
          input.accidentType ?? null,
          input.description,
          input.objectives,
          at,
        ],
      );
    },

    async removeScenario(id: string): Promise<void> {
      await db.query('DELETE FROM drill_scenarios WHERE id = $1', [id]);
    },

    async list(
      scope: DataScope,
      filter: {
        county?: string | undefined;
        year?: number | undefined;
        status?: string | undefined;
        planId?: string | undefined;
        q?: string | undefined;
      },
      page: { page: number; pageSize: number },
    ): Promise<Page<DrillRecord>> {
      const c = conditionsOf(scope, 'd.county');
      if (filter.county) c.add((n) => `d.county = $${n}`, filter.county);
      if (filter.year) c.add((n) => `extract(year FROM d.held_on) = $${n}`, filter.year);
      if (filter.status) c.add((n) => `d.status = $${n}`, filter.status);
      if (filter.planId) c.add((n) => `d.plan_id = $${n}`, filter.planId);
      if (filter.q) c.add((n) => `(d.title ILIKE $${n} OR d.organiser ILIKE $${n})`, containing(filter.q));
      const where = c.where();
      return listPage(
        db,
        {
          select: DRILL_SELECT,
          countFrom: 'FROM drills d',
          where,
          orderBy: 'd.held_on DESC, d.id',
          params: c.params,
        },
        page,
        drillOf,
      );
    },

    async find(id: string, scope: DataScope, source: Queryable = db): Promise<DrillRecord | null> {
      const params: unknown[] = [id];
      const rows = await source.query<DrillRow>(
        `${DRILL_SELECT} WHERE d.id = $1 AND ${countyVisible(scope, 'd.county', params)}`,
        params,
      );
      return rows.rows[0] ? drillOf(rows.rows[0]) : null;
    },

    async insert(source: Queryable, input: DrillInput, demo: boolean, at: Date): Promise<string> {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO drills (title, county, held_on, status, form, scenario_id, plan_id, organiser, location, participants,
           evaluation, rating, demo, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING id`,
        [...drillValues(input), demo, at],
      );
      return rows.rows[0]!.id;
    },

    async update(id: string, input: DrillInput, at: Date): Promise<void> {
      await db.query(
        `UPDATE drills SET title = $2, county = $3, held_on = $4, status = $5, form = $6, scenario_id = $7, plan_id = $8,
           organiser = $9, location = $10, participants = $11, evaluation = $12, rating = $13, updated_at = $14 WHERE id = $1`,
        [id, ...drillValues(input), at],
      );
    },

    async remove(id: string): Promise<void> {
      await db.query('DELETE FROM drills WHERE id = $1', [id]);
    },

    async insertFinding(source: Queryable, drillId: string, input: FindingInput, at: Date): Promise<string> {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO drill_findings (drill_id, text, owner, deadline, status, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`,
        [drillId, input.text, input.owner, input.deadline, input.status, at],
      );
      return rows.rows[0]!.id;
    },

    async updateFinding(drillId: string, findingId: string, input: FindingInput, at: Date): Promise<boolean> {
      const result = await db.query(
        `UPDATE drill_findings SET text = $3, owner = $4, deadline = $5, status = $6, updated_at = $7
         WHERE id = $2 AND drill_id = $1`,
        [drillId, findingId, input.text, input.owner, input.deadline, input.status, at],
      );
      return (result.rowCount ?? 0) > 0;
    },

    /** Held drills and their participants per year and county (cancelled and planned ones are not counted). */
    async statistics(
      scope: DataScope,
      range: { from: number; to: number; county?: string | undefined },
    ): Promise<{ year: number; county: string; drills: number; participants: number }[]> {
      const c = conditionsOf(scope, 'd.county');
      c.add((n) => `d.held_on >= make_date($${n}::int, 1, 1)`, range.from);
      c.add((n) => `d.held_on < make_date($${n}::int + 1, 1, 1)`, range.to);
      if (range.county) c.add((n) => `d.county = $${n}`, range.county);
      const rows = await db.query<{ year: number; county: string; drills: number; participants: number }>(
        `SELECT extract(year FROM d.held_on)::int AS year, d.county, count(*)::int AS drills,
           sum(d.participants)::int AS participants
         FROM drills d WHERE d.status = 'held' AND ${c.where()} GROUP BY 1, 2 ORDER BY 1, 2`,
        c.params,
      );
      return rows.rows;
    },
  };
}

function drillValues(input: DrillInput): unknown[] {
  return [
    input.title,
    input.county,
    input.heldOn,
    input.status,
    input.form,
    input.scenarioId ?? null,
    input.planId ?? null,
    input.organiser,
    input.location ?? null,
    input.participants,
    input.evaluation ?? null,
    input.rating ?? null,
  ];
}

export type DrillsRepository = ReturnType<typeof createDrillsRepository>;
