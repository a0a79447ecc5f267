import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEnterprise } from '../../../test/factories.ts';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';

// The test clock reads 2026-11-29 (Beijing).
describe('key-post people and certificates', () => {
  let t: TestContext;
  let city: Caller;
  let county: Caller;
  let otherCounty: Caller;
  let inspector: Caller;
  let inspectorUser: string;
  let plant: string;
  const post = (url: string, payload: object, as: Caller) =>
    t.request({ method: 'POST', url: `/api/v1/obligations${url}`, payload, as });
  const get = (url: string, as: Caller) => t.request({ method: 'GET', url: `/api/v1/obligations${url}`, as });

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    city = await t.sessionFor(await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }));
    county = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530402'] } }),
    );
    otherCounty = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530423'] } }),
    );
    const user = await t.createUser({
      roles: ['inspector'],
      scope: { kind: 'county', counties: ['530402'] },
    });
    inspectorUser = user.id;
    inspector = await t.sessionFor(user);
    plant = await insertEnterprise(t.db, {
      name: '红塔区演练化工有限公司',
      county: '530402',
      serial: 41,
      sectors: ['hazchem_production'],
      address: '红塔区研和工业园区',
    });
  });
  afterAll(() => t.close());

  it('seals the ID number, masks it, and dates a 特种作业操作证 six years with a review after three', async () => {
    const created = await post(
      '/people',
      {
        enterpriseId: plant,
        name: '李焊工',
        idNumber: '530402198001010011',
        post: 'special_operation',
        operation: 'welding',
      },
      county,
    );
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ idNumber: '530402********0011', status: null, county: '530402' });
    const stored = await t.db.query('SELECT id_number_enc FROM obligation_people WHERE id = $1', [
      created.json().id,
    ]);
    expect(stored.rows[0].id_number_enc).not.toContain('5304021980');
    // The city holds pi:view and sees the number.
    expect((await get(`/people/${created.json().id}`, city)).json().idNumber).toBe('530402198001010011');

    const withCertificate = await post(
      `/people/${created.json().id}/certificates`,
      {
        kind: 'special_operation',
        operation: 'welding',
        number: 'T530402198001010013',
        authority: '玉溪市应急管理局',
        issuedOn: '2023-12-20',
      },
      county,
    );
    expect(withCertificate.statusCode, withCertificate.body).toBe(201);
    expect(withCertificate.json().certificates[0]).toMatchObject({
      expiresOn: '2029-12-19',
      reviewDueOn: '2026-12-19',
      status: 'review_due',
      daysToAct: 20,
    });
    expect(withCertificate.json().status).toBe('review_due');
    const again = await post(
      `/people/${created.json().id}/certificates`,
      {
        kind: 'special_operation',
        operation: 'welding',
        number: 'T530402198001010013',
        authority: '玉溪市应急管理局',
        issuedOn: '2023-12-20',
      },
      county,
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('obligations.certificate_number_taken');

    const check = await get('/certificates/T530402198001010013', inspector);
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({
      person: { name: '李焊工', post: 'special_operation' },
      enterprise: { id: plant, name: '红塔区演练化工有限公司' },
      certificate: { status: 'review_due' },
    });
    expect((await get('/certificates/T530402198001010013', otherCounty)).statusCode).toBe(404);
    const attention = await get('/people?attention=true', county);
    expect(attention.json().items.map((p: { name: string }) => p.name)).toEqual(['李焊工']);
  });

  it('refuses a bad ID number and a special-operation worker without an operation with 400', async () => {
    const bad = await post(
      '/people',
      { enterpriseId: plant, name: '王五', idNumber: '530402198001010012', post: 'other' },
      county,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({
      path: 'idNumber',
      code: 'obligations.id_number_invalid',
    });
    const noOperation = await post(
      '/people',
      { enterpriseId: plant, name: '王五', post: 'special_operation' },
      county,
    );
    expect(noOperation.statusCode).toBe(400);
    expect(noOperation.json().error.fields[0].code).toBe('obligations.operation_required');
    expect(
      (await post('/people', { enterpriseId: plant, name: '王五', post: 'other' }, otherCounty)).statusCode,
    ).toBe(404);
  });

  it('turns a certificate gap into a failed item of the inspection, and that into a hidden hazard', async () => {
    const gaps = await get(`/enterprises/${plant}/certificate-gaps`, inspector);
    expect(gaps.statusCode).toBe(200);
    expect(gaps.json().map((g: { kind: string }) => g.kind)).toEqual(['no_principal', 'no_safety_manager']);

    const rosterId = (
      await t.db.query<{ id: string }>(
        `INSERT INTO enforcement_inspectors (name, certificate_no, certificate_expiry, county, user_id, created_at, updated_at)
         VALUES ('赵执法', 'ZF530402001', '2030-12-31', '530402', $1, now(), now()) RETURNING id`,
        [inspectorUser],
      )
    ).rows[0]!.id;
    const inspectionId = (
      await t.db.query<{ id: string }>(
        `INSERT INTO enforcement_inspections (kind, status, enterprise_id, county, inspector_ids, created_by, created_at, updated_at)
         VALUES ('ad_hoc', 'planned', $1, '530402', $2, $3, now(), now()) RETURNING id`,
        [plant, [rosterId], inspectorUser],
      )
    ).rows[0]!.id;
    const body = { inspectionId, kind: 'no_principal', personId: null, note: '现场未能出示考核合格证' };
    const recorded = await post(`/enterprises/${plant}/certificate-gaps/findings`, body, inspector);
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json().added).toBe(true);
    const twice = await post(`/enterprises/${plant}/certificate-gaps/findings`, body, inspector);
    expect(twice.json()).toEqual({ itemId: recorded.json().itemId, added: false });
    const missing = await post(
      `/enterprises/${plant}/certificate-gaps/findings`,
      { ...body, kind: 'uncertified_operation' },
      inspector,
    );
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('obligations.gap_not_found');

    const submitted = await t.request({
      method: 'POST',
      url: `/api/v1/enforcement/inspections/${inspectionId}/submit`,
      payload: {
        clientSubmissionId: randomUUID(),
        results: [],
        finishedAt: '2026-11-29T02:30:00.000Z',
        final: true,
      },
      as: inspector,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const inspection = submitted.json().inspection;
    expect(inspection.items).toEqual([
      expect.objectContaining({
        text: '主要负责人无有效考核合格证',
        legalBasis: '《安全生产法》第二十七条',
        result: 'fail',
        note: '现场未能出示考核合格证',
      }),
    ]);
    expect(inspection.hazardIds).toHaveLength(1);
    const closed = await post(
      `/enterprises/${plant}/certificate-gaps/findings`,
      { ...body, kind: 'no_safety_manager' },
      inspector,
    );
    expect(closed.statusCode).toBe(409);
  });
});
