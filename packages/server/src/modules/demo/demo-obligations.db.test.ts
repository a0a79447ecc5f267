import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEnterprise } from '../../../test/factories.ts';
import { createTestDatabase, TEST_FIELD_KEY } from '../../../test/test-app.ts';
import { createManualClock } from '../../platform/clock.ts';
import { createFieldCipher } from '../../platform/crypto.ts';
import { loadDemoObligations } from './demo-obligations.ts';
import { namedEnterprises } from './demo-named-sites.ts';

describe('demo obligations (演示)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('gives the named sites people, certificates, policies, licence renewals and projects, once', async () => {
    const { db } = database;
    for (const [i, site] of namedEnterprises.slice(0, 6).entries())
      await insertEnterprise(db, {
        name: site.name,
        county: site.county,
        serial: 900 + i,
        sectors: site.sectors,
      });
    const clock = createManualClock(new Date('2026-11-29T02:00:00Z'));
    const cipher = createFieldCipher(TEST_FIELD_KEY);
    expect(await loadDemoObligations({ db, clock, cipher })).toBe(true);
    expect(await loadDemoObligations({ db, clock, cipher })).toBe(false);
    const counts = await db.query(
      `SELECT (SELECT count(*)::int FROM obligation_people WHERE demo) AS people,
              (SELECT count(*)::int FROM obligation_certificates WHERE demo) AS certificates,
              (SELECT count(*)::int FROM obligation_policies WHERE demo) AS policies,
              (SELECT count(*)::int FROM obligation_licence_applications WHERE demo) AS applications,
              (SELECT count(*)::int FROM obligation_projects WHERE demo) AS projects,
              (SELECT array_agg(DISTINCT step ORDER BY step) FROM obligation_licence_applications) AS steps`,
    );
    // 6 sites × 4 people; the welders of sites 0 and 3 work uncertified; sites 1 and 4 uninsured.
    expect(counts.rows[0]).toEqual({
      people: 24,
      certificates: 22,
      policies: 4,
      applications: 4,
      projects: 3,
      steps: ['accepted', 'decided', 'reviewed', 'submitted'],
    });
    const masked = await db.query(`SELECT id_number_masked FROM obligation_people LIMIT 1`);
    expect(masked.rows[0].id_number_masked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
  });
});
