import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';

describe('duty roster and duty log', () => {
  let t: TestContext;
  let city: Caller;
  let county: Caller;
  const shift = (overrides: object) => ({
    county: '530402',
    date: '2026-11-30',
    shift: 'day',
    leader: '李带班',
    officer: '王值班',
    phone: '13812345678',
    ...overrides,
  });

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    city = await t.sessionFor(await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }));
    county = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530402'] } }),
    );
  });
  afterAll(() => t.close());

  it('keeps one duty team per office, date and shift and lists the week in order', async () => {
    const post = (payload: object, as: Caller) =>
      t.request({ method: 'POST', url: '/api/v1/emergency/duty/roster', payload, as });
    expect((await post(shift({ shift: 'night', officer: '赵夜班' }), county)).statusCode).toBe(201);
    expect((await post(shift({}), county)).statusCode).toBe(201);
    const taken = await post(shift({ officer: '另一人' }), county);
    expect([taken.statusCode, taken.json().error.code]).toEqual([409, 'emergency.duty_shift_taken']);
    // The city bureau's own roster is a separate office with the same date and shift.
    expect((await post(shift({ county: undefined, officer: '市局值班员' }), city)).statusCode).toBe(201);
    const cityShift = await post(shift({ county: undefined }), county);
    expect(cityShift.statusCode).toBe(403);

    const week = (
      await t.request({
        method: 'GET',
        url: '/api/v1/emergency/duty/roster?from=2026-11-30&to=2026-12-06',
        as: county,
      })
    ).json();
    expect(
      week.items.map((s: { county: string | null; shift: string; officer: string; phone: string }) => [
        s.county,
        s.shift,
        s.officer,
        s.phone,
      ]),
    ).toEqual([
      [null, 'day', '市局值班员', '13812345678'],
      ['530402', 'day', '王值班', '13812345678'],
      ['530402', 'night', '赵夜班', '13812345678'],
    ]);
    const own = (
      await t.request({
        method: 'GET',
        url: '/api/v1/emergency/duty/roster?from=2026-11-30&to=2026-12-06&county=city',
        as: city,
      })
    ).json();
    expect(own.items.map((s: { officer: string }) => s.officer)).toEqual(['市局值班员']);
    const tooLong = await t.request({
      method: 'GET',
      url: '/api/v1/emergency/duty/roster?from=2026-01-01&to=2026-12-31',
      as: city,
    });
    expect([tooLong.statusCode, tooLong.json().error.code]).toEqual([400, 'emergency.duty_range_too_long']);
    const stored = await t.db.query<{ phone_enc: string }>('SELECT phone_enc FROM duty_shifts LIMIT 1');
    expect(stored.rows[0]!.phone_enc).not.toContain('13812345678');
  });

  it('writes log entries by the signed-in author, linked to an incident, newest first', async () => {
    const incident = (
      await t.request({
        method: 'POST',
        url: '/api/v1/incidents',
        payload: {
          occurredAt: '2026-11-29T01:00:00.000Z',
          county: '530402',
          location: '红塔区某化工厂',
          accidentType: 'WSA10023',
          deaths: 0,
          seriousInjuries: 0,
          description: '液氯钢瓶阀门泄漏',
          reporter: '企业值班员',
        },
        as: county,
      })
    ).json();
    const write = (payload: object) =>
      t.request({ method: 'POST', url: '/api/v1/emergency/duty/log', payload, as: county });
    expect(
      (await write({ county: '530402', at: '2026-11-29T00:30:00Z', text: '交接班，无异常' })).statusCode,
    ).toBe(201);
    const linked = await write({
      county: '530402',
      text: '接报化工厂泄漏，已通知危化品救援队',
      incidentId: incident.id,
    });
    expect(linked.statusCode).toBe(201);
    expect(linked.json()).toMatchObject({
      at: '2026-11-29T02:00:00.000Z',
      incidentLocation: '红塔区某化工厂',
    });
    const future = await write({ county: '530402', at: '2026-11-30T00:00:00Z', text: '预写日志' });
    expect([future.statusCode, future.json().error.code]).toEqual([400, 'emergency.log_in_future']);

    const log = (
      await t.request({
        method: 'GET',
        url: '/api/v1/emergency/duty/log?from=2026-11-29&to=2026-11-29',
        as: city,
      })
    ).json();
    expect(log.items.map((e: { text: string }) => e.text)).toEqual([
      '接报化工厂泄漏，已通知危化品救援队',
      '交接班，无异常',
    ]);
    const author = await t.db.query<{ display_name: string }>(
      "SELECT display_name FROM users WHERE scope_kind = 'county' LIMIT 1",
    );
    expect(log.items[0].author).toBe(author.rows[0]!.display_name);
    const aboutIncident = (
      await t.request({
        method: 'GET',
        url: `/api/v1/emergency/duty/log?incidentId=${incident.id}`,
        as: county,
      })
    ).json();
    expect(aboutIncident.items).toHaveLength(1);
  });

  it("shows a duty-log entry about an incident on that incident's timeline, with who and when", async () => {
    const incident = (
      await t.request({
        method: 'POST',
        url: '/api/v1/incidents',
        payload: {
          occurredAt: '2026-11-29T01:30:00.000Z',
          county: '530402',
          location: '红塔区某储罐区',
          accidentType: 'WSA10023',
          deaths: 0,
          seriousInjuries: 0,
          description: '储罐呼吸阀泄漏',
          reporter: '企业值班员',
        },
        as: county,
      })
    ).json();
    // Logged afterwards but back-dated to when the call came in: it sorts by when it happened.
    const logged = await t.request({
      method: 'POST',
      url: '/api/v1/emergency/duty/log',
      payload: {
        county: '530402',
        at: '2026-11-29T01:45:00Z',
        text: '接企业电话报告储罐泄漏',
        incidentId: incident.id,
      },
      as: county,
    });
    expect(logged.statusCode).toBe(201);
    const unrelated = await t.request({
      method: 'POST',
      url: '/api/v1/emergency/duty/log',
      payload: { county: '530402', text: '例行巡查' },
      as: county,
    });
    expect(unrelated.statusCode).toBe(201);

    const shown = (
      await t.request({ method: 'GET', url: `/api/v1/incidents/${incident.id}`, as: city })
    ).json();
    const author = logged.json().author as string;
    expect(author).not.toBe('');
    expect(
      shown.timeline.map((e: { at: string; actor: string; kind: string; text: string }) => [
        e.at,
        e.actor,
        e.kind,
        e.text,
      ]),
    ).toEqual([
      ['2026-11-29T01:45:00.000Z', author, 'duty_log', '接企业电话报告储罐泄漏'],
      [
        '2026-11-29T02:00:00.000Z',
        expect.any(String),
        'report',
        expect.stringContaining('首报：红塔区某储罐区'),
      ],
      ['2026-11-29T02:00:00.000Z', 'system', 'note', '事故等级：一般事故'],
    ]);
  });
});
