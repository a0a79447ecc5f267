import type { DataScope, EmergencyCase, EmergencyCaseInput, Page } from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import { conditionsOf, containing, countyVisible } from './emergency-scope.ts';
import { listPage } from '../../platform/sql-page.ts';

export type CaseWrite = Omit<EmergencyCase, 'id' | 'demo'>;

interface Row {
  id: string;
  title: string;
  occurred_on: string;
  county: string;
  place: string | null;
  accident_type: string;
  deaths: number;
  serious_injuries: number;
  direct_loss_wan: string | null;
  summary: string;
  causes: string[];
  lessons: string;
  source: string | null;
  incident_id: string | null;
  demo: boolean;
}

function toCase(row: Row): EmergencyCase {
  return {
    id: row.id,
    title: row.title,
    occurredOn: row.occurred_on,
    county: row.county,
    place: row.place,
    accidentType: row.accident_type,
    deaths: row.deaths,
    seriousInjuries: row.serious_injuries,
    directLossWan: row.direct_loss_wan,
    summary: row.summary,
    causes: row.causes,
    lessons: row.lessons,
    source: row.source,
    incidentId: row.incident_id,
    demo: row.demo,
  };
}

const SELECT = `SELECT c.id, c.title, c.occurred_on::text AS occurred_on, c.county, c.place, c.accident_type, c.deaths,
    c.serious_injuries, c.direct_loss_wan::text AS direct_loss_wan, c.summary, c.causes, c.lessons, c.source,
    c.incident_id, c.demo FROM emergency_cases c`;

export function toCaseWrite(input: EmergencyCaseInput): CaseWrite {
  return {
    title: input.title,
    occurredOn: input.occurredOn,
    county: input.county,
    place: input.place ?? null,
    accidentType: input.accidentType,
    deaths: input.deaths,
    seriousInjuries: input.seriousInjuries,
    directLossWan: input.directLossWan ?? null,
    summary: input.summary,
    causes: input.causes,
    lessons: input.lessons,
    source: input.source ?? null,
    incidentId: input.incidentId ?? null,
  };
}

function values(data: CaseWrite): unknown[] {
  return [
    data.title,
    data.occurredOn,
    data.county,
    data.place,
    data.accidentType,
    data.deaths,
    data.seriousInjuries,
    data.directLossWan,
    data.summary,
    data.causes,
    data.lessons,
    data.source,
    data.incidentId,
  ];
}

export function createCasesRepository(db: Db) {
  return {
    async list(
      scope: DataScope,
      filter: { county?: string | undefined; accidentType?: string | undefined; q?: string | undefined },
      page: { page: number; pageSize: number },
    ): Promise<Page<EmergencyCase>> {
      const c = conditionsOf(scope, 'c.county');
      if (filter.county) c.add((n) => `c.county = $${n}`, filter.county);
      if (filter.accidentType) c.add((n) => `c.accident_type = $${n}`, filter.accidentType);
      if (filter.q)
        c.add(
          (n) =>
            `(c.title ILIKE $${n} OR c.lessons ILIKE $${n} OR array_to_string(c.causes, ' ') ILIKE $${n})`,
          containing(filter.q),
        );
      const where = c.where();
      return listPage(
        db,
        {
          select: SELECT,
          countFrom: 'FROM emergency_cases c',
          where,
          orderBy: 'c.occurred_on DESC, c.id',
          params: c.params,
        },
        page,
        toCase,
      );
    },

    async find(id: string, scope: DataScope): Promise<EmergencyCase | null> {
      const params: unknown[] = [id];
      const rows = await db.query<Row>(
        `${SELECT} WHERE c.id = $1 AND ${countyVisible(scope, 'c.county', params)}`,
        params,
      );
      return rows.rows[0] ? toCase(rows.rows[0]) : null;
    },

    async insert(source: Queryable, data: CaseWrite, demo: boolean, at: Date): Promise<string> {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO emergency_cases (title, occurred_on, county, place, accident_type, deaths, serious_injuries, direct_loss_wan,
           summary, causes, lessons, source, incident_id, demo, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15) RETURNING id`,
        [...values(data), demo, at],
      );
      return rows.rows[0]!.id;
    },

    async update(id: string, data: CaseWrite, at: Date): Promise<void> {
      await db.query(
        `UPDATE emergency_cases SET title = $2, occurred_on = $3, county = $4, place = $5, accident_type = $6, deaths = $7,
           serious_injuries = $8, direct_loss_wan = $9, summary = $10, causes = $11, lessons = $12, source = $13,
           incident_id = $14, updated_at = $15 WHERE id = $1`,
        [id, ...values(data), at],
      );
    },

    async remove(id: string): Promise<void> {
      await db.query('DELETE FROM emergency_cases WHERE id = $1', [id]);
    },
  };
}

export type CasesRepository = ReturnType<typeof createCasesRepository>;
