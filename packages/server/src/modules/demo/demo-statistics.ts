import { chinaDate } from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import { insertAccidents, upsertControlNumber, upsertDenominator } from '../statistics/statistics-writer.ts';
import {
  demoAccidentHistory,
  demoCityGdp,
  demoCountyShares,
  demoCountyWeights,
  type DemoEnterprise,
} from './demo-statistics-history.ts';
import { seededRandom } from './synthetic-registry.ts';

const DEMO_KEY = 'demo.statistics';
/** 工矿商贸 employment of the city (synthetic: no published series, statistics-and-plan.md §6). */
const DEMO_WORKERS_2016 = 380_000;

/**
 * Demo statistics (演示), loaded once: accident history from 2016 to today (≈ 70 a year, falling),
 * the city's GDP and synthetic 工矿商贸 employment by county, and this year's control numbers — so the
 * reports, indicators and trajectory show work on the first day. Every row carries demo = true.
 */
export async function loadDemoStatistics(deps: { db: Db; clock: Clock }): Promise<boolean> {
  const { db, clock } = deps;
  const done = await db.query('SELECT 1 FROM settings WHERE key = $1', [DEMO_KEY]);
  if (done.rowCount) return false;
  const now = clock.now();
  const year = Number(chinaDate(now).slice(0, 4));
  const enterprises = await db.query<DemoEnterprise>(
    `SELECT id, name, county, industry_code AS "industryCode" FROM enterprises WHERE demo ORDER BY id LIMIT 2000`,
  );
  const history = demoAccidentHistory({
    random: seededRandom(2016),
    now,
    perYear: 72,
    enterprises: enterprises.rows,
  });
  await inTransaction(db, async (tx) => {
    await tx.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
      DEMO_KEY,
      JSON.stringify({ loadedAt: now.toISOString(), accidents: history.length }),
    ]);
    await insertAccidents(tx, history, now, true);
    for (let y = 2016; y <= year; y++) {
      const gdp = demoCityGdp[y] ?? demoCityGdp[2026]! * 1.04 ** (y - 2026);
      const workers = Math.round(DEMO_WORKERS_2016 * 1.008 ** (y - 2016));
      await upsertDenominator(tx, { year: y, county: '530400', gdpYi: gdp.toFixed(1), workers }, now, true);
      for (const [county, share] of Object.entries(demoCountyShares))
        await upsertDenominator(
          tx,
          { year: y, county, gdpYi: (gdp * share).toFixed(1), workers: Math.round(workers * share) },
          now,
          true,
        );
    }
    // About 50 deaths for the city, shared as the demo accidents are (so some counties near their limit).
    const weights = demoCountyWeights.reduce((sum, [, w]) => sum + w, 0);
    for (const [county, weight] of demoCountyWeights)
      await upsertControlNumber(
        tx,
        { year, county, deaths: Math.max(3, Math.round((50 * weight) / weights)) },
        now,
        true,
      );
  });
  return true;
}
