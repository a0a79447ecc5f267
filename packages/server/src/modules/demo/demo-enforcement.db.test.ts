import { afterAll, beforeAll, expect, it } from 'vitest';
import { createFieldCipher } from '../../platform/crypto.ts';
import { createTestContext, TEST_FIELD_KEY, type TestContext } from '../../../test/test-app.ts';
import { loadDemoRegistry } from './demo-data.ts';
import { loadDemoEnforcement } from './demo-enforcement.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

it('loads two 演示 inspectors per division and the checklist library, once', async () => {
  await loadDemoEnforcement({ db: t.db, clock: t.clock });
  await loadDemoEnforcement({ db: t.db, clock: t.clock });
  const inspectors = await t.db.query(`SELECT count(*)::int AS n FROM enforcement_inspectors WHERE demo`);
  expect(inspectors.rows[0].n).toBe(20);
  const items = await t.db.query(`SELECT count(*)::int AS n FROM enforcement_checklist_items`);
  expect(items.rows[0].n).toBe(8);
});

it('loads a disclosed 演示 draw with its inspections, a decided penalty case and a credit-list candidate, once', async () => {
  await loadDemoRegistry({ db: t.db, clock: t.clock, cipher: createFieldCipher(TEST_FIELD_KEY) });
  await loadDemoEnforcement({ db: t.db, clock: t.clock });
  await loadDemoEnforcement({ db: t.db, clock: t.clock });

  const disclosure = (await t.request({ method: 'GET', url: '/api/v1/public/disclosure' })).json();
  const draw = disclosure.draws.find((d: { title: string }) => d.title.includes('演示'));
  expect(draw).toMatchObject({ status: 'disclosed', enterpriseCount: 2 });
  const record = await t.request({ method: 'GET', url: draw.verification });
  const verified = await t.request({
    method: 'POST',
    url: '/api/v1/calc/draw/verify',
    payload: record.json(),
  });
  expect(verified.json()).toEqual({ ok: true });
  const inspections = disclosure.inspections.filter((i: { drawId: string }) => i.drawId === draw.id);
  expect(inspections.map((i: { result: string }) => i.result).sort()).toEqual([
    'no_problems',
    'problems_found',
  ]);

  const cases = await t.db.query(`SELECT status, inspection_id, state FROM enforcement_cases WHERE demo`);
  expect(cases.rows).toHaveLength(1);
  expect(cases.rows[0]).toMatchObject({
    status: 'decided',
    state: { decision: { penalty: { fineYuan: '12345.60' } } },
  });
  expect(disclosure.penaltyDecisions).toHaveLength(1);
  const listings = await t.db.query(`SELECT status FROM credit_listings`);
  expect(listings.rows).toEqual([{ status: 'candidate' }]);
  // The decision carries its 决定书文号; the records' author is the one disabled system account.
  expect(disclosure.penaltyDecisions[0].documentNo).toBe('红应急罚〔2026〕1号');
  const authors = await t.db.query(
    `SELECT DISTINCT u.username, u.status FROM enforcement_cases c JOIN users u ON u.id = c.created_by`,
  );
  expect(authors.rows).toEqual([{ username: 'system', status: 'disabled' }]);
  const legacy = await t.db.query(`SELECT 1 FROM users WHERE username = 'demo_enforcement'`);
  expect(legacy.rowCount).toBe(0);
});
