import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../platform/clock.ts';
import { verifyPassword } from '../../platform/crypto.ts';
import { createTestDatabase } from '../../../test/test-app.ts';
import { BOOTSTRAP_USERNAME, ensureBootstrapAdmin } from './bootstrap.ts';
import { createUsersRepository } from './users.repository.ts';

describe('the bootstrap administrator', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('is made once when two processes start at the same moment, and the one password shown works', async () => {
    const { db } = database;
    const users = createUsersRepository(db);
    const starts = await Promise.all([
      ensureBootstrapAdmin({ db, users, clock: systemClock }, null),
      ensureBootstrapAdmin({ db, users, clock: systemClock }, null),
    ]);
    const shown = starts.filter((start) => start !== null);
    expect(shown).toHaveLength(1);
    const rows = await db.query<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE lower(username) = $1',
      [BOOTSTRAP_USERNAME],
    );
    expect(rows.rows).toHaveLength(1);
    expect(await verifyPassword(shown[0]!.password, rows.rows[0]!.password_hash)).toBe(true);

    // A later start (nobody has signed in yet) issues a fresh one-time password, and only it works.
    const later = await ensureBootstrapAdmin({ db, users, clock: systemClock }, null);
    const after = await db.query<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE lower(username) = $1',
      [BOOTSTRAP_USERNAME],
    );
    expect(await verifyPassword(later!.password, after.rows[0]!.password_hash)).toBe(true);
    expect(await verifyPassword(shown[0]!.password, after.rows[0]!.password_hash)).toBe(false);
  });
});
