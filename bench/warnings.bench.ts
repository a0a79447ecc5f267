/**
 * Warnings benchmark (issue 15): one published warning fanned out to 100,000 recipients — all
 * queued in the outbox (goal ≤ 5 s) — and the outbox delivering to a local HTTP gateway (goal
 * ≥ 2,000 msg/s), counted at the receiver (delivered once each, none twice). Real PostgreSQL, real
 * HTTP; the channel is the signed webhook, one recipient URL per row.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { systemClock } from '../packages/server/src/platform/clock.ts';
import { loadConfig } from '../packages/server/src/platform/config.ts';
import { createFieldCipher } from '../packages/server/src/platform/crypto.ts';
import { createMemoryEventBus } from '../packages/server/src/platform/events/index.ts';
import { createNotificationsModule } from '../packages/server/src/modules/notifications/index.ts';
import { createWarningsModule, noWarningSources } from '../packages/server/src/modules/warnings/index.ts';
import { createAttachmentStore } from '../packages/server/src/modules/uploads/index.ts';
import { BENCH_KEY, benchDatabase } from './support.ts';

const RECIPIENTS = 100_000;
const DELIVER = Number(process.env.WARNINGS_BENCH_DELIVER ?? 20_000);
const WORKERS = 4;

const KILL_ROWS = 10_000;

const seen = new Map<string, number>();
// The kill -9 phase's recipients post under /kill/ and are counted apart.
const killSeen = new Map<string, number>();
const gateway = http.createServer((request, response) => {
  const id = String(request.headers['x-anjian-delivery']);
  const counts = request.url?.startsWith('/kill/') ? killSeen : seen;
  counts.set(id, (counts.get(id) ?? 0) + 1);
  request.resume();
  request.on('end', () => response.end('ok'));
});
await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;

const database = await benchDatabase();
const { db } = database;
try {
  const cipher = createFieldCipher(BENCH_KEY);
  const module = createWarningsModule({
    db,
    clock: systemClock,
    config: loadConfig({ WARNING_WEBHOOK_SECRET: 'bench-webhook-secret-0123' }),
    events: createMemoryEventBus({ log: () => undefined }),
    notifier: createNotificationsModule({ db, clock: systemClock }).notifier,
    cipher,
    sources: noWarningSources,
    attachmentFiles: createAttachmentStore(db, 50_000_000),
    log: () => undefined,
  });
  const actor = (id: string, canApprove: boolean) => ({
    id,
    name: canApprove ? '审核人' : '编写人',
    scope: { kind: 'city' as const },
    canWrite: true,
    canApprove,
  });
  const author = actor('00000000-0000-4000-8000-00000000b001', false);
  const approver = actor('00000000-0000-4000-8000-00000000b002', true);
  const now = systemClock.now();
  const { id } = await module.warnings.create(author, {
    eventType: 'hazchem_leak',
    level: 'red',
    onset: now.toISOString(),
    expires: new Date(now.getTime() + 3_600_000).toISOString(),
    audience: '',
    contact: '0877-2023110',
    area: { counties: ['530403'], townships: [], polygon: null, circle: null },
    info: { zh: { headline: '基准测试预警', description: '基准测试。', instruction: '' }, en: null },
  });
  await module.warnings.step(author, id, 'submit', '');
  await module.warnings.step(approver, id, 'approve', '');
  await module.warnings.step(approver, id, 'publish', '');

  // Fan-out: every recipient's row queued in one statement (as a release does, in its transaction).
  const deliveries = Array.from({ length: RECIPIENTS }, (_, i) => ({
    channel: 'webhook' as const,
    recipient: `${base}/hook/${i}`,
  }));
  const queueStart = performance.now();
  const queued = await module.outbox.enqueue(db, id, 1, deliveries, systemClock.now());
  const queueMs = performance.now() - queueStart;

  // Delivery: WORKERS concurrent workers (FOR UPDATE SKIP LOCKED) until DELIVER rows are sent.
  let delivered = 0;
  const deliverStart = performance.now();
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      while (delivered < DELIVER) {
        const pass = await module.outbox.deliverDue(systemClock.now());
        delivered += pass.delivered;
        if (pass.delivered + pass.failed === 0) break;
      }
    }),
  );
  const deliverMs = performance.now() - deliverStart;
  const duplicates = [...seen.values()].filter((n) => n > 1).length;
  const stored = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM warning_deliveries WHERE status = 'delivered' AND channel = 'webhook'`,
  );
  const ids = await db.query<{ id: string }>(
    `SELECT id::text FROM warning_deliveries WHERE status = 'delivered' AND channel = 'webhook'`,
  );
  // Lost: marked delivered, never received. Received but still pending (a send whose answer came
  // after the 5 s timeout): it will be sent again, and the receiver drops it by X-Anjian-Delivery.
  const lost = ids.rows.filter((r) => !seen.has(r.id)).length;
  const receivedNotMarked = seen.size - (ids.rows.length - lost);
  // kill -9 during delivery, then a restart: a separate process drains KILL_ROWS rows and is killed
  // a third of the way through; a new process (its clock past the 60 s lease) finishes the job.
  await db.query(`DELETE FROM warning_deliveries WHERE status = 'pending'`);
  await module.outbox.enqueue(
    db,
    id,
    1,
    Array.from({ length: KILL_ROWS }, (_, i) => ({
      channel: 'webhook' as const,
      recipient: `${base}/kill/${i}`,
    })),
    systemClock.now(),
  );
  const deliverer = (skewMs: number) =>
    spawn(process.execPath, ['--import', 'tsx', 'warnings-deliver-child.ts'], {
      cwd: import.meta.dirname,
      env: { ...process.env, BENCH_DATABASE_URL: database.url, BENCH_SKEW_MS: String(skewMs) },
      stdio: 'inherit',
    });
  const exited = (child: ReturnType<typeof spawn>) =>
    new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const first = deliverer(0);
  const firstExit = exited(first);
  while (killSeen.size < KILL_ROWS / 3 && first.exitCode === null)
    await new Promise((r) => setTimeout(r, 10));
  first.kill('SIGKILL');
  await firstExit;
  const atKill = await db.query<{ delivered: number; pending: number }>(
    `SELECT count(*) FILTER (WHERE status = 'delivered')::int AS delivered,
            count(*) FILTER (WHERE status = 'pending')::int AS pending
       FROM warning_deliveries WHERE recipient LIKE $1`,
    [`${base}/kill/%`],
  );
  const restartCode = await exited(deliverer(61_000));
  const afterRestart = await db.query<{ id: string }>(
    `SELECT id::text FROM warning_deliveries WHERE status = 'delivered' AND recipient LIKE $1`,
    [`${base}/kill/%`],
  );
  const kill = {
    rows: KILL_ROWS,
    receivedAtKill: atKill.rows[0]!.delivered,
    pendingAtKill: atKill.rows[0]!.pending,
    restartExitCode: restartCode,
    deliveredAfterRestart: afterRestart.rows.length,
    lost:
      afterRestart.rows.filter((r) => !killSeen.has(r.id)).length + (KILL_ROWS - afterRestart.rows.length),
    // Sent by the killed process but not yet marked: sent again after the restart. Every message carries
    // its X-Anjian-Delivery id, by which a receiver keeps one copy (docs/warnings.md).
    resentCopies: [...killSeen.values()].reduce((sum, n) => sum + n - 1, 0),
  };

  const result = {
    benchmark: 'warnings',
    recipients: RECIPIENTS,
    queued,
    queueSeconds: +(queueMs / 1000).toFixed(2),
    queueGoalSeconds: 5,
    delivered: stored.rows[0]!.n,
    received: seen.size,
    deliverPerSecond: Math.round((stored.rows[0]!.n / deliverMs) * 1000),
    deliverGoalPerSecond: 2000,
    workers: WORKERS,
    duplicatesAtReceiver: duplicates,
    lostAtReceiver: lost,
    receivedButNotYetMarked: receivedNotMarked,
    killRestart: kill,
    // Figures from a machine busy with other work are not comparable: print how busy it was.
    loadAverage1m: +os.loadavg()[0]!.toFixed(1),
    cores: os.availableParallelism(),
  };
  console.log(JSON.stringify(result));
  console.log(`\nwarnings\n| measure | value | goal |\n|---|---|---|`);
  console.log(`| queue ${RECIPIENTS} deliveries | ${result.queueSeconds} s | ≤ 5 s |`);
  console.log(
    `| outbox → local HTTP gateway | ${result.deliverPerSecond} msg/s (${result.delivered} sent) | ≥ 2,000 msg/s |`,
  );
  console.log(`| duplicates / lost at the receiver | ${duplicates} / ${lost} | 0 / 0 |`);
  console.log(`| received, not yet marked (will repeat, dropped by id) | ${receivedNotMarked} | — |`);
  console.log(
    `| kill -9 after ${kill.receivedAtKill} of ${KILL_ROWS}, restart: delivered / lost | ${kill.deliveredAfterRestart} / ${kill.lost} | ${KILL_ROWS} / 0 |`,
  );
  console.log(
    `| kill -9: copies sent again (a receiver keeps one per X-Anjian-Delivery id) | ${kill.resentCopies} | — |`,
  );
  console.log(`| machine load (1 min) / cores | ${result.loadAverage1m} / ${result.cores} | — |\n`);
} finally {
  gateway.close();
  await database.close();
}
