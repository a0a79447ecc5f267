import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEnterprise } from '../../../test/factories.ts';
import { createTestDatabase } from '../../../test/test-app.ts';
import { createFieldCipher, parseFieldKeys } from '../crypto.ts';
import type { Db } from '../db.ts';
import { rotateFieldKey, sealedColumns, sealedJsonColumns, sealedValuesByKey } from './field-key-rotation.ts';

const KEY_A = `k1:${'a1'.repeat(16)}`;
const KEY_B = `k2:${'b2'.repeat(16)}`;
const onlyA = createFieldCipher(parseFieldKeys(KEY_A));
const aThenB = createFieldCipher(parseFieldKeys(`${KEY_A},${KEY_B}`));
const onlyB = createFieldCipher(parseFieldKeys(KEY_B));

/** Every sealed value in the database, as stored (the contacts' `…Enc` values included). */
async function rawSealed(db: Db): Promise<string[]> {
  const rows = await db.query<{ v: string }>(
    `SELECT phone_enc AS v FROM users WHERE phone_enc IS NOT NULL
     UNION ALL SELECT totp_secret_enc FROM users WHERE totp_secret_enc IS NOT NULL
     UNION ALL SELECT contact_phone_enc FROM emergency_resources WHERE contact_phone_enc IS NOT NULL
     UNION ALL SELECT phone_enc FROM duty_shifts
     UNION ALL SELECT id_number_enc FROM obligation_people
     UNION ALL SELECT c.value ->> 'phoneEnc' FROM enterprises, jsonb_each(contacts) c
                WHERE c.value ? 'phoneEnc'`,
  );
  return rows.rows.map((r) => r.v);
}

describe('field-key rotation (issue 19): seal with A, rotate to B, remove A', () => {
  let db: Db;
  let drop: () => Promise<void>;
  const phones = Array.from({ length: 25 }, (_, i) => `1390000${String(i).padStart(4, '0')}`);

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase());
    for (const [i, phone] of phones.entries()) {
      // A value from before key ids (`v1:`) beside ones that name key k1.
      const sealed = i % 5 === 0 ? onlyA.encrypt(phone).replace(/^v2:k1:/, 'v1:') : onlyA.encrypt(phone);
      await db.query(
        `INSERT INTO users (username, display_name, scope_kind, status, password_hash, must_change_password,
           phone_enc, totp_secret_enc, created_at, updated_at)
         VALUES ($1, '轮换测试', 'city', 'active', '!', false, $2, $3, now(), now())`,
        [`rotate${i}`, sealed, i === 0 ? onlyA.encrypt('JBSWY3DPEHPK3PXP') : null],
      );
    }
    await db.query(
      `INSERT INTO emergency_resources (kind, name, county, lon, lat, contact_phone_enc, created_at, updated_at)
       VALUES ('team', '轮换测试救援队', '530402', 102.5, 24.3, $1, now(), now())`,
      [onlyA.encrypt(phones[1]!)],
    );
    await db.query(
      `INSERT INTO duty_shifts (county, duty_date, shift, leader, officer, phone_enc, created_at, updated_at)
       VALUES ('530402', '2026-11-29', 'day', '张三', '李四', $1, now(), now())`,
      [onlyA.encrypt(phones[2]!)],
    );
    const enterpriseId = await insertEnterprise(db, { name: '轮换测试企业', county: '530402', serial: 9201 });
    await db.query('UPDATE enterprises SET contacts = $1 WHERE id = $2', [
      {
        legalRepresentative: { name: '王五', phoneEnc: onlyA.encrypt(phones[3]!) },
        safetyManager: { name: '赵六', phoneEnc: onlyA.encrypt(phones[4]!).replace(/^v2:k1:/, 'v1:') },
      },
      enterpriseId,
    ]);
    await db.query(
      `INSERT INTO obligation_people (enterprise_id, county, name, id_number_enc, id_number_masked, post,
         created_at, updated_at)
       VALUES ($1, '530402', '轮换测试安全员', $2, '5304**********0018', 'safety_manager', now(), now())`,
      [enterpriseId, onlyA.encrypt('530402199001010018')],
    );
  });
  afterAll(() => drop());

  it('names every *_enc column of the schema, so a new sealed column cannot be forgotten', async () => {
    const columns = await db.query<{ name: string }>(
      `SELECT c.table_name || '.' || c.column_name AS name
         FROM information_schema.columns c
         JOIN information_schema.tables t USING (table_schema, table_name)
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.column_name LIKE '%\\_enc'
        ORDER BY 1`,
    );
    expect(columns.rows.map((r) => r.name)).toEqual(
      sealedColumns.map((p) => `${p.table}.${p.column}`).sort(),
    );
    expect(sealedJsonColumns.map((p) => `${p.table}.${p.column}`)).toEqual(['enterprises.contacts']);
  });

  it('re-seals every value with B in batches, refuses a second run at the same time, and needs A no more', async () => {
    const before = await rawSealed(db);
    expect(before).toHaveLength(25 + 1 + 1 + 1 + 1 + 2);
    expect(await sealedValuesByKey(db)).toEqual({ k1: 25, v1: 6 });

    // Another process holds the rotation: refused, nothing changed.
    const other = await db.connect();
    await other.query('SELECT pg_advisory_lock(74626045)');
    await expect(rotateFieldKey(db, aThenB)).rejects.toMatchObject({ code: 'field_key.rotation_running' });
    await other.query('SELECT pg_advisory_unlock(74626045)');
    other.release();
    expect(await rawSealed(db)).toEqual(before);

    const report = await rotateFieldKey(db, aThenB, { batch: 4 });
    expect(report).toEqual({
      currentKeyId: 'k2',
      unreadable: [],
      resealed: {
        'users.phone_enc': 25,
        'users.totp_secret_enc': 1,
        'users.totp_pending_enc': 0,
        'emergency_resources.contact_phone_enc': 1,
        'duty_shifts.phone_enc': 1,
        'obligation_people.id_number_enc': 1,
        'warning_pushes.address_enc': 0,
        'enterprises.contacts': 1,
      },
    });
    const after = await rawSealed(db);
    expect(after.every((value) => value.startsWith('v2:k2:'))).toBe(true);
    expect(await sealedValuesByKey(db)).toEqual({ k2: 31 });
    // Key A removed: B alone opens everything.
    const phonesNow = await db.query<{ v: string }>(
      "SELECT phone_enc AS v FROM users WHERE username LIKE 'rotate%' ORDER BY username",
    );
    expect(phonesNow.rows.map((r) => onlyB.decrypt(r.v)).sort()).toEqual([...phones].sort());
    const contacts = await db.query<{ c: Record<string, { phoneEnc: string }> }>(
      "SELECT contacts AS c FROM enterprises WHERE name = '轮换测试企业'",
    );
    expect(onlyB.decrypt(contacts.rows[0]!.c.safetyManager!.phoneEnc)).toBe(phones[4]);
    expect(() => onlyA.decrypt(after[0]!)).toThrow(/not configured/);

    // Resumable: a second run finds nothing left to do.
    const again = await rotateFieldKey(db, aThenB);
    expect(Object.values(again.resealed).every((n) => n === 0)).toBe(true);
  });

  it('leaves a value no configured key opens as it is and reports it', async () => {
    const stranger = createFieldCipher(parseFieldKeys(`k9:${'c3'.repeat(16)}`));
    await db.query("UPDATE duty_shifts SET phone_enc = $1 WHERE leader = '张三'", [stranger.encrypt('1')]);
    const report = await rotateFieldKey(
      db,
      createFieldCipher(parseFieldKeys(`${KEY_B},k3:${'d4'.repeat(16)}`)),
    );
    expect(report.unreadable).toEqual([expect.stringMatching(/^duty_shifts\.phone_enc [0-9a-f-]{36}$/)]);
    expect(report.resealed['users.phone_enc']).toBe(25);
    const kept = await db.query<{ v: string }>(
      "SELECT phone_enc AS v FROM duty_shifts WHERE leader = '张三'",
    );
    expect(kept.rows[0]!.v).toMatch(/^v2:k9:/);
  });
});
