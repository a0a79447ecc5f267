import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../../test/test-app.ts';
import { insertEnterprise } from '../../../../test/factories.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('hidden hazards: rectification progress (整改进展)', () => {
  let t: TestContext;
  let enterpriseId: string;
  let manager: Caller;
  let officer: Caller;

  const upload = async (as: Caller, county?: string) =>
    (
      await t.request({
        method: 'POST',
        url: `/api/v1/uploads${county ? `?county=${county}` : ''}`,
        payload: PNG,
        headers: { 'content-type': 'image/png' },
        as,
      })
    ).json().id as string;
  const act = (id: string, body: object, as: Caller) =>
    t.request({ method: 'POST', url: `/api/v1/hazards/${id}/actions`, payload: body, as });

  /** A 一般 self-check hazard of the enterprise, with its plan: rectifying. */
  async function rectifyingHazard(): Promise<string> {
    const reported = await t.request({
      method: 'POST',
      url: '/api/v1/hazards',
      payload: {
        enterpriseId,
        source: 'self_check',
        location: { text: '锅炉房' },
        description: '锅炉房安全阀校验过期',
        category: '05',
      },
      as: manager,
    });
    expect(reported.statusCode).toBe(201);
    const id = reported.json().id as string;
    const planned = await act(
      id,
      { action: 'submit_plan', plan: { responsiblePerson: '王安全', deadline: '2026-12-31' } },
      manager,
    );
    expect(planned.json().status).toBe('rectifying');
    return id;
  }

  beforeAll(async () => {
    process.env.HAZARD_ESCALATION_INTERVAL_SECONDS = '0';
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    enterpriseId = await insertEnterprise(t.db, { name: '江川热力有限公司', county: '530403', serial: 556 });
    manager = await t.sessionFor(
      await t.createUser({
        roles: ['enterprise_manager'],
        scope: { kind: 'enterprise', enterpriseId, county: '530403' },
      }),
    );
    officer = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530403'] } }),
    );
  });
  afterAll(() => t.close());

  it('records progress and temporary measures while rectifying, keeps the status, and is audited', async () => {
    const id = await rectifyingHazard();
    const photo = await upload(manager);
    const answer = await act(
      id,
      {
        action: 'report_progress',
        progress: '安全阀已拆下送检',
        percent: 50,
        temporaryMeasures: '锅炉降压运行，专人值守',
        photos: [photo],
      },
      manager,
    );
    expect(answer.statusCode).toBe(200);
    const hazard = answer.json();
    expect(hazard.status).toBe('rectifying');
    expect(hazard.progressReports).toEqual([
      {
        at: '2026-11-29T02:00:00.000Z',
        by: expect.any(String),
        progress: '安全阀已拆下送检',
        percent: 50,
        temporaryMeasures: '锅炉降压运行，专人值守',
        photos: [photo],
      },
    ]);
    expect(hazard.timeline.at(-1)).toMatchObject({
      action: 'report_progress',
      actorKind: 'enterprise',
      from: 'rectifying',
      to: 'rectifying',
      note: '50%: 安全阀已拆下送检',
    });

    // Stored: the county officer reads the same report back.
    const seen = (await t.request({ method: 'GET', url: `/api/v1/hazards/${id}`, as: officer })).json();
    expect(seen.progressReports).toHaveLength(1);
    expect(seen.progressReports[0].temporaryMeasures).toBe('锅炉降压运行，专人值守');
    const audited = await t.db.query(`SELECT 1 FROM audit_log WHERE target = $1 AND action LIKE 'hazard.%'`, [
      id,
    ]);
    expect(audited.rowCount).toBeGreaterThanOrEqual(3);
  });

  it('is the enterprise’s: the county officer is refused, and not before the plan or after submitting', async () => {
    const id = await rectifyingHazard();
    const byOfficer = await act(id, { action: 'report_progress', progress: '已督促整改' }, officer);
    expect(byOfficer.statusCode).toBe(403);
    expect(byOfficer.json().error.code).toBe('hazard.action_not_allowed');

    const photo = await upload(manager);
    await act(
      id,
      { action: 'submit_rectification', description: '安全阀已校验回装', photos: [photo] },
      manager,
    );
    const late = await act(id, { action: 'report_progress', progress: '补充进展' }, manager);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('hazard.illegal_transition');
    const stored = (await t.request({ method: 'GET', url: `/api/v1/hazards/${id}`, as: manager })).json();
    expect(stored.progressReports).toEqual([]);
  });

  it('refuses a photo of another county and a bad percent without recording anything', async () => {
    const id = await rectifyingHazard();
    const city = await t.sessionFor(await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }));
    const tonghai = await upload(city, '530423');
    const badPhoto = await act(
      id,
      { action: 'report_progress', progress: '进展', photos: [tonghai] },
      manager,
    );
    expect(badPhoto.statusCode).toBe(400);
    expect(badPhoto.json().error.fields[0]).toMatchObject({ path: 'photos.0', code: 'unknown_upload' });
    const badPercent = await act(id, { action: 'report_progress', progress: '进展', percent: 120 }, manager);
    expect(badPercent.statusCode).toBe(400);
    const stored = (await t.request({ method: 'GET', url: `/api/v1/hazards/${id}`, as: manager })).json();
    expect(stored.progressReports).toEqual([]);
    expect(stored.timeline.map((e: { action: string }) => e.action)).toEqual(['report', 'submit_plan']);
  });
});
