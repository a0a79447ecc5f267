/**
 * Rescue teams benchmark (issue 18, 应急联动): 500 phones each send their position every 5 s to one
 * server process; a command page's SSE client on another server process (the two share only the
 * database: the event bus's PostgreSQL LISTEN/NOTIFY transport, as in production) receives every
 * position. Measured: send (the phone's POST) → arrival at the SSE client, p50/p95/p99 and max, and
 * how many positions arrived (all of them, once). Goal: p99 ≤ 1 s. The two servers are their own
 * processes (`node packages/server/src/main.ts`); the 500 phones and the SSE client run here.
 * TEAMS_BENCH_SECONDS sets the run's length (default 30 s: six rounds, 3,000 positions).
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { hashPassword, randomToken, sm3Hex } from '../packages/server/src/platform/crypto.ts';
import type { Db } from '../packages/server/src/platform/db.ts';
import { freePort } from '../packages/server/src/platform/embedded-postgres.ts';
import { createUsersRepository } from '../packages/server/src/modules/users/users.repository.ts';
import { BENCH_KEY, benchDatabase } from './support.ts';

const PHONES = Number(process.env.TEAMS_BENCH_PHONES ?? 500);
const repoRoot = path.resolve(import.meta.dirname, '..');
const INTERVAL_MS = 5_000;
const SECONDS = Number(process.env.TEAMS_BENCH_SECONDS ?? 30);
const GOAL_P99_MS = 1_000;

async function session(db: Db, username: string, role: string): Promise<{ token: string; id: string }> {
  const client = await db.connect();
  const id = await createUsersRepository(db).insert(client, {
    username,
    displayName: '压测',
    phoneSealed: null,
    organisation: null,
    scope: { kind: 'city' },
    roles: [role],
    passwordHash: await hashPassword(randomToken()),
    mustChangePassword: false,
    passwordChangedAt: new Date(),
    createdAt: new Date(),
  });
  client.release();
  const token = randomToken();
  await db.query(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, idle_seconds, ip, user_agent)
     VALUES ($1, $2, 'x', now(), now(), now() + interval '12 hours', 86400, '127.0.0.1', 'bench')`,
    [sm3Hex(token), id],
  );
  return { token, id };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const database = await benchDatabase();
const { db } = database;
const children: ChildProcess[] = [];
try {
  const officer = await session(db, 'bench_command', 'city_officer');
  const phone = await session(db, 'bench_team', 'rescue_team');
  // One incident, 500 teams dispatched to it, the phone account a member of each.
  const incident = (
    await db.query<{ id: string }>(
      `INSERT INTO incidents (occurred_at, notified_at, county, location, lon, lat, accident_type, original, description,
         reporter, created_by, created_at, updated_at)
       VALUES (now() - interval '1 hour', now() - interval '1 hour', '530402', '压测事故', 102.5, 24.3, 'WSA10023',
               '{"deaths":0,"seriousInjuries":1,"directLossWan":"10"}', '压测', '压测', $1, now(), now()) RETURNING id`,
      [officer.id],
    )
  ).rows[0]!.id;
  const tasks = (
    await db.query<{ id: string }>(
      `WITH teams AS (
         INSERT INTO emergency_resources (kind, name, county, lon, lat, created_at, updated_at)
         SELECT 'team', '压测救援队' || g, '530402', 102.4 + g * 0.0002, 24.2, now(), now() FROM generate_series(1, ${PHONES}) g
         RETURNING id),
       members AS (INSERT INTO rescue_team_members (team_id, user_id, leader, created_at) SELECT id, $2, true, now() FROM teams)
       INSERT INTO dispatch_tasks (incident_id, resource_id, status, created_at, updated_at)
       SELECT $1, id, 'en_route', now(), now() FROM teams RETURNING id`,
      [incident, phone.id],
    )
  ).rows.map((r) => r.id);

  const start = async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: database.url,
        FIELD_ENCRYPTION_KEY: BENCH_KEY,
        DATA_DIR: database.dataDir,
        DEMO_DATA: 'false',
        SIMULATOR: 'false',
        AUTH_TOTP_REQUIRED: 'false',
        LOG_LEVEL: 'warn',
        ANJIAN_BOOTSTRAP_PASSWORD: 'Bench#Teams2026',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(child);
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 600; i++) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      try {
        if ((await fetch(`${url}/api/v1/health`)).ok) return url;
      } catch {
        // not up yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('server did not start');
  };
  const command = await start();
  const phones = await start();

  // The command page's stream.
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let duplicates = 0;
  const controller = new AbortController();
  const stream = await fetch(`${command}/api/v1/incidents/${incident}/teams/stream`, {
    headers: { cookie: `anjian_session=${officer.token}` },
    signal: controller.signal,
  });
  if (stream.status !== 200) throw new Error(`stream → ${stream.status}`);
  const reading = (async () => {
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (!block.startsWith('event: team') || !data) continue;
        const message = JSON.parse(data) as { taskId: string; position: { at: string } | null };
        const key = `${message.taskId}|${message.position?.at}`;
        const sent = sentAt.get(key);
        if (sent === undefined) continue;
        if (sent < 0) duplicates += 1;
        else {
          latencies.push(performance.now() - sent);
          sentAt.set(key, -1);
        }
      }
    }
  })();

  let sent = 0;
  let refused = 0;
  const rounds = Math.max(1, Math.round((SECONDS * 1000) / INTERVAL_MS));
  const began = performance.now();
  const sends: Promise<void>[] = [];
  for (let p = 0; p < PHONES; p++) {
    const taskId = tasks[p]!;
    const offset = (INTERVAL_MS * p) / PHONES;
    sends.push(
      (async () => {
        for (let round = 0; round < rounds; round++) {
          const due = began + offset + round * INTERVAL_MS;
          const wait = due - performance.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          const at = new Date(Date.now() - 1).toISOString();
          sentAt.set(`${taskId}|${at}`, performance.now());
          sent += 1;
          const response = await fetch(`${phones}/api/v1/teams/tasks/${taskId}/positions`, {
            method: 'POST',
            headers: {
              cookie: `anjian_session=${phone.token}`,
              'x-csrf-token': 'x',
              'content-type': 'application/json',
            },
            body: JSON.stringify({
              operations: [
                {
                  kind: 'position',
                  id: randomUUID(),
                  at,
                  position: { lon: 102.4 + p * 0.0002 + round * 0.0001, lat: 24.2 + round * 0.0001 },
                },
              ],
            }),
          });
          if (response.status !== 200) {
            refused += 1;
            if (refused <= 3)
              console.error(`sync → ${response.status} ${(await response.text()).slice(0, 200)}`);
          } else await response.arrayBuffer();
        }
      })(),
    );
  }
  await Promise.all(sends);
  // Let the last positions arrive.
  const settle = performance.now();
  while (latencies.length < sent - refused && performance.now() - settle < 10_000)
    await new Promise((resolve) => setTimeout(resolve, 50));
  controller.abort();
  await reading;

  latencies.sort((a, b) => a - b);
  const round1 = (x: number) => +x.toFixed(1);
  const figures = {
    benchmark: 'teams',
    phones: PHONES,
    intervalSeconds: INTERVAL_MS / 1000,
    seconds: SECONDS,
    positionsSent: sent,
    refused,
    arrived: latencies.length,
    duplicates,
    p50Ms: round1(percentile(latencies, 50)),
    p95Ms: round1(percentile(latencies, 95)),
    p99Ms: round1(percentile(latencies, 99)),
    maxMs: round1(latencies.at(-1) ?? NaN),
    goalP99Ms: GOAL_P99_MS,
  };
  console.log(JSON.stringify(figures));
  console.log(
    `\nteams: ${PHONES} phones × a position every ${INTERVAL_MS / 1000} s for ${SECONDS} s → the command stream on another server process\n` +
      `| sent | arrived | duplicates | refused | p50 ms | p95 ms | p99 ms | max ms | goal p99 ms |\n|---|---|---|---|---|---|---|---|---|\n` +
      `| ${sent} | ${latencies.length} | ${duplicates} | ${refused} | ${figures.p50Ms} | ${figures.p95Ms} | ${figures.p99Ms} | ${figures.maxMs} | ${GOAL_P99_MS} |\n`,
  );
} finally {
  for (const child of children) {
    if (child.exitCode !== null) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await database.close();
}
