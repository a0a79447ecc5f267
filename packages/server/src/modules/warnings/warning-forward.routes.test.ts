import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCapXml, capIdentifier, defaultLevelMapping, findWarningEventType } from '@anjian/domain';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';

const XINPING = '530427';
const JIANGCHUAN = '530403';
const MET = '53040041600000';
const sent = new Date('2026-11-29T01:00:00Z');
const ring = [
  { lat: 24.05, lon: 101.9 },
  { lat: 24.05, lon: 102.1 },
  { lat: 23.9, lon: 102.1 },
];

/** A message as the meteorological bureau sends it (the test clock stands at 10:00 China time). */
const capFrom = (
  sequence: number,
  over: { expires?: Date; msgType?: 'Alert' | 'Cancel'; references?: Date } = {},
) =>
  buildCapXml({
    identifier: capIdentifier(MET, sent, sequence),
    sender: MET,
    sent,
    status: 'Actual',
    msgType: over.msgType ?? 'Alert',
    references: over.references
      ? [{ sender: MET, identifier: capIdentifier(MET, sent, 0), sent: over.references }]
      : [],
    eventType: findWarningEventType('gale')!,
    level: defaultLevelMapping.orange,
    onset: sent,
    expires: over.expires ?? new Date('2026-11-30T01:00:00Z'),
    audience: '新平县各乡镇',
    senderName: { zh: '玉溪市气象台', en: 'Yuxi Meteorological Observatory' },
    contact: '0877-12121',
    web: null,
    area: { counties: [XINPING], townships: [], polygon: ring, circle: null },
    info: {
      zh: {
        headline: '玉溪市气象台发布大风橙色预警',
        description: '新平县将出现8级以上大风。',
        instruction: '停止高空作业，加固临时设施。',
      },
      en: {
        headline: 'Orange gale warning',
        description: 'Gales of force 8 in Xinping.',
        instruction: 'Stop work at height.',
      },
    },
  });

describe('forwarding a received warning', () => {
  let t: TestContext;
  let xinping: Caller;
  let jiangchuan: Caller;
  let approver: Caller;
  let importId: string;

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    const user = async (roles: string[], scope: Parameters<TestContext['createUser']>[0]['scope']) =>
      t.sessionFor(await t.createUser({ roles, scope }));
    xinping = await user(['county_officer'], { kind: 'county', counties: [XINPING] });
    jiangchuan = await user(['county_officer'], { kind: 'county', counties: [JIANGCHUAN] });
    approver = await user(['city_officer'], { kind: 'city' });
    importId = (await upload(capFrom(0))).json().item.id;
  });
  afterAll(() => t.close());

  const upload = (xml: string) =>
    t.request({
      method: 'POST',
      url: '/api/v1/warnings/imports',
      payload: xml,
      headers: { 'content-type': 'application/cap+xml' },
      as: approver,
    });
  const prefill = (id: string, as: Caller) =>
    t.request({ method: 'GET', url: `/api/v1/warnings/prefill/import/${id}`, as });
  const post = (url: string, as: Caller, payload: object = {}) =>
    t.request({ method: 'POST', url, payload, as });
  const warningCount = async () =>
    (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM warnings')).rows[0]!.n;

  let forwardedId = '';

  it('pre-fills a draft from the received message: event, level from severity, texts, area, times', async () => {
    const response = await prefill(importId, xinping);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      source: { kind: 'import', id: importId, label: '玉溪市气象台 2026-11-29 09:00' },
      draft: {
        eventType: 'gale',
        level: 'orange',
        onset: '2026-11-29T09:00:00+08:00',
        expires: '2026-11-30T09:00:00+08:00',
        audience: '新平县各乡镇',
        contact: '',
        area: { counties: [XINPING], townships: [], polygon: ring, circle: null },
        recipientGroups: ['enterprise_managers', 'county_officers', 'city_officers'],
        info: {
          zh: {
            headline: '玉溪市气象台发布大风橙色预警',
            description: '新平县将出现8级以上大风。',
            instruction: '停止高空作业，加固临时设施。',
          },
          en: {
            headline: 'Orange gale warning',
            description: 'Gales of force 8 in Xinping.',
            instruction: 'Stop work at height.',
          },
        },
      },
    });
  });

  it('answers 404 to an officer whose counties the message does not name, and for an unknown message', async () => {
    const outside = await prefill(importId, jiangchuan);
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe('warning.import_not_found');
    expect((await prefill(randomUUID(), xinping)).json().error.code).toBe('warning.import_not_found');
    const draft = (await prefill(importId, xinping)).json().draft;
    const saved = await post('/api/v1/warnings', jiangchuan, {
      ...draft,
      area: { counties: [JIANGCHUAN] },
      contact: '0877-2023110',
      source: { kind: 'import', id: importId },
    });
    expect(saved.statusCode).toBe(404);
    expect(await warningCount()).toBe(0);
  });

  it('saves the forward linked both ways, then refuses a second forward while the first is live', async () => {
    const { draft } = (await prefill(importId, xinping)).json();
    const saved = await post('/api/v1/warnings', xinping, {
      ...draft,
      contact: '0877-7012110',
      source: { kind: 'import', id: importId },
    });
    expect(saved.statusCode).toBe(201);
    forwardedId = saved.json().id;
    expect(saved.json()).toMatchObject({
      status: 'draft',
      eventType: 'gale',
      level: 'orange',
      source: { kind: 'import', id: importId, label: '玉溪市气象台 2026-11-29 09:00' },
      area: { counties: [XINPING] },
    });
    const list = (await t.request({ method: 'GET', url: '/api/v1/warnings/imports', as: xinping })).json();
    expect(list.items.find((i: { id: string }) => i.id === importId).forwards).toEqual([
      expect.objectContaining({
        id: forwardedId,
        status: 'draft',
        level: 'orange',
        headline: '玉溪市气象台发布大风橙色预警',
      }),
    ]);
    const linked = await t.request({
      method: 'GET',
      url: `/api/v1/warnings/linked/import/${importId}`,
      as: approver,
    });
    expect(linked.json().items.map((w: { id: string }) => w.id)).toEqual([forwardedId]);

    const again = await prefill(importId, approver);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('warning.import_already_forwarded');
    const twice = await post('/api/v1/warnings', approver, {
      ...draft,
      contact: '0877-2023110',
      source: { kind: 'import', id: importId },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('warning.import_already_forwarded');
    expect(await warningCount()).toBe(1);
  });

  it('goes through the two-person approval and is released; once cancelled, the message may be forwarded again', async () => {
    expect((await post(`/api/v1/warnings/${forwardedId}/submit`, xinping)).statusCode).toBe(200);
    expect((await post(`/api/v1/warnings/${forwardedId}/approve`, approver)).statusCode).toBe(200);
    const published = await post(`/api/v1/warnings/${forwardedId}/publish`, approver);
    expect(published.json()).toMatchObject({ status: 'published', releasedVersions: 1 });
    expect((await prefill(importId, xinping)).json().error.code).toBe('warning.import_already_forwarded');
    expect((await post(`/api/v1/warnings/${forwardedId}/cancel`, approver)).json().status).toBe('cancelled');
    expect((await prefill(importId, xinping)).statusCode).toBe(200);
  });

  it('refuses to forward an expired message with a 409', async () => {
    const old = (await upload(capFrom(1, { expires: new Date('2026-11-29T01:30:00Z') }))).json().item.id;
    const response = await prefill(old, xinping);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('warning.import_expired');
  });

  it('refuses to forward a message its sender cancelled, and the Cancel itself, with a 409', async () => {
    const cancel = (await upload(capFrom(2, { msgType: 'Cancel', references: sent }))).json().item.id;
    for (const id of [importId, cancel]) {
      const response = await prefill(id, xinping);
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('warning.import_cancelled');
    }
    const before = await warningCount();
    const saved = await post('/api/v1/warnings', xinping, {
      eventType: 'gale',
      level: 'orange',
      onset: '2026-11-29T09:00:00+08:00',
      expires: '2026-11-30T09:00:00+08:00',
      contact: '0877-7012110',
      area: { counties: [XINPING] },
      info: { zh: { headline: '大风预警', description: '大风。' } },
      source: { kind: 'import', id: importId },
    });
    expect(saved.json().error.code).toBe('warning.import_cancelled');
    expect(await warningCount()).toBe(before);
  });
});
