import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { insertEnterprise } from '../../../test/factories.ts';

const COUNTY = '530403';

let t: TestContext;
let handler: Caller;
let stranger: Caller;
let enterpriseId: string;

/** A replied report found true with a fine, ready for a reward proposal. */
async function insertReport(code: string, receivedOn: string, category = 'major_hazard') {
  const rows = await t.db.query<{ id: string }>(
    `INSERT INTO whistle_reports (query_code, secret_salt, secret_hash, channel, category, description, county,
       enterprise_id, anonymous, received_on, status, acceptance_due, decided_on, assigned_county, outcome, fine_yuan)
     VALUES ($1, 's', 'h', 'online', $2, '锁闭安全出口', $3, $4, true, $5, 'replied', $5, $5, $3, 'true', '40000.00')
     RETURNING id`,
    [code, category, COUNTY, enterpriseId, receivedOn],
  );
  return rows.rows[0]!.id;
}

const call = (method: 'GET' | 'POST' | 'DELETE', path: string, payload?: object, as: Caller = handler) =>
  t.request({ method, url: `/api/v1/whistleblowing/reports/${path}`, ...(payload ? { payload } : {}), as });

beforeAll(async () => {
  t = await createTestContext();
  enterpriseId = await insertEnterprise(t.db, { name: '玉溪重复举报测试厂', county: COUNTY, serial: 7201 });
  const user = await t.createUser({
    roles: ['county_officer'],
    scope: { kind: 'county', counties: [COUNTY] },
    totp: true,
  });
  handler = await t.sessionFor(user);
  const other = await t.createUser({
    roles: ['county_officer'],
    scope: { kind: 'county', counties: ['530423'] },
    totp: true,
  });
  stranger = await t.sessionFor(other);
}, 60_000);
afterAll(() => t?.close());

describe('whistleblowing: duplicates and the first valid reporter', () => {
  it('suggests, links and refuses the duplicate’s reward; unlinked it may be rewarded', async () => {
    const first = await insertReport('DUP-FIRST-0001', '2026-12-01');
    const second = await insertReport('DUP-SECOND-001', '2026-12-05');
    await insertReport('DUP-OTHER-0001', '2026-12-03', 'illegal_operation');
    await insertReport('DUP-LONG-00001', '2026-01-02');

    // Same enterprise and category within 90 days, earlier: only the first.
    const candidates = await call('GET', `${second}/duplicate-candidates`);
    expect(candidates.json().map((r: { queryCode: string }) => r.queryCode)).toEqual(['DUP-FIRST-0001']);

    expect((await call('POST', `${second}/duplicate-of`, { originalId: 'not-a-uuid' })).statusCode).toBe(400);
    expect((await call('POST', `${second}/duplicate-of`, { originalId: first }, stranger)).statusCode).toBe(
      404,
    );
    const linked = await call('POST', `${second}/duplicate-of`, { originalId: first });
    expect(linked.statusCode).toBe(200);
    expect(linked.json().duplicateOf).toEqual({ id: first, queryCode: 'DUP-FIRST-0001' });
    expect((await call('GET', first)).json().duplicates).toEqual([
      { id: second, queryCode: 'DUP-SECOND-001' },
    ]);

    // The original cannot in turn be linked (one level), nor a report to a later one.
    const chain = await call('POST', `${first}/duplicate-of`, { originalId: second });
    expect([chain.statusCode, chain.json().error.code]).toEqual([409, 'whistle.duplicate_chain']);

    const refused = await call('POST', `${second}/reward`, {});
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'whistle.duplicate_not_rewarded']);
    const written = await t.db.query('SELECT 1 FROM whistle_rewards WHERE report_id = $1', [second]);
    expect(written.rowCount).toBe(0);
    expect((await call('POST', `${first}/reward`, {})).json().reward.amountYuan).toBe('6000.00');

    // Once the original is rewarded the duplicate cannot be linked elsewhere as an original either.
    const unlinked = await call('DELETE', `${second}/duplicate-of`);
    expect(unlinked.json().duplicateOf).toBeNull();
    expect((await call('POST', `${second}/reward`, {})).statusCode).toBe(200);
    const late = await call('POST', `${second}/duplicate-of`, { originalId: first });
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'whistle.duplicate_rewarded']);
  });

  it('a duplicate of an original found untrue is the first valid one', async () => {
    const untrue = await insertReport('DUP-UNTRUE-001', '2026-11-01');
    await t.db.query(`UPDATE whistle_reports SET outcome = 'untrue' WHERE id = $1`, [untrue]);
    const later = await insertReport('DUP-LATER-0001', '2026-11-02');
    expect((await call('POST', `${later}/duplicate-of`, { originalId: untrue })).statusCode).toBe(200);
    expect((await call('POST', `${later}/reward`, {})).statusCode).toBe(200);
  });

  it('sums the year’s rewards by county in the ledger, with its workbook', async () => {
    // Three proposals of 6,000 so far (the tests above); one approved and paid, one approved.
    const ids = (
      await t.db.query<{ report_id: string }>('SELECT report_id FROM whistle_rewards ORDER BY report_id')
    ).rows;
    await t.db.query(
      `UPDATE whistle_rewards SET status = 'paid', paid_on = '2026-12-06' WHERE report_id = $1`,
      [ids[0]!.report_id],
    );
    await t.db.query(`UPDATE whistle_rewards SET status = 'approved' WHERE report_id = $1`, [
      ids[1]!.report_id,
    ]);
    const year = t.clock.now().getUTCFullYear();
    const ledger = await t.request({
      method: 'GET',
      url: `/api/v1/whistleblowing/rewards/ledger?year=${year}`,
      as: handler,
    });
    const county = {
      proposedCount: 3,
      proposedYuan: '18000.00',
      approvedCount: 2,
      approvedYuan: '12000.00',
      paidCount: 1,
      paidYuan: '6000.00',
    };
    expect(ledger.json()).toEqual([
      { county: COUNTY, ...county },
      { county: null, ...county },
    ]);
    const empty = await t.request({
      method: 'GET',
      url: '/api/v1/whistleblowing/rewards/ledger?year=2001',
      as: handler,
    });
    expect(empty.json()).toEqual([]);
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/whistleblowing/rewards/ledger?year=x', as: handler }))
        .statusCode,
    ).toBe(400);
    // Another county's officer sees none of it.
    expect(
      (
        await t.request({
          method: 'GET',
          url: `/api/v1/whistleblowing/rewards/ledger?year=${year}`,
          as: stranger,
        })
      ).json(),
    ).toEqual([]);
    const book = await t.request({
      method: 'GET',
      url: `/api/v1/whistleblowing/rewards/ledger/export?year=${year}`,
      as: handler,
    });
    expect(book.statusCode).toBe(200);
    expect(book.headers['content-type']).toContain('spreadsheetml');
  });
});
