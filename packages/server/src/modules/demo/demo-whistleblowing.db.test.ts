import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldCipher } from '../../platform/crypto.ts';
import {
  createTestContext,
  TEST_FIELD_KEY,
  TEST_WHISTLE_KEY,
  type TestContext,
} from '../../../test/test-app.ts';
import { loadDemoRegistry } from './demo-data.ts';
import { loadDemoWhistleblowing } from './demo-whistleblowing.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  await loadDemoRegistry({ db: t.db, clock: t.clock, cipher: createFieldCipher(TEST_FIELD_KEY) });
}, 60_000);
afterAll(() => t?.close());

describe('demo reports (演示)', () => {
  it('loads once, every row marked demo, the real-name identity sealed under the whistleblowers’ key', async () => {
    const cipher = createFieldCipher(TEST_WHISTLE_KEY);
    expect(await loadDemoWhistleblowing({ db: t.db, clock: t.clock, cipher })).toBe(true);
    expect(await loadDemoWhistleblowing({ db: t.db, clock: t.clock, cipher })).toBe(false);
    const rows = await t.db.query<{ status: string; demo: boolean }>(
      'SELECT status, demo FROM whistle_reports',
    );
    expect(rows.rows.map((r) => r.status).sort()).toEqual([
      'accepted',
      'accepted',
      'not_accepted',
      'received',
      'received',
      'replied',
      'replied',
      'replied',
    ]);
    // The objection waiting for the city's review, filed three days after the reply.
    const objection = await t.db.query<{ status: string; days: number }>(
      `SELECT o.status, o.filed_on - r.replied_on AS days
         FROM whistle_objections o JOIN whistle_reports r ON r.id = o.report_id`,
    );
    expect(objection.rows).toEqual([{ status: 'pending', days: 3 }]);
    const reward = await t.db.query<{ amount_yuan: string }>('SELECT amount_yuan FROM whistle_rewards');
    expect(reward.rows.map((r) => r.amount_yuan)).toEqual(['6000.00']);
    expect(rows.rows.every((r) => r.demo)).toBe(true);
    const sealed = await t.db.query<{ name_sealed: string }>('SELECT name_sealed FROM whistle_identities');
    expect(cipher.decrypt(sealed.rows[0]!.name_sealed)).toBe('演示举报人');
  });

  it('shows a verified report on a demo enterprise’s 一企一档 (举报核查), with the pin beside it', async () => {
    const officer = await t.sessionFor(
      await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' }, totp: true }),
    );
    const verified = await t.db.query<{ enterprise_id: string; verified_on: string; outcome: string }>(
      `SELECT enterprise_id, to_char(verified_on, 'YYYY-MM-DD') AS verified_on, outcome FROM whistle_reports
        WHERE outcome IS NOT NULL ORDER BY outcome, verified_on`,
    );
    // 属实 20 days ago, 部分属实 30 and 18 days ago, each verified ten days after it came (today 2026-11-29).
    expect(verified.rows.map((r) => [r.outcome, r.verified_on])).toEqual([
      ['partly_true', '2026-11-09'],
      ['partly_true', '2026-11-21'],
      ['true', '2026-11-19'],
    ]);
    const enterpriseId = verified.rows.find((r) => r.outcome === 'true')!.enterprise_id;
    const profile = await t.request({
      method: 'GET',
      url: `/api/v1/enterprises/${enterpriseId}/profile`,
      as: officer,
    });
    expect(profile.json().counts.whistleReports).toBe(2);
    const list = await t.request({
      method: 'GET',
      url: `/api/v1/whistleblowing/verified?enterpriseId=${enterpriseId}`,
      as: officer,
    });
    expect(list.json()).toEqual({
      items: [
        { verifiedOn: '2026-11-21', category: 'major_hazard', outcome: 'partly_true', demo: true },
        { verifiedOn: '2026-11-19', category: 'major_hazard', outcome: 'true', demo: true },
      ],
      total: 2,
    });
    // The two make one verified-report deduction on its credit record.
    const credit = await t.request({
      method: 'GET',
      url: `/api/v1/enforcement/credit/report-deductions?enterpriseId=${enterpriseId}`,
      as: officer,
    });
    expect(credit.json()).toMatchObject({
      pointsInForce: 5,
      items: [{ recordedOn: '2026-11-21', endsOn: '2027-11-21', inForce: true, points: 5 }],
    });
    expect(credit.json().items[0].reports.map((r: { verifiedOn: string }) => r.verifiedOn)).toEqual([
      '2026-11-19',
      '2026-11-21',
    ]);
    const pinned = await t.db.query<{ metres: number }>(
      `SELECT round(earth_distance(ll_to_earth(r.lat, r.lon), ll_to_earth(e.lat, e.lon)))::int AS metres
         FROM whistle_reports r JOIN enterprises e ON e.id = r.enterprise_id WHERE r.lon IS NOT NULL`,
    );
    expect(pinned.rows.map((r) => r.metres)).toEqual([38, 38]);
  });
});
