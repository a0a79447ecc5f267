import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportHazard } from '@anjian/domain';
import { createTestContext, type Caller, type TestContext } from '../../../../test/test-app.ts';
import { insertEnterprise, insertHazard } from '../../../../test/factories.ts';

describe('hazard statistics: open, closed and overdue by county, sector and level; rates', () => {
  let t: TestContext;
  let city: Caller;
  let tonghai: Caller;
  let serial = 7200;

  async function enterprise(county: string, sectors: string[]) {
    const row = await insertEnterprise(t.db, { name: '统计测试企业', county, serial: serial++, sectors });
    return { id: row, county };
  }

  /** A hazard row in a given state, as the closed loop would have left it. */
  async function hazard(
    at: { id: string; county: string },
    level: 'general' | 'major',
    status: string,
    deadline: string | null,
    submittedAt?: string,
  ) {
    const reporter = await t.db.query<{ id: string }>('SELECT id FROM users LIMIT 1');
    const result = reportHazard(
      { source: 'self_check', tickedCriteria: [] },
      { now: new Date('2026-10-01T00:00:00Z'), actor: { kind: 'enterprise', id: reporter.rows[0]!.id } },
    );
    if (!result.ok) throw result.error;
    const state = {
      ...result.state,
      level,
      status,
      ...(deadline ? { deadline } : {}),
      ...(submittedAt
        ? { rectification: { description: '已整改', photos: [], documents: [], submittedAt } }
        : {}),
    };
    await insertHazard(t.db, {
      enterpriseId: at.id,
      county: at.county,
      description: '统计测试隐患',
      level,
      status,
      deadline,
      state,
      reportedBy: reporter.rows[0]!.id,
      reportedAt: '2026-10-01T00:00:00Z',
    });
  }

  beforeAll(async () => {
    process.env.HAZARD_ESCALATION_INTERVAL_SECONDS = '0';
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    city = await t.sessionFor(await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }));
    tonghai = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530423'] } }),
    );
    const a = await enterprise('530403', ['hazchem']);
    const b = await enterprise('530423', ['hazchem', 'metallurgy']);
    const c = await enterprise('530403', []);
    // Now is 2026-11-29 10:00 +08:00.
    await hazard(a, 'general', 'rectifying', '2026-11-20'); // 8 days overdue
    await hazard(a, 'major', 'rectifying', '2026-12-31'); // in time
    await hazard(a, 'general', 'closed', '2026-11-10', '2026-11-10T15:59:59.999Z'); // on time: last instant
    await hazard(b, 'general', 'closed', '2026-11-10', '2026-11-10T16:00:00.000Z'); // late: day had ended
    await hazard(b, 'major', 'closed', null); // closed, no deadline to be on time against
    await hazard(c, 'general', 'dismissed', null); // not a hazard after all
    await hazard(c, 'major', 'pending_acceptance', '2026-11-01', '2026-10-31T00:00:00Z'); // awaiting review
    await hazard(b, 'major', 'reported', '2026-11-28'); // ran out at 2026-11-28T16:00Z
  });
  afterAll(() => t.close());

  it('counts every hazard of the city at the exact numbers', async () => {
    const response = await t.request({ method: 'GET', url: '/api/v1/hazards/statistics', as: city });
    expect(response.statusCode).toBe(200);
    const stats = response.json();
    expect(stats.total).toEqual({ general: 4, major: 4, total: 8 });
    expect(stats.open).toEqual({ general: 1, major: 3, total: 4 });
    expect(stats.closed).toEqual({ general: 2, major: 1, total: 3 });
    expect(stats.overdue).toEqual({ general: 1, major: 1, total: 2 });
    expect(stats.byEscalation.escalated_county).toEqual({ general: 1, major: 0, total: 1 });
    expect(stats.byEscalation.overdue).toEqual({ general: 0, major: 1, total: 1 });
    expect(stats.byLevel).toEqual({
      general: { total: 4, open: 1, closed: 2, overdue: 1 },
      major: { total: 4, open: 3, closed: 1, overdue: 1 },
    });
    expect(stats.byCounty).toEqual([
      { key: '530403', total: 5, open: 3, closed: 1, overdue: 1 },
      { key: '530423', total: 3, open: 1, closed: 2, overdue: 1 },
    ]);
    expect(stats.bySector).toEqual([
      { key: '', total: 2, open: 1, closed: 0, overdue: 0 },
      { key: 'hazchem', total: 6, open: 3, closed: 3, overdue: 2 },
      { key: 'metallurgy', total: 3, open: 1, closed: 2, overdue: 1 },
    ]);
    expect(stats.rectificationRate).toEqual({ numerator: 3, denominator: 7, rate: 0.4286 });
    expect(stats.onTimeRate).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
  });

  it('counts only what the caller may see, and follows the filters', async () => {
    const county = (
      await t.request({ method: 'GET', url: '/api/v1/hazards/statistics', as: tonghai })
    ).json();
    expect(county.total).toEqual({ general: 1, major: 2, total: 3 });
    expect(county.byCounty).toEqual([{ key: '530423', total: 3, open: 1, closed: 2, overdue: 1 }]);
    expect(county.rectificationRate).toEqual({ numerator: 2, denominator: 3, rate: 0.6667 });
    expect(county.onTimeRate).toEqual({ numerator: 0, denominator: 1, rate: 0 });

    const major = (
      await t.request({
        method: 'GET',
        url: '/api/v1/hazards/statistics?level=major&county=530403',
        as: city,
      })
    ).json();
    expect(major.byLevel.general).toEqual({ total: 0, open: 0, closed: 0, overdue: 0 });
    expect(major.byLevel.major).toEqual({ total: 2, open: 2, closed: 0, overdue: 0 });
    expect(major.onTimeRate).toEqual({ numerator: 0, denominator: 0, rate: null });
  });
});
