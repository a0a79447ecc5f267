import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maintainReadingPartitions } from '../modules/monitoring/readings-partitions.ts';
import { createManualClock } from './clock.ts';
import { loadConfig } from './config.ts';
import { ensureAppRole } from './db.ts';
import { freePort } from './embedded-postgres.ts';
import { openRuntime, type Runtime } from './runtime.ts';
import { scratchDir } from '../../test/scratch.ts';

describe('the embedded cluster’s two roles: the owner migrates, the application runs restricted', () => {
  let dataDir: string;
  let runtime: Runtime;

  beforeAll(async () => {
    dataDir = scratchDir('anjian-runtime-roles-');
    const config = loadConfig({
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      DEMO_DATA: 'false',
    });
    runtime = await openRuntime(config);
  });
  afterAll(async () => {
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('connects the application as its own login, which is no superuser and owns no table', async () => {
    expect(runtime.role).toEqual({ role: 'anjian_app', superuser: false });
    const owner = await runtime.ownerDb.query(
      'SELECT current_user AS role, rolsuper FROM pg_roles WHERE rolname = current_user',
    );
    expect(owner.rows[0]).toEqual({ role: 'anjian', rolsuper: true });
    const owned = await runtime.db.query(
      "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user",
    );
    expect(owned.rows[0].n).toBe(0);
    const credentials = JSON.parse(readFileSync(path.join(dataDir, 'pg-credentials.json'), 'utf8'));
    expect(Object.keys(credentials).sort()).toEqual(['appPassword', 'password', 'user']);
  });

  it('may add audit entries but not change, empty or unguard the audit table', async () => {
    await runtime.db.query(
      `INSERT INTO audit_log (seq, at, actor_name, roles, scope, action, ip, user_agent, outcome, status, prev_hash, hash)
       VALUES (1, now(), 'x', '{}', 'public', 'auth.login', '127.0.0.1', 't', 'success', 200, '0', '0')`,
    );
    await expect(runtime.db.query("UPDATE audit_log SET actor_name = 'y'")).rejects.toThrow(
      /permission denied/,
    );
    await expect(runtime.db.query('TRUNCATE audit_log')).rejects.toThrow(/permission denied/);
    await expect(
      runtime.db.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only'),
    ).rejects.toThrow(/must be owner/);
    await expect(runtime.db.query('RESET ROLE')).resolves.toBeDefined();
    // A login of its own: there is no more privileged role behind it to return to.
    const after = await runtime.db.query('SELECT current_user AS role');
    expect(after.rows[0].role).toBe('anjian_app');
  });

  it('makes and drops the readings’ day partitions through the owner’s functions, owning none', async () => {
    const clock = createManualClock(new Date('2027-03-01T02:00:00Z'));
    const settings = { rawDays: 2, minuteDays: 10, hourDays: 30, aheadDays: 1 };
    const made = await maintainReadingPartitions(runtime.db, clock, settings);
    expect(made?.created).toContain('readings_p20270301');
    await runtime.db.query(
      `INSERT INTO readings (point_no, ts, value) VALUES (1, '2027-03-01T03:00:00Z', 1)`,
    );
    clock.set(new Date('2027-03-05T02:00:00Z'));
    const dropped = await maintainReadingPartitions(runtime.db, clock, settings);
    expect(dropped?.dropped).toContain('readings_p20270301');
    await expect(runtime.db.query('DROP TABLE readings_p20270305')).rejects.toThrow(/must be owner/);
    const owned = await runtime.db.query(
      "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user",
    );
    expect(owned.rows[0].n).toBe(0);
  });
  it('sets the role and its grants from several processes starting at once, without a collision', async () => {
    // The processes of one start (ANJIAN_PROCESSES) each call this with the role's password at the
    // same moment; concurrent ALTER ROLEs once failed a start with "tuple concurrently updated".
    const password = JSON.parse(readFileSync(path.join(dataDir, 'pg-credentials.json'), 'utf8')).appPassword;
    const runs = await Promise.allSettled(
      Array.from({ length: 8 }, () => ensureAppRole(runtime.ownerDb, { role: 'anjian_app', password })),
    );
    expect(runs.map((run) => (run.status === 'fulfilled' ? run.value : String(run.reason)))).toEqual(
      Array.from({ length: 8 }, () => true),
    );
    // The application still signs in as itself with that password (a new connection of its pool).
    const fresh = await Promise.all(
      Array.from({ length: 3 }, () => runtime.db.query<{ role: string }>('SELECT current_user AS role')),
    );
    expect(fresh.map((r) => r.rows[0]!.role)).toEqual(['anjian_app', 'anjian_app', 'anjian_app']);
  });
});
