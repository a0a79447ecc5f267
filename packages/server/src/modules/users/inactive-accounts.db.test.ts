import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_PASSWORD, type TestContext } from '../../../test/test-app.ts';
import { createSecurityEventsRepository } from '../auth/security-events.repository.ts';
import { disableInactiveAccounts } from './inactive-accounts.job.ts';
import { createUsersRepository } from './users.repository.ts';

const DAY = 86_400_000;

/** 等保 level 3 (GB/T 22239-2019 8.1.4.1 c): accounts unused for 90 days are disabled. */
describe('inactive accounts', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false', ACCOUNT_INACTIVE_DAYS: '90' });
  });
  afterAll(() => t.close());

  const run = () =>
    disableInactiveAccounts({
      db: t.db,
      clock: t.clock,
      users: createUsersRepository(t.db),
      events: createSecurityEventsRepository(t.db),
      inactiveDays: 90,
    });
  const ageAccount = (id: string, days: number, lastLoginDays: number | null) =>
    t.db.query('UPDATE users SET created_at = $2, last_login_at = $3 WHERE id = $1', [
      id,
      new Date(t.clock.now().getTime() - days * DAY),
      lastLoginDays === null ? null : new Date(t.clock.now().getTime() - lastLoginDays * DAY),
    ]);

  it('disables accounts without a sign-in for 90 days, once even with two processes, and says so at sign-in', async () => {
    const county = { kind: 'county' as const, counties: ['530403'] };
    const idle = await t.createUser({ roles: ['county_officer'], scope: county });
    const neverUsed = await t.createUser({ roles: ['county_officer'], scope: county });
    const recent = await t.createUser({ roles: ['county_officer'], scope: county });
    const admin = await t.createUser({ roles: ['sysadmin'], scope: { kind: 'city' } });
    await ageAccount(idle.id, 400, 91);
    await ageAccount(neverUsed.id, 91, null);
    await ageAccount(recent.id, 400, 89);
    await ageAccount(admin.id, 10, 1);

    // Two processes run the job at the same moment: one takes the lock, the other does nothing.
    const [first, second] = await Promise.all([run(), run()]);
    const disabled = [...(first ?? []), ...(second ?? [])].sort();
    expect(disabled).toEqual([idle.username, neverUsed.username].sort());
    expect(await run()).toEqual([]);
    const events = await t.db.query<{ username: string }>(
      "SELECT username FROM security_events WHERE kind = 'account_inactive_disabled' ORDER BY username",
    );
    expect(events.rows.map((r) => r.username)).toEqual(disabled);

    const refused = await t.login(idle.username, TEST_PASSWORD);
    expect(refused.response.statusCode).toBe(403);
    expect(refused.response.json().error.code).toBe('auth.account_inactive');
    expect((await t.login(recent.username, TEST_PASSWORD)).response.statusCode).toBe(200);

    // Enabled again by the administrator, the account is not disabled again by the next run.
    const caller = await t.sessionFor(admin);
    const enabled = await t.request({
      method: 'POST',
      url: `/api/v1/users/${idle.id}/status`,
      payload: { status: 'active' },
      as: caller,
    });
    expect(enabled.statusCode).toBe(200);
    expect(await run()).toEqual([]);
    expect((await t.login(idle.username, TEST_PASSWORD)).response.statusCode).toBe(200);
  });

  it('keeps the last active system administrator, so somebody can enable the others', async () => {
    await t.db.query(
      "UPDATE users SET status = 'disabled' WHERE id IN (SELECT user_id FROM user_roles WHERE role_code = 'sysadmin')",
    );
    const lastAdmin = await t.createUser({ roles: ['sysadmin'], scope: { kind: 'city' } });
    await ageAccount(lastAdmin.id, 400, 200);
    expect(await run()).toEqual([]);
    const status = await t.db.query<{ status: string }>('SELECT status FROM users WHERE id = $1', [
      lastAdmin.id,
    ]);
    expect(status.rows[0]!.status).toBe('active');
  });
});
