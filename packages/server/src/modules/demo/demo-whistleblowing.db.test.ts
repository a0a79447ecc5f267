import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldCipher } from '../../platform/crypto.ts';
import { createTestContext, TEST_WHISTLE_KEY, type TestContext } from '../../../test/test-app.ts';
import { loadDemoWhistleblowing } from './demo-whistleblowing.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
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
});
