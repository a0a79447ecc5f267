import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whistleRewardRulesOn, type WhistleAccidentClass } from '@anjian/domain';
import { createTestContext, type Caller, type TestContext, type TestUser } from '../../../test/test-app.ts';
import { jpegWithExifGps, jpegZipPolyglot } from '../uploads/hostile-images.ts';
import { secretHash } from './whistle-codes.ts';

const COUNTY = '530402';
const OTHER = '530423';

let t: TestContext;
let handler: Caller;
let outsider: Caller;
let approver: Caller;
let handlerUser: TestUser;
let approverUser: TestUser;
let outsiderUser: TestUser;

/** An accepted report of the county, waiting for its verification. */
async function acceptedReport(code: string, category = 'concealed_accident') {
  const rows = await t.db.query<{ id: string }>(
    `INSERT INTO whistle_reports (query_code, secret_salt, secret_hash, channel, category, description, county,
       anonymous, received_on, status, acceptance_due, decided_on, assigned_county, verification_due)
     VALUES ($1, 's', 'h', 'online', $2, '矿井透水死亡三人，企业只报一人', $3, true, '2026-11-02', 'accepted',
       '2026-11-07', '2026-11-03', $3, '2027-01-02')
     RETURNING id`,
    [code, category, COUNTY],
  );
  return rows.rows[0]!.id;
}

async function incident(as: Caller, county: string, deaths: number): Promise<string> {
  const reported = await t.request({
    method: 'POST',
    url: '/api/v1/incidents',
    payload: {
      occurredAt: new Date(t.clock.now().getTime() - 3600_000).toISOString(),
      county,
      location: '红塔区某矿井下作业面',
      accidentType: 'WSA10023',
      deaths,
      seriousInjuries: 0,
      directLossWan: '80',
      description: '井下透水，人员被困',
      reporter: '县局值班员',
    },
    as,
  });
  expect(reported.statusCode).toBe(201);
  return reported.json().id;
}

/** The amount the dated rules give (安监总财〔2018〕19号 Art. 12), capped, as a yuan string. */
function expectedYuan(accidentClass: WhistleAccidentClass, deaths: number): string {
  const rules = whistleRewardRulesOn('2026-11-03');
  return `${Math.min(rules.perDeathYuan[accidentClass] * deaths, rules.concealedMaxYuan)}.00`;
}

const report = (id: string, path = '', payload?: object, as: Caller = handler) =>
  t.request({
    method: payload ? 'POST' : 'GET',
    url: `/api/v1/whistleblowing/reports/${id}${path}`,
    ...(payload ? { payload } : {}),
    as,
  });

beforeAll(async () => {
  t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
  handlerUser = await t.createUser({
    roles: ['county_officer'],
    scope: { kind: 'county', counties: [COUNTY] },
  });
  handler = await t.sessionFor(handlerUser);
  outsiderUser = await t.createUser({
    roles: ['county_officer'],
    scope: { kind: 'county', counties: [OTHER] },
  });
  outsider = await t.sessionFor(outsiderUser);

  approverUser = await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } });
  approver = await t.sessionFor(approverUser);
}, 60_000);
afterAll(() => t?.close());

describe('whistleblowing: a concealed accident’s reward reads class and deaths from the incident', () => {
  it('proposes per death by the incident’s class, follows the recount until approved; 404 out of scope', async () => {
    const ours = await incident(handler, COUNTY, 3);
    const theirs = await incident(outsider, OTHER, 5);
    const id = await acceptedReport('INC-REWARD-0001');

    // The picker lists the caller's accidents only, with their counted figures.
    const options = (
      await t.request({ method: 'GET', url: '/api/v1/whistleblowing/incidents', as: handler })
    ).json();
    expect(options.map((o: { id: string }) => o.id)).toEqual([ours]);
    expect(options[0]).toMatchObject({ county: COUNTY, deaths: 3, accidentClass: 'larger' });

    const outside = await report(id, '/verification', {
      outcome: 'true',
      note: '核实瞒报',
      incidentId: theirs,
    });
    expect([outside.statusCode, outside.json().error.code]).toEqual([404, 'whistle.incident_not_found']);
    expect((await report(id)).json()).toMatchObject({ status: 'accepted', incident: null });

    // Typed figures give way to the incident's.
    const verified = await report(id, '/verification', {
      outcome: 'true',
      note: '核实瞒报两人',
      incidentId: ours,
      deaths: 1,
      accidentClass: 'general',
    });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({
      status: 'verified',
      deaths: 3,
      accidentClass: 'larger',
      incident: { id: ours, deaths: 3, accidentClass: 'larger', county: COUNTY },
    });

    expect((await report(id, '/reply', { body: '经核查，举报属实' })).statusCode).toBe(200);
    const proposed = (await report(id, '/reward', {})).json().reward;
    expect(proposed).toMatchObject({
      status: 'proposed',
      amountYuan: expectedYuan('larger', 3),
      basis: 'per_death',
    });

    // The recount within the statutory window: 10 deaths make it 重大, and the cap applies.
    t.clock.advance(5 * 86_400_000);
    handler = await t.sessionFor(handlerUser);
    approver = await t.sessionFor(approverUser);
    const followUp = await t.request({
      method: 'POST',
      url: `/api/v1/incidents/${ours}/follow-ups`,
      payload: { deaths: 10, description: '搜救结束，又发现遇难者七人' },
      as: handler,
    });
    expect(followUp.json()).toMatchObject({ deaths: 10, level: 'major' });
    const recounted = (await report(id)).json();
    expect(recounted).toMatchObject({ deaths: 10, accidentClass: 'major' });
    expect(recounted.reward).toMatchObject({
      status: 'proposed',
      amountYuan: expectedYuan('major', 10),
      basis: 'per_death_capped',
    });
    expect(expectedYuan('major', 10)).toBe(`${whistleRewardRulesOn('2026-11-03').concealedMaxYuan}.00`);

    // The ledger and the reporter's page show the drawer's amount, not the proposal's first figure.
    const ledger = await t.request({
      method: 'GET',
      url: '/api/v1/whistleblowing/rewards/ledger?year=2026',
      as: approver,
    });
    expect(ledger.json().find((row: { county: string | null }) => row.county === COUNTY)).toMatchObject({
      proposedCount: 1,
      proposedYuan: expectedYuan('major', 10),
    });
    await t.db.query('UPDATE whistle_reports SET secret_salt = $2, secret_hash = $3 WHERE id = $1', [
      id,
      'salt',
      secretHash('salt', 'SECRET0000000000LIVE'),
    ]);
    const seen = await t.request({
      method: 'POST',
      url: '/api/v1/public/whistleblowing/lookup',
      payload: {
        queryCode: 'INC-REWARD-0001',
        secret: 'SECRET0000000000LIVE',
        deviceId: 'device-live-amount-0001',
      },
    });
    expect(seen.json().reward).toEqual({
      status: 'proposed',
      amountYuan: expectedYuan('major', 10),
      paidOn: null,
    });

    // The first approval fixes the amount; a later recount no longer moves it.
    expect((await report(id, '/reward/approval', {}, approver)).statusCode).toBe(200);
    const stored = await t.db.query<{ amount_yuan: string }>(
      'SELECT amount_yuan FROM whistle_rewards WHERE report_id = $1',
      [id],
    );
    expect(stored.rows[0]!.amount_yuan).toBe(expectedYuan('major', 10));
    await t.request({
      method: 'POST',
      url: `/api/v1/incidents/${ours}/follow-ups`,
      payload: { deaths: 2, description: '核实后死亡人数更正为二人' },
      as: handler,
    });
    expect((await report(id)).json().reward).toMatchObject({
      status: 'approved_once',
      amountYuan: expectedYuan('major', 10),
    });
  });

  it('keeps the typed figures without an incident, and links incidents only to concealed accidents', async () => {
    const manual = await acceptedReport('INC-MANUAL-001');
    await report(manual, '/verification', {
      outcome: 'true',
      note: '核实',
      deaths: 2,
      accidentClass: 'general',
    });
    await report(manual, '/reply', { body: '经核查，举报属实' });
    expect((await report(manual, '/reward', {})).json().reward.amountYuan).toBe(expectedYuan('general', 2));

    const hazard = await acceptedReport('INC-HAZARD-001', 'major_hazard');
    const ours = await incident(handler, COUNTY, 1);
    const refused = await report(hazard, '/verification', {
      outcome: 'true',
      note: '核实',
      incidentId: ours,
    });
    expect([refused.statusCode, refused.json().error.code]).toEqual([
      400,
      'whistle.incident_not_for_category',
    ]);
  });
});

describe('whistleblowing: photos on the staff entry form', () => {
  // Fresh sessions: the first part moved the clock past their lifetime.
  beforeAll(async () => {
    handler = await t.sessionFor(handlerUser);
    outsider = await t.sessionFor(outsiderUser);
  });
  const upload = (data: Buffer, type = 'image/jpeg', as: Caller = handler) =>
    t.request({
      method: 'POST',
      url: '/api/v1/whistleblowing/photos',
      payload: data,
      headers: { 'content-type': type },
      as,
    });

  it('stores a letter’s photos through the public pipeline and shows them on the report', async () => {
    const photo = await upload(await jpegWithExifGps());
    expect(photo.statusCode).toBe(201);
    const photoId = photo.json().id;

    // Another officer cannot attach it.
    const foreign = await t.request({
      method: 'POST',
      url: '/api/v1/whistleblowing/reports',
      payload: {
        category: 'illegal_operation',
        description: '来信反映：夜间违规动火作业',
        county: OTHER,
        anonymous: true,
        channel: 'letter',
        receivedOn: '2026-11-28',
        photoIds: [photoId],
      },
      as: outsider,
    });
    expect([foreign.statusCode, foreign.json().error.code]).toEqual([400, 'whistle.photo_invalid']);

    const entered = await t.request({
      method: 'POST',
      url: '/api/v1/whistleblowing/reports',
      payload: {
        category: 'illegal_operation',
        description: '来信反映：夜间违规动火作业，附照片',
        county: COUNTY,
        anonymous: true,
        channel: 'letter',
        receivedOn: '2026-11-28',
        photoIds: [photoId],
      },
      as: handler,
    });
    expect(entered.statusCode).toBe(201);
    const row = await t.db.query<{ id: string; photo_ids: string[] }>(
      'SELECT id, photo_ids FROM whistle_reports WHERE query_code = $1',
      [entered.json().queryCode],
    );
    expect(row.rows[0]!.photo_ids).toEqual([photoId]);
    expect((await report(row.rows[0]!.id)).json().photoIds).toEqual([photoId]);
    const served = await report(row.rows[0]!.id, `/photos/${photoId}`);
    expect(served.statusCode).toBe(200);
    expect((await sharp(served.rawPayload).metadata()).exif).toBeUndefined();
    expect(served.rawPayload.toString('latin1')).not.toContain('GPSLatitude');
  });

  it('refuses a disguised file with a 4xx and stores nothing', async () => {
    const count = async () =>
      Number((await t.db.query<{ n: string }>('SELECT count(*) AS n FROM uploads')).rows[0]!.n);
    const before = await count();
    const html = await upload(Buffer.from('<html><script>alert(1)</script></html>'));
    expect([html.statusCode, html.json().error.code]).toEqual([400, 'upload.not_an_image']);
    const polyglot = await upload(await jpegZipPolyglot());
    expect([polyglot.statusCode, polyglot.json().error.code]).toEqual([400, 'upload.polyglot']);
    expect(await count()).toBe(before);
  });
});
