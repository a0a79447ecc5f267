import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { validateCap } from './cap-schema.ts';

const JIANGCHUAN = '530403';
const BASE = 'https://anjian.example.gov.cn';
const sha1 = (data: Buffer) => createHash('sha1').update(data).digest('hex');
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

const draft = {
  eventType: 'hazchem_leak',
  level: 'orange',
  onset: '2026-11-29T10:00:00+08:00',
  expires: '2026-11-29T22:00:00+08:00',
  audience: '江川区企业及周边群众',
  contact: '0877-2023110',
  area: { counties: [JIANGCHUAN] },
  info: {
    zh: {
      headline: '江川区危化品泄漏橙色预警',
      description: '液氯储罐泄漏。',
      instruction: '向上风向撤离。',
    },
    en: { headline: 'Chlorine leak', description: 'A chlorine tank leak.', instruction: 'Move upwind.' },
  },
};

describe('warning attachments (CAP <resource>)', () => {
  let t: TestContext;
  let author: Caller;
  let approver: Caller;
  let png: Buffer;

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false', PUBLIC_BASE_URL: BASE });
    author = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: [JIANGCHUAN] } }),
    );
    approver = await t.sessionFor(await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }));
    png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c00' } })
      .png()
      .withMetadata({ exif: { IFD0: { Artist: 'secret' } } })
      .toBuffer();
  });
  afterAll(() => t.close());

  const attach = (
    id: string,
    body: Buffer,
    type: string,
    as: Caller = author,
    description = '泄漏区域示意图',
  ) =>
    t.request({
      method: 'POST',
      url: `/api/v1/warnings/${id}/attachments?descriptionZh=${encodeURIComponent(description)}&descriptionEn=Leak%20map`,
      payload: body,
      headers: { 'content-type': type },
      as,
    });
  const count = async (table: string) =>
    (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
  const step = (id: string, action: string, as: Caller) =>
    t.request({ method: 'POST', url: `/api/v1/warnings/${id}/${action}`, payload: {}, as });

  it('refuses a wrong type, a forged PDF and a too large file with a code, storing nothing', async () => {
    const id = (
      await t.request({ method: 'POST', url: '/api/v1/warnings', payload: draft, as: author })
    ).json().id as string;
    const before = [await count('warning_attachments'), await count('uploads')];
    const text = await attach(id, Buffer.from('hello'), 'text/plain');
    expect([text.statusCode, text.json().error.code]).toEqual([415, 'request.unsupported_media_type']);
    const forged = await attach(id, Buffer.from('<html>not a pdf</html>'), 'application/pdf');
    expect([forged.statusCode, forged.json().error.code]).toEqual([415, 'warning.attachment_type']);
    const webp = await attach(id, await sharp(png).webp().toBuffer(), 'image/webp');
    expect([webp.statusCode, webp.json().error.code]).toEqual([415, 'warning.attachment_type']);
    const big = await attach(id, Buffer.concat([pdf, Buffer.alloc(6 * 1024 * 1024, 32)]), 'application/pdf');
    expect([big.statusCode, big.json().error.code]).toEqual([413, 'warning.attachment_too_large']);
    expect([await count('warning_attachments'), await count('uploads')]).toEqual(before);
  });

  it('releases the attachments as CAP resources with their SHA-1 and size; the public URL answers only once published', async () => {
    const id = (
      await t.request({ method: 'POST', url: '/api/v1/warnings', payload: draft, as: author })
    ).json().id as string;
    const image = await attach(id, png, 'image/png');
    expect(image.statusCode).toBe(201);
    const stored = (
      await t.db.query<{ data: Buffer }>(
        `SELECT u.data FROM uploads u JOIN warning_attachments a ON a.upload_id = u.id WHERE a.warning_id = $1`,
        [id],
      )
    ).rows[0]!.data;
    // Re-encoded: the EXIF is gone, and the digest is the stored file's.
    expect(stored.includes('secret')).toBe(false);
    expect(image.json().attachments).toEqual([
      expect.objectContaining({
        description: { zh: '泄漏区域示意图', en: 'Leak map' },
        mimeType: 'image/png',
        size: stored.length,
        sha1: sha1(stored),
        releasedIn: null,
      }),
    ]);
    const imageId = image.json().attachments[0].id as string;

    const withPdf = await attach(id, pdf, 'application/pdf', author, '疏散路线 & 集合点');
    expect(withPdf.statusCode).toBe(201);
    const pdfOf = (body: { attachments: { id: string; mimeType: string }[] }) =>
      body.attachments.find((a) => a.mimeType === 'application/pdf')!;
    const pdfId = pdfOf(withPdf.json()).id;
    expect(pdfOf(withPdf.json())).toMatchObject({ size: pdf.length, sha1: sha1(pdf) });
    // Deleted while a draft, and its upload with it; then attached again.
    const uploadsBefore = await count('uploads');
    expect(
      (await t.request({ method: 'DELETE', url: `/api/v1/warnings/${id}/attachments/${pdfId}`, as: author }))
        .statusCode,
    ).toBe(204);
    expect(await count('uploads')).toBe(uploadsBefore - 1);
    const again = await attach(id, pdf, 'application/pdf', author, '疏散路线 & 集合点');
    const pdfAgain = pdfOf(again.json()).id;

    expect((await step(id, 'submit', author)).statusCode).toBe(200);
    expect((await step(id, 'approve', approver)).statusCode).toBe(200);
    // Not a draft any more: neither attach nor delete.
    expect((await attach(id, pdf, 'application/pdf')).json().error.code).toBe(
      'warning.attachment_not_editable',
    );
    const deleting = await t.request({
      method: 'DELETE',
      url: `/api/v1/warnings/${id}/attachments/${imageId}`,
      as: author,
    });
    expect([deleting.statusCode, deleting.json().error.code]).toEqual([
      409,
      'warning.attachment_not_editable',
    ]);

    const auditRows = await t.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE target = $1 AND action LIKE 'warning.attachment%' ORDER BY seq`,
      [id],
    );
    expect(auditRows.rows.map((r) => r.action)).toEqual([
      'warning.attachment_add',
      'warning.attachment_add',
      'warning.attachment_delete',
      'warning.attachment_add',
      'warning.attachment_add',
      'warning.attachment_delete',
    ]);

    // Before publishing, the public URL does not answer, whatever identifier is tried.
    const published = await step(id, 'publish', approver);
    expect(published.statusCode).toBe(200);
    const version = published.json().versions[0] as { identifier: string; capUrl: string };
    const url = (attachment: string) =>
      `/api/v1/public/warnings/${version.identifier}/attachments/${attachment}`;

    const cap = (await t.request({ method: 'GET', url: version.capUrl })).body;
    expect(await validateCap(cap)).toEqual({ valid: true, errors: [] });
    expect(cap).toContain(
      `<resource>\n      <resourceDesc>泄漏区域示意图</resourceDesc>\n      <mimeType>image/png</mimeType>\n      <size>${stored.length}</size>\n      <uri>${BASE}${url(imageId)}</uri>\n      <digest>${sha1(stored)}</digest>\n    </resource>`,
    );
    expect(cap).toContain(`<resourceDesc>疏散路线 &amp; 集合点</resourceDesc>`);
    expect(cap).toContain(
      `<size>${pdf.length}</size>\n      <uri>${BASE}${url(pdfAgain)}</uri>\n      <digest>${sha1(pdf)}</digest>`,
    );
    expect(cap).not.toContain(pdfId);

    const servedImage = await t.request({ method: 'GET', url: url(imageId) });
    expect([servedImage.statusCode, servedImage.headers['content-type']]).toEqual([200, 'image/png']);
    expect(sha1(servedImage.rawPayload)).toBe(sha1(stored));
    const servedPdf = await t.request({ method: 'GET', url: url(pdfAgain) });
    expect(servedPdf.rawPayload).toEqual(pdf);
    expect(servedPdf.headers['content-disposition']).toBe(`attachment; filename="${pdfAgain}.pdf"`);
    // The deleted one was never released.
    expect((await t.request({ method: 'GET', url: url(pdfId) })).statusCode).toBe(404);

    // Cancelled: the files are no longer served.
    expect((await step(id, 'cancel', approver)).statusCode).toBe(200);
    const gone = await t.request({ method: 'GET', url: url(imageId) });
    expect([gone.statusCode, gone.json().error.code]).toEqual([404, 'warning.attachment_not_found']);
  });

  it('answers 404 before publishing', async () => {
    const id = (
      await t.request({ method: 'POST', url: '/api/v1/warnings', payload: draft, as: author })
    ).json().id as string;
    const attachment = (await attach(id, pdf, 'application/pdf')).json().attachments[0].id as string;
    // A released identifier of another warning does not reach it either.
    const other = (
      await t.db.query<{ identifier: string }>(`SELECT identifier FROM warning_versions LIMIT 1`)
    ).rows[0]!.identifier;
    const early = await t.request({
      method: 'GET',
      url: `/api/v1/public/warnings/${other}/attachments/${attachment}`,
    });
    expect([early.statusCode, early.json().error.code]).toEqual([404, 'warning.attachment_not_found']);
  });
});
