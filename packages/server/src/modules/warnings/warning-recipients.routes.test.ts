import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateSyntheticCreditCode } from '@anjian/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_FIELD_KEY, type Caller, type TestContext } from '../../../test/test-app.ts';
import { createFieldCipher } from '../../platform/crypto.ts';
import { validateCap } from './cap-schema.ts';
import { verifyWarningSignature } from './warning-signature.ts';

const JIANGCHUAN = '530403';
const cipher = createFieldCipher(TEST_FIELD_KEY);

/** Real local HTTP peers: the SMS gateway and the municipal warning centre. */
const received = {
  sms: [] as { body: { to: string; text: string; id: string }; auth: string | undefined }[],
  centre: [] as { body: string; auth: string | undefined; type: string | undefined }[],
};
const peer = (record: (body: string, request: http.IncomingMessage) => void) =>
  http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      record(body, request);
      response.end('ok');
    });
  });
const gateway = peer((body, request) =>
  received.sms.push({ body: JSON.parse(body), auth: request.headers.authorization }),
);
const centre = peer((body, request) =>
  received.centre.push({ body, auth: request.headers.authorization, type: request.headers['content-type'] }),
);
const urlOf = (server: http.Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// A drawn square round 102.75 E, 24.25 N: enterprise A and the school inside, enterprise B outside.
const square = [
  { lat: 24.2, lon: 102.7 },
  { lat: 24.2, lon: 102.8 },
  { lat: 24.3, lon: 102.8 },
  { lat: 24.3, lon: 102.7 },
];

describe('recipient groups, SMS with per-phone quotas and the hand-off to the warning centre', () => {
  let t: TestContext;
  let author: Caller;
  let approver: Caller;
  const users: Record<string, string> = {};

  async function enterprise(name: string, lon: number, phone: string, serial: number): Promise<string> {
    const contacts = { safetyManager: { name: '安全员', phoneEnc: cipher.encrypt(phone) } };
    const row = await t.db.query<{ id: string }>(
      `INSERT INTO enterprises (name, credit_code, county, lon, lat, contacts, status, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 24.25, $5, 'operating', now(), now()) RETURNING id`,
      [name, generateSyntheticCreditCode(serial, { divisionCode: JIANGCHUAN }), JIANGCHUAN, lon, contacts],
    );
    return row.rows[0]!.id;
  }

  beforeAll(async () => {
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    await new Promise<void>((resolve) => centre.listen(0, '127.0.0.1', resolve));
    t = await createTestContext({
      AUTH_TOTP_REQUIRED: 'false',
      WARNING_SMS_URL: `${urlOf(gateway)}/sms`,
      WARNING_SMS_TOKEN: 'sms-token-0123',
      WARNING_SMS_DAILY_QUOTA: '1',
      WARNING_CENTRE_URL: `${urlOf(centre)}/cap`,
      WARNING_CENTRE_TOKEN: 'centre-token-0123',
    });
    const a = await enterprise('区内化工企业', 102.75, '138 0000 0001', 71_001);
    const b = await enterprise('区外化工企业', 102.9, '13800000002', 71_002);
    await t.db.query(
      `INSERT INTO emergency_resources (kind, name, county, lon, lat, contact_phone_enc, created_at, updated_at)
       VALUES ('school', '区内小学', $1, 102.72, 24.22, $2, now(), now()),
              ('hospital', '区内医院', $1, 102.73, 24.23, $3, now(), now())`,
      [JIANGCHUAN, cipher.encrypt('13900000003'), cipher.encrypt('13900000004')],
    );
    const make = async (
      key: string,
      roles: string[],
      scope: Parameters<TestContext['createUser']>[0]['scope'],
    ) => {
      const user = await t.createUser({ roles, scope });
      users[key] = user.id;
      return t.sessionFor(user);
    };
    author = await make('author', ['city_officer'], { kind: 'city' });
    approver = await make('approver', ['city_officer'], { kind: 'city' });
    await make('county', ['county_officer'], { kind: 'county', counties: [JIANGCHUAN] });
    await make('managerA', ['enterprise_manager'], {
      kind: 'enterprise',
      enterpriseId: a,
      county: JIANGCHUAN,
    });
    await make('managerB', ['enterprise_manager'], {
      kind: 'enterprise',
      enterpriseId: b,
      county: JIANGCHUAN,
    });
  });
  afterAll(async () => {
    await t.close();
    gateway.close();
    centre.close();
  });

  const post = (url: string, as: Caller, payload: object = {}) =>
    t.request({ method: 'POST', url, payload, as });
  const release = async (headline: string) => {
    const created = await post('/api/v1/warnings', author, {
      eventType: 'hazchem_leak',
      level: 'orange',
      onset: '2026-11-29T10:00:00+08:00',
      expires: '2026-11-29T22:00:00+08:00',
      contact: '0877-2023110',
      area: { polygon: square },
      recipientGroups: ['enterprise_managers', 'county_officers', 'schools'],
      info: { zh: { headline, description: '液氯泄漏。', instruction: '关闭门窗，向上风向撤离。' } },
    });
    expect(created.json().recipientGroups).toEqual(['enterprise_managers', 'county_officers', 'schools']);
    const id = created.json().id;
    await post(`/api/v1/warnings/${id}/submit`, author);
    await post(`/api/v1/warnings/${id}/approve`, approver);
    const published = (await post(`/api/v1/warnings/${id}/publish`, approver)).json();
    await t.app.warningOutbox.deliverDue();
    return published;
  };
  const deliveries = async (warningId: string) =>
    (
      await t.db.query<{ channel: string; recipient: string; status: string; last_error: string | null }>(
        `SELECT channel, recipient, status, last_error FROM warning_deliveries WHERE warning_id = $1
          ORDER BY channel, recipient`,
        [warningId],
      )
    ).rows;

  it('resolves a polygon-only area to the enterprises, schools and county inside it, by group', async () => {
    const published = await release('江川区液氯泄漏橙色预警');
    const rows = await deliveries(published.id);
    expect(rows.filter((r) => r.channel === 'in_app').map((r) => r.recipient)).toEqual(
      [users.county!, users.managerA!].sort(),
    );
    expect(rows.filter((r) => r.channel === 'sms').map((r) => [r.recipient, r.status])).toEqual([
      ['13800000001', 'delivered'],
      ['13900000003', 'delivered'],
    ]);
    expect(received.sms.map((m) => m.body.to).sort()).toEqual(['13800000001', '13900000003']);
    expect(received.sms[0]).toMatchObject({
      auth: 'Bearer sms-token-0123',
      body: { text: '【玉溪市应急管理局】江川区液氯泄漏橙色预警：关闭门窗，向上风向撤离。' },
    });

    // The municipal centre received the CAP message itself, XSD-valid, signed with SM2 here.
    expect(received.centre).toHaveLength(1);
    expect(received.centre[0]).toMatchObject({ auth: 'Bearer centre-token-0123' });
    expect(received.centre[0]!.type).toContain('application/cap+xml');
    expect(await validateCap(received.centre[0]!.body)).toEqual({ valid: true, errors: [] });
    const version = (
      await t.db.query<{ cap_xml: string; sm2_signature: string; sm2_public_key: string }>(
        'SELECT cap_xml, sm2_signature, sm2_public_key FROM warning_versions WHERE warning_id = $1',
        [published.id],
      )
    ).rows[0]!;
    expect(version.cap_xml).toBe(received.centre[0]!.body);
    expect(verifyWarningSignature(version.cap_xml, version.sm2_signature, version.sm2_public_key)).toBe(true);
    expect(
      verifyWarningSignature(
        version.cap_xml.replace('橙色', '红色'),
        version.sm2_signature,
        version.sm2_public_key,
      ),
    ).toBe(false);
  });

  it('keeps each phone to its daily quota: the next warning that day is not texted again', async () => {
    const published = await release('江川区液氯泄漏橙色预警（续）');
    const sms = (await deliveries(published.id)).filter((r) => r.channel === 'sms');
    expect(sms.map((r) => [r.recipient, r.status, r.last_error])).toEqual([
      ['13800000001', 'failed', 'SMS quota of 1 a day reached'],
      ['13900000003', 'failed', 'SMS quota of 1 a day reached'],
    ]);
    expect(received.sms).toHaveLength(2);
    expect(received.centre).toHaveLength(2);
  });
});
