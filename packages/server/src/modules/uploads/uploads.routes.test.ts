import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSyntheticCreditCode } from '@anjian/domain';
import sharp from 'sharp';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import {
  GPS_TEXT,
  jpegBomb,
  jpegPdfPolyglot,
  jpegWithExifAfterFirstScan,
  jpegWithExifGps,
  jpegWithMotionPhotoTrailer,
  jpegWithMpfSecondImage,
  jpegZipPolyglot,
  pngBomb,
  pngHtmlPolyglot,
  pngWithExifChunk,
  webpPicture,
} from './hostile-images.ts';

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
    const original = await jpegWithExifGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const uploaded = await t.request({
      method: 'POST',
      url: '/api/v1/uploads',
      payload: original,
      headers: { 'content-type': 'image/jpeg' },
      as: manager,
    });
    expect(uploaded.statusCode).toBe(201);
    const { id } = uploaded.json();
    const stored = await t.db.query<{ data: Buffer }>('SELECT data FROM uploads WHERE id = $1', [id]);
    expect(stored.rows[0]!.data.toString('latin1')).not.toContain('GPSLatitude');
    expect((await sharp(stored.rows[0]!.data).metadata()).exif).toBeUndefined();

    const mine = await t.request({ method: 'GET', url: `/api/v1/uploads/${id}`, as: manager });
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['content-type']).toBe('image/jpeg');
    expect(mine.rawPayload).toEqual(stored.rows[0]!.data);
    // docs/security.md: photos are never kept by a browser or proxy cache.
    expect(mine.headers['cache-control']).toBe('no-store');
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
      payload: await jpegWithExifGps(),
      headers: { 'content-type': 'image/jpeg' },
      as: sameCounty,
    });
    expect(none.statusCode).toBe(400);
    const foreign = await t.request({
      method: 'POST',
      url: '/api/v1/uploads?county=530423',
      payload: await jpegWithExifGps(),
      headers: { 'content-type': 'image/jpeg' },
      as: sameCounty,
    });
    expect(foreign.json().error.code).toBe('registry.scope_outside_caller');
  });

  const upload = (payload: Buffer, type = 'image/jpeg') =>
    t.request({
      method: 'POST',
      url: '/api/v1/uploads',
      payload,
      headers: { 'content-type': type },
      as: manager,
    });
  const uploadCount = async () =>
    (await t.db.query<{ count: number }>('SELECT count(*)::int AS count FROM uploads')).rows[0]!.count;

  /** Uploads, expects 201, and answers the stored bytes after checking they are one clean image. */
  async function storedFrom(payload: Buffer, type = 'image/jpeg'): Promise<Buffer> {
    const response = await upload(payload, type);
    expect(response.statusCode).toBe(201);
    const { id } = response.json();
    const stored = (await t.db.query<{ data: Buffer }>('SELECT data FROM uploads WHERE id = $1', [id]))
      .rows[0]!.data;
    const meta = await sharp(stored).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(stored.toString('latin1')).not.toContain('GPS');
    expect(stored.toString('latin1')).not.toContain('24.3443');
    return stored;
  }

  /** The JPEG ends at its first end-of-image marker: nothing after the image data. */
  function expectOneJpeg(data: Buffer): void {
    expect(data.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    expect(data.indexOf(Buffer.from([0xff, 0xd8]), 2)).toBe(-1);
    expect(data.toString('latin1')).not.toContain('MPF');
  }

  it('drops an EXIF block placed after the first scan of a progressive JPEG', async () => {
    const original = await jpegWithExifAfterFirstScan();
    expect(original.toString('latin1')).toContain(GPS_TEXT);
    expectOneJpeg(await storedFrom(original));
  });

  it('drops an MPF second image (with its own GPS) after the end marker', async () => {
    const original = await jpegWithMpfSecondImage();
    expect(original.toString('latin1')).toContain(GPS_TEXT);
    expectOneJpeg(await storedFrom(original));
  });

  it('drops a Motion-Photo MP4 trailer carrying the position', async () => {
    const original = await jpegWithMotionPhotoTrailer();
    const stored = await storedFrom(original);
    expectOneJpeg(stored);
    expect(stored.toString('latin1')).not.toContain('ftyp');
  });

  it('drops a PNG exIf chunk and text chunks, and keeps nothing after the image end', async () => {
    const original = await pngWithExifChunk();
    expect(original.toString('latin1')).toContain('exIf');
    const stored = await storedFrom(original, 'image/png');
    expect(stored.toString('latin1')).not.toContain('exIf');
    expect(stored.toString('latin1')).not.toContain('tEXt');
    expect(stored.subarray(-8).toString('latin1', 0, 4)).toBe('IEND');
    expect((await sharp(stored).metadata()).format).toBe('png');
  });

  it('accepts a WebP photo and stores it as WebP', async () => {
    const response = await upload(await webpPicture(), 'image/webp');
    expect(response.statusCode).toBe(201);
    expect(response.json().contentType).toBe('image/webp');
    const file = await t.request({
      method: 'GET',
      url: `/api/v1/uploads/${response.json().id}`,
      as: manager,
    });
    expect(file.headers['content-type']).toBe('image/webp');
    expect((await sharp(file.rawPayload).metadata()).format).toBe('webp');
  });

  it('refuses a 20000 × 20000 PNG bomb from its header, storing nothing', async () => {
    const before = await uploadCount();
    const bomb = pngBomb();
    expect(bomb.length).toBeLessThan(2_000);
    const response = await upload(bomb, 'image/png');
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('upload.too_many_pixels');
    expect(await uploadCount()).toBe(before);
  });

  it('refuses a 159-byte JPEG claiming 65500 × 65500 pixels, storing nothing', async () => {
    const before = await uploadCount();
    const bomb = jpegBomb();
    expect(bomb.length).toBe(159);
    const response = await upload(bomb);
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('upload.too_many_pixels');
    expect(await uploadCount()).toBe(before);
  });

  it('refuses a JPEG that is also a ZIP archive', async () => {
    const before = await uploadCount();
    const response = await upload(await jpegZipPolyglot());
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('upload.polyglot');
    expect(await uploadCount()).toBe(before);
  });

  it('refuses a PNG that is also an HTML page', async () => {
    const response = await upload(await pngHtmlPolyglot(), 'image/png');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('upload.polyglot');
  });

  it('refuses a JPEG that is also a PDF', async () => {
    const response = await upload(await jpegPdfPolyglot());
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('upload.polyglot');
  });
});
