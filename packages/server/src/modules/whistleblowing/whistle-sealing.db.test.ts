import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldCipher, parseFieldKeys } from '../../platform/crypto.ts';
import { rotateFieldKey, sealedValuesByKey } from '../../platform/field-keys/field-key-rotation.ts';
import { createWhistleAbuseRepository } from './whistle-records.repository.ts';
import {
  createTestContext,
  TEST_FIELD_KEY,
  TEST_WHISTLE_KEY,
  type TestContext,
} from '../../../test/test-app.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
}, 60_000);
afterAll(() => t?.close());

const send = (payload: object, ip: string) =>
  t.request({ method: 'POST', url: '/api/v1/public/whistleblowing/reports', payload, remoteAddress: ip });

describe('whistleblowing at rest', () => {
  it('keeps the identity columns unreadable without the whistleblowers’ key', async () => {
    const sent = await send(
      {
        category: 'concealed_accident',
        description: '上月厂内一名工人死亡，企业未上报',
        county: '530402',
        anonymous: false,
        identity: {
          name: '王五',
          idNumber: '11010519491231002X',
          phone: '13900139000',
          bankAccount: '6222020200112233445',
        },
        deviceId: 'sealing-device-0123456789',
      },
      '198.51.100.23',
    );
    expect(sent.statusCode).toBe(201);
    const row = await t.db.query<Record<string, string>>(
      `SELECT i.* FROM whistle_identities i JOIN whistle_reports r ON r.id = i.report_id WHERE r.query_code = $1`,
      [sent.json().queryCode],
    );
    const sealed = row.rows[0]!;
    const raw = JSON.stringify(sealed);
    for (const plain of ['王五', '11010519491231002X', '13900139000', '6222020200112233445'])
      expect(raw).not.toContain(plain);
    // Sealed values carry their key id (v2:<id>:…); the whistleblowers' key is key k1 of its own ring.
    expect(sealed.name_sealed).toMatch(/^v2:k1:/);
    // The field key (the other key of the platform) cannot open it; the whistleblowers' key can.
    expect(() => createFieldCipher(TEST_FIELD_KEY).decrypt(sealed.name_sealed!)).toThrow();
    expect(() =>
      createFieldCipher('00000000000000000000000000000000').decrypt(sealed.id_number_sealed!),
    ).toThrow();
    expect(createFieldCipher(TEST_WHISTLE_KEY).decrypt(sealed.phone_sealed!)).toBe('13900139000');
  });

  it('rotates the whistleblowers’ key apart from the field keys: every identity sealed again, nothing else', async () => {
    const fieldsBefore = await sealedValuesByKey(t.db);
    const before = await sealedValuesByKey(t.db, 'whistle');
    expect(Object.keys(before)).toEqual(['k1']);
    const next = `k2:${'e5'.repeat(16)}`;
    const ring = createFieldCipher(parseFieldKeys(`k1:${TEST_WHISTLE_KEY},${next}`));
    const report = await rotateFieldKey(t.db, ring, { set: 'whistle', batch: 1 });
    const identities = before.k1! / 4;
    expect(report).toEqual({
      currentKeyId: 'k2',
      unreadable: [],
      resealed: {
        'whistle_identities.name_sealed': identities,
        'whistle_identities.id_number_sealed': identities,
        'whistle_identities.phone_sealed': identities,
        'whistle_identities.bank_account_sealed': identities,
      },
    });
    expect(await sealedValuesByKey(t.db, 'whistle')).toEqual({ k2: before.k1 });
    expect(await sealedValuesByKey(t.db)).toEqual(fieldsBefore);
    // The new key alone opens them.
    const phones = await t.db.query<{ v: string }>('SELECT phone_sealed AS v FROM whistle_identities');
    const onlyNext = createFieldCipher(parseFieldKeys(next));
    expect(phones.rows.map((r) => onlyNext.decrypt(r.v))).toContain('13900139000');
  });

  it('stores no IP, user agent or time of day with an anonymous report; abuse control keeps hashed keys that expire', async () => {
    const ip = '203.0.113.201';
    const sent = await t.request({
      method: 'POST',
      url: '/api/v1/public/whistleblowing/reports',
      payload: {
        category: 'major_hazard',
        description: '粉尘车间除尘系统长期停用',
        anonymous: true,
        deviceId: 'anon-device-0123456789ab',
      },
      remoteAddress: ip,
      headers: { 'user-agent': 'WhistleTestAgent/1.0' },
    });
    expect(sent.statusCode).toBe(201);
    const report = await t.db.query('SELECT * FROM whistle_reports WHERE query_code = $1', [
      sent.json().queryCode,
    ]);
    const stored = JSON.stringify(report.rows[0]);
    expect(stored).not.toContain(ip);
    expect(stored).not.toContain('WhistleTestAgent');
    const timestamps = await t.db.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns
        WHERE table_name IN ('whistle_reports', 'whistle_messages') AND data_type LIKE 'timestamp%'`,
    );
    expect(timestamps.rows).toEqual([]);
    // Nothing in the whole database holds the address, the agent or the report in the audit log.
    const anywhere = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE ip::text LIKE $1 OR user_agent LIKE '%WhistleTestAgent%'`,
      [`${ip}%`],
    );
    expect(anywhere.rows[0]!.n).toBe(0);
    const abuse = await t.db.query<{ client_key: string; expires_at: Date }>(
      'SELECT client_key, expires_at FROM whistle_abuse',
    );
    expect(abuse.rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(abuse.rows)).not.toContain(ip);

    // The marks expire after WHISTLE_ABUSE_RETENTION_DAYS (7); two processes purging at once both succeed.
    const abuseRepository = createWhistleAbuseRepository(t.db);
    expect(await abuseRepository.purgeExpired(t.clock.now())).toBe(0);
    t.clock.advance(8 * 86_400_000);
    const [a, b] = await Promise.all([
      abuseRepository.purgeExpired(t.clock.now()),
      abuseRepository.purgeExpired(t.clock.now()),
    ]);
    expect(a + b).toBe(abuse.rows.length);
    const left = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM whistle_abuse');
    expect(left.rows[0]!.n).toBe(0);
  });
});
