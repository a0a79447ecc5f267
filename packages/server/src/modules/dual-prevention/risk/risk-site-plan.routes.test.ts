import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../../test/test-app.ts';
import { insertEnterprise } from '../../../../test/factories.ts';

// A 1×1 PNG: the site plan image (its pixel size is what the client reports).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('site plan of the four-colour risk map (风险四色分布图)', () => {
  let t: TestContext;
  let jiangchuan: string;
  let tonghai: string;
  let neighbour: string;
  let manager: Caller;
  let neighbourManager: Caller;
  let officer: Caller;
  let otherOfficer: Caller;

  const upload = async (as: Caller, county?: string) => {
    const answer = await t.request({
      method: 'POST',
      url: `/api/v1/uploads${county ? `?county=${county}` : ''}`,
      payload: PNG,
      headers: { 'content-type': 'image/png' },
      as,
    });
    expect(answer.statusCode).toBe(201);
    return answer.json<{ id: string }>().id;
  };
  const read = (enterpriseId: string, as: Caller) =>
    t.request({ method: 'GET', url: `/api/v1/risk/site-plan?enterpriseId=${enterpriseId}`, as });
  const save = (body: object, as: Caller) =>
    t.request({ method: 'PUT', url: '/api/v1/risk/site-plan', payload: body, as });

  beforeAll(async () => {
    process.env.HAZARD_ESCALATION_INTERVAL_SECONDS = '0';
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    const make = (name: string, county: string, serial: number) =>
      insertEnterprise(t.db, { name, county, serial });
    jiangchuan = await make('江川化工有限公司', '530403', 7401);
    neighbour = await make('江川建材有限公司', '530403', 7402);
    tonghai = await make('通海化工有限公司', '530423', 7403);
    const enterpriseUser = async (enterpriseId: string) =>
      t.sessionFor(
        await t.createUser({
          roles: ['enterprise_manager'],
          scope: { kind: 'enterprise', enterpriseId, county: '530403' },
        }),
      );
    manager = await enterpriseUser(jiangchuan);
    neighbourManager = await enterpriseUser(neighbour);
    officer = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530403'] } }),
    );
    otherOfficer = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530423'] } }),
    );
  });
  afterAll(() => t.close());

  it('is kept per enterprise: the enterprise sets and replaces it, the county reads it', async () => {
    expect((await read(jiangchuan, manager)).json()).toEqual({ sitePlan: null });

    const first = await upload(manager);
    const saved = await save(
      { enterpriseId: jiangchuan, uploadId: first, width: 1600, height: 900 },
      manager,
    );
    expect(saved.statusCode).toBe(200);
    expect(saved.json().sitePlan).toMatchObject({
      enterpriseId: jiangchuan,
      uploadId: first,
      width: 1600,
      height: 900,
      updatedAt: '2026-11-29T02:00:00.000Z',
    });

    const second = await upload(manager);
    await save({ enterpriseId: jiangchuan, uploadId: second, width: 800, height: 600 }, manager);
    const seen = await read(jiangchuan, officer);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().sitePlan).toMatchObject({ uploadId: second, width: 800, height: 600 });
    // The image itself is readable by whoever sees the plan.
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/uploads/${second}`, as: officer })).statusCode,
    ).toBe(200);
    const audited = await t.db.query(
      `SELECT 1 FROM audit_log WHERE action = 'risk.site_plan' AND target = $1`,
      [jiangchuan],
    );
    expect(audited.rowCount).toBe(2);
  });

  it('answers 404 outside the caller’s scope and 403 to the bureau, which does not keep the map', async () => {
    expect((await read(jiangchuan, otherOfficer)).statusCode).toBe(404);
    expect((await read(jiangchuan, neighbourManager)).statusCode).toBe(404);
    const id = await upload(neighbourManager);
    const foreign = await save(
      { enterpriseId: jiangchuan, uploadId: id, width: 10, height: 10 },
      neighbourManager,
    );
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('enterprise.not_found');
    const bureau = await save({ enterpriseId: jiangchuan, uploadId: id, width: 10, height: 10 }, officer);
    expect(bureau.statusCode).toBe(403);
  });

  it('refuses an upload the enterprise cannot see or one from another county', async () => {
    // Another enterprise's image: not visible to this enterprise's account.
    const theirs = await upload(neighbourManager);
    const hidden = await save({ enterpriseId: jiangchuan, uploadId: theirs, width: 10, height: 10 }, manager);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('upload.not_found');

    // An image of 通海县 attached to this enterprise by a bad row: the county does not match.
    const row = await t.db.query<{ id: string }>(
      `INSERT INTO uploads (content_type, size, sha256, data, county, enterprise_id, uploaded_by, created_at)
       VALUES ('image/png', $1, 'x', $2, '530423', $3, (SELECT id FROM users LIMIT 1), now()) RETURNING id`,
      [PNG.length, PNG, jiangchuan],
    );
    const mismatch = await save(
      { enterpriseId: jiangchuan, uploadId: row.rows[0]!.id, width: 10, height: 10 },
      manager,
    );
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.code).toBe('risk.site_plan_upload_mismatch');
    expect((await read(jiangchuan, manager)).json().sitePlan.width).toBe(800);
    expect((await read(tonghai, otherOfficer)).json()).toEqual({ sitePlan: null });
  });

  it('rejects a size that is not a whole positive number of pixels', async () => {
    const id = await upload(manager);
    for (const size of [
      { width: 0, height: 10 },
      { width: 10.5, height: 10 },
      { width: 10, height: 100_001 },
    ]) {
      const answer = await save({ enterpriseId: jiangchuan, uploadId: id, ...size }, manager);
      expect(answer.statusCode).toBe(400);
    }
    expect((await read(jiangchuan, manager)).json().sitePlan.uploadId).not.toBe(id);
  });
});
