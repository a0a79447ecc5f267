import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEnterprise } from '../../../test/factories.ts';
import { createTestDatabase, TEST_FIELD_KEY } from '../../../test/test-app.ts';
import { createManualClock } from '../../platform/clock.ts';
import { createFieldCipher } from '../../platform/crypto.ts';
import { loadDemoObligationAgencies } from './demo-obligation-agencies.ts';
import { loadDemoObligationSpotChecks } from './demo-obligation-spot-checks.ts';
import { loadDemoObligations } from './demo-obligations.ts';
import { namedEnterprises } from './demo-named-sites.ts';

describe('demo spot checks (演示)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('draws agency reports and the accepted project, each with a failed check, once', async () => {
    const { db } = database;
    for (const [i, site] of namedEnterprises.slice(0, 6).entries())
      await insertEnterprise(db, {
        name: site.name,
        county: site.county,
        serial: 900 + i,
        sectors: site.sectors,
      });
    const clock = createManualClock(new Date('2026-11-29T02:00:00Z'));
    await loadDemoObligations({ db, clock, cipher: createFieldCipher(TEST_FIELD_KEY) });
    await loadDemoObligationAgencies({ db, clock });
    expect(await loadDemoObligationSpotChecks({ db, clock })).toBe(true);
    expect(await loadDemoObligationSpotChecks({ db, clock })).toBe(false);

    const checks = await db.query(
      `SELECT c.subject, c.mode, count(i.*)::int AS items, count(i.result)::int AS checked,
              bool_and(c.demo) AS demo
       FROM obligation_spot_checks c JOIN obligation_spot_check_items i ON i.spot_check_id = c.id
       GROUP BY c.id ORDER BY c.subject`,
    );
    expect(checks.rows).toEqual([
      { subject: 'agency_report', mode: 'random', items: 3, checked: 1, demo: true },
      { subject: 'project', mode: 'random', items: 1, checked: 1, demo: true },
    ]);
    const credit = await db.query('SELECT kind, points, problem, demo FROM obligation_agency_credit_records');
    expect(credit.rows).toEqual([{ kind: 'bad_record', points: 10, problem: 'no_site_visit', demo: true }]);
    const failed = await db.query(
      `SELECT p.name FROM obligation_projects p JOIN obligation_spot_check_items i ON i.project_id = p.id
       WHERE i.result = 'fail' AND i.rectification IS NOT NULL`,
    );
    expect(failed.rows).toHaveLength(1);
  });
});
