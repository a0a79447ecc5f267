import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEnterprise } from '../../../test/factories.ts';
import { createTestDatabase, TEST_FIELD_KEY } from '../../../test/test-app.ts';
import { createManualClock } from '../../platform/clock.ts';
import { createFieldCipher } from '../../platform/crypto.ts';
import { loadDemoInsuranceClaims } from './demo-insurance-claims.ts';
import { loadDemoObligations } from './demo-obligations.ts';
import { namedEnterprises } from './demo-named-sites.ts';

describe('demo 安责险 claims and prevention services (演示)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('gives the demo policies a paid and an accepted claim and services, one insured site left unserved, once', async () => {
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
    expect(await loadDemoInsuranceClaims({ db, clock })).toBe(true);
    expect(await loadDemoInsuranceClaims({ db, clock })).toBe(false);
    const claims = await db.query(
      `SELECT c.status, c.paid_yuan::float8 AS paid, c.incident_on BETWEEN p.starts_on AND p.ends_on AS in_force
         FROM obligation_claims c JOIN obligation_policies p ON p.id = c.policy_id WHERE c.demo ORDER BY c.claim_number`,
    );
    expect(claims.rows).toEqual([
      { status: 'paid', paid: 72000, in_force: true },
      { status: 'accepted', paid: null, in_force: true },
    ]);
    // Sites 1 and 4 are uninsured (4 policies); the second policy's site gets no service.
    const services = await db.query(
      `SELECT count(*)::int AS services, count(DISTINCT enterprise_id)::int AS served,
              bool_and(served_on <= '2026-11-29') AS past FROM obligation_prevention_services WHERE demo`,
    );
    expect(services.rows[0]).toEqual({ services: 3, served: 3, past: true });
  });
});
