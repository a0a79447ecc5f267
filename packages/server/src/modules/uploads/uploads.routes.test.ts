import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSyntheticCreditCode } from '@anjian/domain';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';

// A real 1×1 JPEG with an EXIF block carrying a GPS position (made with exiftool-like layout).
function jpegWithGps(): Buffer {
  const exif = Buffer.from('Exif\0\0MM\0*\0\0\0\x08GPSLatitude=24.3443;GPSLongitude=102.5389', 'latin1');
  const app1 = Buffer.concat([
    Buffer.from([0xff, 0xe1, (exif.length + 2) >> 8, (exif.length + 2) & 0xff]),
    exif,
  ]);
  const tiny = Buffer.from(
    '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/yQALCAABAAEBAREA/8wABgAQEAX/2gAIAQEAAD8A0s8g/9k=',
    'base64',
  );
  return Buffer.concat([tiny.subarray(0, 2), app1, tiny.subarray(2)]);
}

describe('photo uploads', () => {
  let t: TestContext;
  let manager: Caller;
  let sameCounty: Caller;
  let otherCounty: Caller;
  let auditor: Caller;
  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    const enterprise = await t.db.query<{ id: string }>(
      "INSERT INTO enterprises (name, credit_code, county, created_at, updated_at) VALUES ('上传测试企业', $1, '530403', now(), now()) RETURNING id",
      [generateSyntheticCreditCode(4242, { divisionCode: '530403' })],
    );
    manager = await t.sessionFor(
      await t.createUser({
        roles: ['enterprise_manager'],
        scope: { kind: 'enterprise', enterpriseId: enterprise.rows[0]!.id, county: '530403' },
      }),
    );
    sameCounty = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530403'] } }),
    );
    otherCounty = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530423'] } }),
    );
    auditor = await t.sessionFor(await t.createUser({ roles: ['auditadmin'], scope: { kind: 'city' } }));
  });
  afterAll(() => t.close());

  it('stores a photo without its GPS position and serves it to those whose scope reaches it', async () => {
    const original = jpegWithGps();
    expect(original.toString('latin1')).toContain('GPSLatitude');
    const uploaded = await t.request({
      method: 'POST',
      url: '/api/v1/uploads',
      payload: original,
      headers: { 'content-type': 'image/jpeg' },
      as: manager,
    });
    expect(uploaded.statusCode).toBe(201);
    const { id, size } = uploaded.json();
    expect(size).toBeLessThan(original.length);
    const stored = await t.db.query<{ data: Buffer }>('SELECT data FROM uploads WHERE id = $1', [id]);
    expect(stored.rows[0]!.data.toString('latin1')).not.toContain('GPSLatitude');

    const mine = await t.request({ method: 'GET', url: `/api/v1/uploads/${id}`, as: manager });
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['content-type']).toBe('image/jpeg');
    expect(mine.rawPayload).toEqual(stored.rows[0]!.data);
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/uploads/${id}`, as: sameCounty })).statusCode,
    ).toBe(200);
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/uploads/${id}`, as: otherCounty })).statusCode,
    ).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/uploads/${id}`, as: auditor })).statusCode).toBe(
      403,
    );
  });

  it('refuses what is not a JPEG or PNG, whatever the content type says, and files over 10 MB', async () => {
    const svg = await t.request({
      method: 'POST',
      url: '/api/v1/uploads',
      payload: Buffer.from('<svg onload="alert(1)"/>'),
      headers: { 'content-type': 'image/png' },
      as: manager,
    });
    expect(svg.statusCode).toBe(400);
    expect(svg.json().error.code).toBe('upload.not_an_image');
    const gif = await t.request({
      method: 'POST',
      url: '/api/v1/uploads',
      payload: Buffer.from('GIF89a....'),
      headers: { 'content-type': 'image/gif' },
      as: manager,
    });
    expect(gif.statusCode).toBe(415);
    const big = await t.request({
      method: 'POST',
      url: '/api/v1/uploads',
      payload: Buffer.alloc(10 * 1024 * 1024 + 1, 0xff),
      headers: { 'content-type': 'image/jpeg' },
      as: manager,
    });
    expect(big.statusCode).toBe(413);
    const count = await t.db.query<{ count: number }>('SELECT count(*)::int AS count FROM uploads');
    expect(count.rows[0]!.count).toBe(1);
  });

  it('needs a county of the caller’s scope from bureau staff', async () => {
    const none = await t.request({
      method: 'POST',
      url: '/api/v1/uploads',
      payload: jpegWithGps(),
      headers: { 'content-type': 'image/jpeg' },
      as: sameCounty,
    });
    expect(none.statusCode).toBe(400);
    const foreign = await t.request({
      method: 'POST',
      url: '/api/v1/uploads?county=530423',
      payload: jpegWithGps(),
      headers: { 'content-type': 'image/jpeg' },
      as: sameCounty,
    });
    expect(foreign.json().error.code).toBe('registry.scope_outside_caller');
  });
});
