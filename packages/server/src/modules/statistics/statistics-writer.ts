import type { StatisticsImportKind } from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import type { AccidentRow, ControlNumberRow, DenominatorRow } from './statistics-import-rows.ts';

/** The statistics module's own writes: imported accidents, denominators and control numbers. */
export function createStatisticsWriter(db: Db) {
  return {
    /** The keys (time|county|place|unit) of these accidents that are already recorded. */
    async knownAccidents(rows: readonly AccidentRow[]): Promise<Set<string>> {
      if (rows.length === 0) return new Set();
      const found = await db.query<{ key: string }>(
        `SELECT to_char(a.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '|' || a.county || '|' ||
                a.location || '|' || coalesce(a.enterprise_name, '') AS key
           FROM statistics_accidents a
          WHERE a.occurred_at = ANY ($1::timestamptz[])`,
        [rows.map((r) => r.occurredAt.toISOString())],
      );
      return new Set(found.rows.map((r) => r.key));
    },

    async write(tx: Queryable, kind: StatisticsImportKind, value: unknown, userId: string, now: Date) {
      if (kind === 'accidents') return insertAccident(tx, value as AccidentRow, userId, now, false);
      if (kind === 'denominators') return upsertDenominator(tx, value as DenominatorRow, now, false);
      return upsertControlNumber(tx, value as ControlNumberRow, now, false);
    },
  };
}

export async function insertAccident(
  tx: Queryable,
  a: AccidentRow,
  userId: string | null,
  now: Date,
  demo: boolean,
): Promise<void> {
  await tx.query(
    `INSERT INTO statistics_accidents (occurred_at, county, township, enterprise_name, location, industry_code, sector,
       accident_type, level, deaths, missing, serious_injuries, direct_loss_wan, demo, imported_by, imported_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
    [
      a.occurredAt,
      a.county,
      a.township,
      a.enterpriseName,
      a.location,
      a.industryCode,
      a.sector,
      a.accidentType,
      a.level,
      a.deaths,
      a.missing,
      a.seriousInjuries,
      a.lossWan,
      demo,
      userId,
      now,
    ],
  );
}

/** Many accidents in one statement (demo history, benchmarks); duplicates are skipped. */
export async function insertAccidents(
  tx: Queryable,
  rows: readonly AccidentRow[],
  now: Date,
  demo: boolean,
): Promise<void> {
  const columns = (pick: (a: AccidentRow) => unknown) => rows.map(pick);
  await tx.query(
    `INSERT INTO statistics_accidents (occurred_at, county, township, enterprise_id, enterprise_name, location, industry_code,
       sector, accident_type, level, deaths, missing, serious_injuries, direct_loss_wan, demo, imported_at)
     SELECT *, $15::boolean, $16::timestamptz FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::uuid[], $5::text[],
       $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::int[], $12::int[], $13::int[], $14::numeric[])
     ON CONFLICT DO NOTHING`,
    [
      columns((a) => a.occurredAt),
      columns((a) => a.county),
      columns((a) => a.township),
      columns((a) => a.enterpriseId ?? null),
      columns((a) => a.enterpriseName),
      columns((a) => a.location),
      columns((a) => a.industryCode),
      columns((a) => a.sector),
      columns((a) => a.accidentType),
      columns((a) => a.level),
      columns((a) => a.deaths),
      columns((a) => a.missing),
      columns((a) => a.seriousInjuries),
      columns((a) => a.lossWan),
      demo,
      now,
    ],
  );
}

export async function upsertDenominator(tx: Queryable, d: DenominatorRow, now: Date, demo: boolean) {
  await tx.query(
    `INSERT INTO statistics_denominators (year, county, gdp_yi, industrial_workers, demo, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (year, county) DO UPDATE SET gdp_yi = coalesce(EXCLUDED.gdp_yi, statistics_denominators.gdp_yi),
       industrial_workers = coalesce(EXCLUDED.industrial_workers, statistics_denominators.industrial_workers),
       demo = EXCLUDED.demo, updated_at = EXCLUDED.updated_at`,
    [d.year, d.county, d.gdpYi, d.workers, demo, now],
  );
}

export async function upsertControlNumber(tx: Queryable, c: ControlNumberRow, now: Date, demo: boolean) {
  await tx.query(
    `INSERT INTO statistics_control_numbers (year, county, deaths, demo, updated_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (year, county) DO UPDATE SET deaths = EXCLUDED.deaths, demo = EXCLUDED.demo, updated_at = EXCLUDED.updated_at`,
    [c.year, c.county, c.deaths, demo, now],
  );
}
