/**
 * Ingestion benchmark (issue 5): 10,000 points, sustained load of HTTP batches of 1,000 readings
 * into the embedded PostgreSQL with the alarm rules evaluated; then the same through an MQTT
 * broker; then a crash test (kill -9 during load, restart, count acknowledged readings missing).
 *
 * The server runs as its own process (`node packages/server/src/main.ts`) against a throw-away
 * embedded PostgreSQL, as in production; this process is the load generator and shares the 2 cores.
 * Prints: durable readings/s, p50/p99 from sending a reading that crosses a threshold to its alarm
 * event on the SSE stream, the server's peak RSS, where the server's time goes, and the crash count.
 *
 * BENCH_PROCESSES (default 1) runs the server as that many processes on one database and one port
 * (ANJIAN_PROCESSES, docs/operations.md); the time split then is one process's.
 * BENCH_SECONDS (default 60) sets each load phase; MQTT_URL the broker (default: a private
 * mosquitto started here with max_queued_messages 0, as tech-measurements.md advises);
 * BENCH_MQTT_CONNECTIONS (default 8) the server's MQTT connections; BENCH_PHASES a comma list of
 * the phases to run (default http,mqtt,single,crash; the ceiling always runs).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import mqtt from 'mqtt';
import { generateSyntheticCreditCode } from '../packages/domain/src/index.ts';
import { hashPassword, sm3Hex } from '../packages/server/src/platform/crypto.ts';
import { freePort } from '../packages/server/src/platform/embedded-postgres.ts';
import { createUsersRepository } from '../packages/server/src/modules/users/users.repository.ts';
import { cpuMeter } from './cpu-usage.ts';
import { copyCeiling, rollupCost } from './ingest-ceiling.ts';
import { BENCH_KEY, benchDatabase } from './support.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const POINTS = 10_000;
const BATCH = 1_000;
const HTTP_CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 1);
/** MQTT connections of the server's shared subscription (MQTT_CONNECTIONS): each takes one message at a time. */
const MQTT_CONNECTIONS = Number(process.env.BENCH_MQTT_CONNECTIONS ?? 8);
/** Which phases to run (the ceiling always runs): http, mqtt, single, crash. */
const PHASES = new Set((process.env.BENCH_PHASES ?? 'http,mqtt,single,crash').split(','));
const TOKEN = `ajd_${'b'.repeat(43)}`;
const PASSWORD = 'Bench#Mark2026';
const repoRoot = path.resolve(import.meta.dirname, '..');

const database = await benchDatabase();
const { db } = database;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'anjian-ingest-'));
let server: ChildProcess | null = null;
let broker: ChildProcess | null = null;
/** CPU of the server (and its processes), the database, this load generator and the broker. */
const cpu = cpuMeter(() => ({
  server: server?.pid,
  postgres: Number(readFileSync(path.join(database.dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]),
  generator: process.pid,
  broker: broker?.pid,
}));

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The earliest time the next phase's readings may have (see drive). */
let readingsFrom = 0;

async function setUp(): Promise<{ pointIds: string[]; codes: string[] }> {
  const enterprise = await db.query<{ id: string }>(
    `INSERT INTO enterprises (name, credit_code, county, created_at, updated_at)
     VALUES ('基准测试企业', $1, '530402', now(), now()) RETURNING id`,
    [generateSyntheticCreditCode(1, { divisionCode: '530402' })],
  );
  const enterpriseId = enterprise.rows[0]!.id;
  await db.query(
    `INSERT INTO regulated_objects (kind, name, enterprise_id, county, lon, lat, created_at, updated_at)
     SELECT 'major_hazard_source', '基准罐区' || i, $1, '530402', 102.5, 24.3, now(), now() FROM generate_series(1, 100) i`,
    [enterpriseId],
  );
  // 100 points per site; combustible gas with H 20 / HH 40 %LEL, expected every 5 s (no data after
  // 15 s): every phase reaches each point several times a second, so only the crossings alarm.
  await db.query(
    `INSERT INTO monitoring_points (code, name, object_id, enterprise_id, county, type, unit, range_min, range_max,
       expected_interval_seconds, thresholds, created_at, updated_at)
     SELECT 'B-' || lpad(n::text, 5, '0'), '基准点' || n, o.id, $1, '530402', 'combustible_gas', '%LEL', 0, 100, 5,
            '{"scheme":"process","H":{"value":20},"HH":{"value":40}}', now(), now()
       FROM generate_series(0, $2 - 1) n
       JOIN LATERAL (SELECT id FROM regulated_objects ORDER BY id OFFSET n / 100 LIMIT 1) o ON true`,
    [enterpriseId, POINTS],
  );
  await db.query(
    `INSERT INTO device_tokens (enterprise_id, county, name, token_hash, prefix, created_at)
     VALUES ($1, '530402', '基准网关', $2, 'ajd_bbbbbb', now())`,
    [enterpriseId, sm3Hex(TOKEN)],
  );
  const client = await db.connect();
  await createUsersRepository(db).insert(client, {
    username: 'bench_officer',
    displayName: 'bench',
    phoneSealed: null,
    organisation: null,
    scope: { kind: 'city' },
    roles: ['city_officer'],
    passwordHash: await hashPassword(PASSWORD),
    mustChangePassword: false,
    passwordChangedAt: new Date(),
    createdAt: new Date(),
  });
  client.release();
  const rows = await db.query<{ id: string; code: string }>(
    'SELECT id, code FROM monitoring_points ORDER BY code',
  );
  return { pointIds: rows.rows.map((row) => row.id), codes: rows.rows.map((row) => row.code) };
}

interface Running {
  url: string;
  pid: number;
}

async function startServer(port: number, env: Record<string, string>): Promise<Running> {
  // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server.
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'packages/server/src/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      FIELD_ENCRYPTION_KEY: BENCH_KEY,
      DATA_DIR: dataDir,
      DEMO_DATA: 'false',
      SIMULATOR: 'false',
      AUTH_TOTP_REQUIRED: 'false',
      LOG_LEVEL: 'warn',
      ANJIAN_BOOTSTRAP_PASSWORD: PASSWORD,
      ANJIAN_PROCESSES: String(PROCESSES),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  server = child;
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) return { url, pid: child.pid! };
    } catch {
      // not up yet
    }
    await sleep(100);
  }
  throw new Error('server did not start');
}

async function stopServer(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  const child = server;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
  server = null;
}

function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
  } catch {
    return NaN;
  }
}

async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench_officer', password: PASSWORD }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('anjian_session='))!;
  return cookie.split(';')[0]!;
}

/** Listens to the SSE stream; calls back with (pointId, at) of every alarm that went to firing. */
async function listen(url: string, cookie: string, onFiring: (pointId: string, at: string) => void) {
  const controller = new AbortController();
  const response = await fetch(`${url}/api/v1/monitoring/stream`, {
    headers: { cookie },
    signal: controller.signal,
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const done = (async () => {
    for (;;) {
      const { value, done: finished } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (finished) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (!data || !block.startsWith('event: alarm')) continue;
        const event = JSON.parse(data) as { pointId: string; status: string; at: string };
        if (event.status === 'firing') onFiring(event.pointId, event.at);
      }
    }
  })();
  return () => {
    controller.abort();
    return done;
  };
}

interface LoadResult {
  sent: number;
  acknowledged: number;
  seconds: number;
  latencies: number[];
  peakRssMb: number;
  acked: Map<number, number[]>;
  /** CPU seconds each part spent while the load ran. */
  cpuSeconds: Record<string, number>;
}

/**
 * Drives load for `seconds`: `send` is called with batches; every second a few points cross H
 * (and go back the next second), and the time from sending that reading to its SSE event is kept.
 */
async function drive(
  running: Running,
  codes: readonly string[],
  pointIds: readonly string[],
  seconds: number,
  /** Sends a batch: each reading's JSON text ({point, ts, value}). */
  send: (readings: readonly string[]) => Promise<boolean>,
  concurrency: number,
  options: { stopAfterMs?: number; keepAcked?: boolean } = {},
): Promise<LoadResult> {
  const cookie = await signIn(running.url);
  const pending = new Map<string, number>();
  const latencies: number[] = [];
  const stopListening = await listen(running.url, cookie, (pointId, at) => {
    const sentAt = pending.get(`${pointId}|${at}`);
    if (sentAt !== undefined) {
      latencies.push(performance.now() - sentAt);
      pending.delete(`${pointId}|${at}`);
    }
  });
  await sleep(200);
  let cursor = 0;
  // Each reading carries the wall clock (a device's own time), one millisecond past its point's
  // previous reading when a point reports more than once a millisecond, and after the previous
  // phase's readings: never a duplicate, never late for the roll-up, never from the future — so
  // the alarm rules evaluate every reading and the alarm latency is measured in every phase.
  const lastTs = new Float64Array(POINTS).fill(readingsFrom);
  let sent = 0;
  let acknowledged = 0;
  let peakRssMb = 0;
  const acked = new Map<number, number[]>();
  const hot = new Set<number>();
  const started = performance.now();
  const cpuBefore = cpu.take();
  const deadline = started + (options.stopAfterMs ?? seconds * 1000);
  const rssTimer = setInterval(() => {
    peakRssMb = Math.max(peakRssMb, rssMb(running.pid));
  }, 500);
  let lastCrossing = 0;
  let crossings = 0;

  // Each reading's JSON is written out, not stringified from an object: the load generator shares
  // the two cores with the server and PostgreSQL, and should take as little of them as it can.
  const prefixes = codes.map((code) => `{"point":${JSON.stringify(code)},"ts":`);
  async function worker() {
    while (performance.now() < deadline) {
      const readings: string[] = [];
      const indexes: number[] = [];
      const times: number[] = [];
      const crossing: number[] = [];
      const now = performance.now();
      const crossNow = now - lastCrossing >= 1_000;
      if (crossNow) {
        lastCrossing = now;
        crossings += 1; // a different tenth of the points each second, not the same hundred again
      }
      for (let i = 0; i < BATCH; i++) {
        const index = cursor % POINTS;
        cursor += 1;
        const ts = Math.max(Date.now(), lastTs[index]! + 1);
        lastTs[index] = ts;
        let value = 2 + (index % 7) * 0.5;
        if (hot.has(index)) hot.delete(index);
        else if (crossNow && (i + crossings * 7) % 100 === 0) {
          value = 25;
          hot.add(index);
          crossing.push(readings.length);
        }
        readings.push(`${prefixes[index]}${ts},"value":${value}}`);
        indexes.push(index);
        times.push(ts);
      }
      const sentAt = performance.now();
      for (const position of crossing) {
        const at = new Date(times[position]!).toISOString();
        pending.set(`${pointIds[indexes[position]!]}|${at}`, sentAt);
      }
      sent += readings.length;
      const ok = await send(readings).catch(() => false);
      if (ok) {
        acknowledged += readings.length;
        if (options.keepAcked) {
          for (let position = 0; position < indexes.length; position++) {
            const index = indexes[position]!;
            const list = acked.get(index) ?? [];
            list.push(times[position]!);
            acked.set(index, list);
          }
        }
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, () => worker()));
  const cpuSeconds = cpu.since(cpuBefore);
  readingsFrom = Math.max(...lastTs) + 1;
  const elapsed = (performance.now() - started) / 1000;
  await sleep(500);
  clearInterval(rssTimer);
  await stopListening();
  return {
    sent,
    acknowledged,
    seconds: elapsed,
    latencies: latencies.sort((a, b) => a - b),
    peakRssMb,
    acked,
    cpuSeconds,
  };
}

/**
 * CPU microseconds per durable reading of each part, and what one core would carry at the
 * server's and at PostgreSQL's cost alone (the load generator and the broker belong elsewhere).
 */
function cpuPerReading(cpuSeconds: Record<string, number>, durable: number) {
  const perReading = (seconds: number | undefined) =>
    +(((seconds ?? 0) * 1e6) / Math.max(durable, 1)).toFixed(2);
  const microseconds = Object.fromEntries(
    Object.entries(cpuSeconds).map(([part, seconds]) => [part, perReading(seconds)]),
  );
  return {
    microseconds,
    oneCoreReadingsPerSecond: {
      server: Math.round(1e6 / Math.max(microseconds.server ?? 0, 0.01)),
      postgres: Math.round(1e6 / Math.max(microseconds.postgres ?? 0, 0.01)),
    },
  };
}

const httpSend = (url: string) => async (readings: readonly string[]) => {
  const response = await fetch(`${url}/api/v1/telemetry`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: `{"readings":[${readings.join(',')}]}`,
  });
  if (response.status === 503) {
    await sleep(Number(response.headers.get('retry-after') ?? 1) * 100);
    return false;
  }
  const body = (await response.json()) as { accepted?: number };
  return response.ok && body.accepted === readings.length;
};

async function stored(): Promise<number> {
  return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM readings')).rows[0]!.n;
}

async function ingestStats(url: string, cookie: string) {
  return (await fetch(`${url}/api/v1/monitoring/ingest`, { headers: { cookie } })).json() as Promise<
    Record<string, number>
  >;
}

function timeSplit(stats: Record<string, number>) {
  const total = stats.evaluateMs! + stats.writeMs! + stats.alarmsMs! + stats.commitMs!;
  const share = (ms: number) => `${((100 * ms) / total).toFixed(0)} %`;
  return {
    transactions: stats.transactions,
    rowsPerTransaction: Math.round(stats.readings! / Math.max(stats.transactions!, 1)),
    alarmTransitions: stats.transitions,
    evaluate: share(stats.evaluateMs!),
    writeReadings: share(stats.writeMs!),
    alarmsAndState: share(stats.alarmsMs!),
    commit: share(stats.commitMs!),
    maxQueued: stats.maxQueued,
  };
}

async function mqttBroker(): Promise<string> {
  if (process.env.MQTT_URL) return process.env.MQTT_URL;
  const port = await freePort();
  const config = path.join(dataDir, 'mosquitto.conf');
  writeFileSync(
    config,
    `listener ${port} 127.0.0.1\nallow_anonymous true\nmax_queued_messages 0\npersistence false\n`,
  );
  broker = spawn('mosquitto', ['-c', config], { stdio: 'ignore' });
  await sleep(500);
  return `mqtt://127.0.0.1:${port}`;
}

/**
 * Readings through the broker for SECONDS: batches of BATCH readings a message, or (single) one
 * reading a message, as devices that publish each reading do — QoS 1, from 4 publisher connections.
 * Closed loop, like the HTTP clients: publish while fewer than WINDOW readings are waiting on the
 * server (its ingest counter), so the figure is the sustained rate, not the broker's backlog.
 */
async function mqttPhase(
  running: Running,
  brokerUrl: string,
  codes: readonly string[],
  pointIds: readonly string[],
  single: boolean,
) {
  const publishers = await Promise.all(
    [0, 1, 2, 3].map((i) => mqtt.connectAsync(brokerUrl, { clientId: `bench-pub-${process.pid}-${i}` })),
  );
  const before = await stored();
  const WINDOW = 16_000;
  const mqttCookie = await signIn(running.url);
  const start = (await ingestStats(running.url, mqttCookie)).readings!;
  let published = 0;
  let serverReadings = 0;
  let next = 0;
  const poller = setInterval(() => {
    // A poll in flight when the phase stops the server must not end the bench.
    void ingestStats(running.url, mqttCookie)
      .then((stats) => (serverReadings = stats.readings! - start))
      .catch(() => undefined);
  }, 50);
  const topic = 'anjian/v1/telemetry/bench';
  const viaMqtt = await drive(
    running,
    codes,
    pointIds,
    SECONDS,
    async (readings) => {
      while (published - serverReadings > WINDOW) await sleep(5);
      published += readings.length;
      const publisher = publishers[next++ % publishers.length]!;
      if (!single) {
        await publisher.publishAsync(topic, `{"token":"${TOKEN}","readings":[${readings.join(',')}]}`, {
          qos: 1,
        });
        return true;
      }
      await Promise.all(
        readings.map((reading) =>
          publisher.publishAsync(topic, `{"token":"${TOKEN}","readings":[${reading}]}`, { qos: 1 }),
        ),
      );
      return true;
    },
    8,
  );
  clearInterval(poller);
  await Promise.all(publishers.map((publisher) => publisher.endAsync()));
  // Durable: what reached the database, counted after the broker's queue drained.
  let mqttStored = (await stored()) - before;
  for (let i = 0; i < 120 && mqttStored < viaMqtt.sent; i++) {
    await sleep(500);
    mqttStored = (await stored()) - before;
  }
  return {
    broker: brokerUrl,
    readingsPerMessage: single ? 1 : BATCH,
    published: viaMqtt.sent,
    durable: mqttStored,
    lost: viaMqtt.sent - mqttStored,
    durableReadingsPerSecond: Math.round(mqttStored / viaMqtt.seconds),
    alarmLatencyMs: {
      n: viaMqtt.latencies.length,
      p50: +percentile(viaMqtt.latencies, 50).toFixed(1),
      p99: +percentile(viaMqtt.latencies, 99).toFixed(1),
    },
    serverPeakRssMb: Math.round(viaMqtt.peakRssMb),
    // What the parts spent while publishing, per reading stored by then (the rest drained after).
    cpuPerReading: cpuPerReading(viaMqtt.cpuSeconds, Math.min(mqttStored, viaMqtt.sent)),
    whereTheTimeGoes: timeSplit(await ingestStats(running.url, mqttCookie)),
  };
}

/** kill -9 the server under HTTP load after `crashAfterMs`, restart it, count acknowledged readings missing. */
async function crashTest(codes: readonly string[], pointIds: readonly string[], crashAfterMs: number) {
  const port = await freePort();
  const running = await startServer(port, {});
  const killer = sleep(crashAfterMs).then(() => server?.kill('SIGKILL'));
  const crash = await drive(running, codes, pointIds, SECONDS, httpSend(running.url), HTTP_CLIENTS, {
    stopAfterMs: crashAfterMs + 1_000,
    keepAcked: true,
  }).catch(() => null);
  await killer;
  await sleep(500);
  server = null;
  await startServer(port, {});
  let checked = 0;
  let missing = 0;
  if (crash) {
    const noOf = new Map(
      (await db.query<{ code: string; no: number }>('SELECT code, no FROM monitoring_points')).rows.map(
        (r) => [r.code, r.no],
      ),
    );
    const pointNo: number[] = [];
    const ts: Date[] = [];
    for (const [index, times] of crash.acked) {
      for (const at of times) {
        pointNo.push(noOf.get(codes[index]!)!);
        ts.push(new Date(at));
      }
    }
    const client = await db.connect();
    try {
      await client.query('CREATE TEMP TABLE acked (point_no int, ts timestamptz)');
      await client.query('INSERT INTO acked SELECT * FROM unnest($1::int[], $2::timestamptz[])', [
        pointNo,
        ts,
      ]);
      checked = pointNo.length;
      missing = (
        await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM acked a WHERE NOT EXISTS
             (SELECT 1 FROM readings r WHERE r.point_no = a.point_no AND r.ts = a.ts)`,
        )
      ).rows[0]!.n;
    } finally {
      client.release();
    }
  }
  await stopServer();
  return { killedAfterMs: crashAfterMs, acknowledgedReadingsChecked: checked, missing };
}

const figures: Record<string, unknown> = {};
type Phase = {
  durableReadingsPerSecond: number;
  alarmLatencyMs: { n: number; p50: number; p99: number };
  serverPeakRssMb: number;
  lost?: number;
  cpuPerReading: ReturnType<typeof cpuPerReading>;
};
try {
  const { pointIds, codes } = await setUp();

  // 0. The ceiling: binary COPY into `readings` alone (one client, no HTTP, no evaluation).
  const ceilingSeconds = Math.min(SECONDS, 10);
  const ceiling = {
    seconds: ceilingSeconds,
    batch3700: await copyCeiling(db, 3_700, ceilingSeconds),
    batch10000: await copyCeiling(db, 10_000, ceilingSeconds),
  };
  figures.ceiling = ceiling;

  // 1. HTTP, sustained.
  if (PHASES.has('http')) {
    const running = await startServer(await freePort(), {});
    const http = await drive(running, codes, pointIds, SECONDS, httpSend(running.url), HTTP_CLIENTS);
    const cookie = await signIn(running.url);
    figures.http = {
      seconds: +http.seconds.toFixed(1),
      durableReadingsPerSecond: Math.round(http.acknowledged / http.seconds),
      storedRows: await stored(),
      alarmLatencyMs: {
        n: http.latencies.length,
        p50: +percentile(http.latencies, 50).toFixed(1),
        p99: +percentile(http.latencies, 99).toFixed(1),
      },
      serverPeakRssMb: Math.round(http.peakRssMb),
      cpuPerReading: cpuPerReading(http.cpuSeconds, http.acknowledged),
      whereTheTimeGoes: timeSplit(await ingestStats(running.url, cookie)),
    };
    await stopServer();
    // The roll-up job over what the HTTP phase stored, rebuilt from its first minute in one run (the
    // server's own job built the minutes as they closed during the phase).
    figures.rollup = await rollupCost(db);
    const mark = await db.query<{ at: number }>(
      'SELECT (extract(epoch FROM marked_to) * 1000)::float8 AS at FROM readings_rollup_state',
    );
    readingsFrom = Math.max(readingsFrom, mark.rows[0]!.at);
  }

  // 2. MQTT through the broker, same points and rules: batched messages, then one reading a message.
  if (PHASES.has('mqtt') || PHASES.has('single')) {
    const brokerUrl = await mqttBroker();
    const running = await startServer(await freePort(), {
      MQTT_URL: brokerUrl,
      MQTT_CLIENT_ID: `bench-${process.pid}`,
      MQTT_CONNECTIONS: String(MQTT_CONNECTIONS),
      MQTT_SESSION_EXPIRY_SECONDS: '0',
    });
    await sleep(500);
    if (PHASES.has('mqtt')) figures.mqtt = await mqttPhase(running, brokerUrl, codes, pointIds, false);
    if (PHASES.has('single')) figures.mqttSingle = await mqttPhase(running, brokerUrl, codes, pointIds, true);
    await stopServer();
    figures.alarms = (
      await db.query<{ status: string; n: number }>(
        'SELECT status, count(*)::int AS n FROM alarms GROUP BY 1',
      )
    ).rows;
  }

  // 3. Crash: kill -9 the server under HTTP load, restart, count acknowledged readings missing.
  const crashAfterMs = Math.min(10_000, (SECONDS * 1000) / 2);
  if (PHASES.has('crash')) figures.crash = await crashTest(codes, pointIds, crashAfterMs);

  console.log(
    JSON.stringify({ benchmark: 'ingest', points: POINTS, batch: BATCH, processes: PROCESSES, ...figures }),
  );
  const columns: [string, Phase | undefined][] = [
    [`HTTP (batches of ${BATCH})`, figures.http as Phase | undefined],
    [`MQTT (messages of ${BATCH})`, figures.mqtt as Phase | undefined],
    ['MQTT (one reading a message)', figures.mqttSingle as Phase | undefined],
  ];
  const shown = columns.filter(([, phase]) => phase);
  const ratio = (rate: number) =>
    `${((100 * rate) / ceiling.batch3700).toFixed(0)} % / ${((100 * rate) / ceiling.batch10000).toFixed(0)} %`;
  const row = (name: string, f: (p: Phase) => string | number) =>
    `| ${name} | ${shown.map(([, phase]) => f(phase!)).join(' | ')} |`;
  const r = figures.rollup as { readings: number; seconds: number; readingsPerSecond: number } | undefined;
  const crash = figures.crash as { acknowledgedReadingsChecked: number; missing: number } | undefined;
  const h = figures.http as { whereTheTimeGoes: unknown } | undefined;
  console.log(
    [
      `ingest (10,000 points, ${SECONDS} s per phase, ${PROCESSES} server process${PROCESSES > 1 ? 'es' : ''}, ` +
        `${MQTT_CONNECTIONS} MQTT connections, 2 shared cores, load average ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')})`,
      `ceiling: binary COPY into readings alone, one client: ${ceiling.batch3700} rows/s in 3,700-row batches, ` +
        `${ceiling.batch10000} in 10,000-row batches (${ceilingSeconds} s each)`,
      ...(shown.length === 0
        ? []
        : [
            `| measure | ${shown.map(([name]) => name).join(' | ')} |`,
            `|---|${shown.map(() => '---|').join('')}`,
            row('durable readings/s', (p) => p.durableReadingsPerSecond),
            row('of the ceiling (3,700 / 10,000-row batches)', (p) => ratio(p.durableReadingsPerSecond)),
            row('alarm latency p50 / p99 ms (send → SSE event)', (p) =>
              p.alarmLatencyMs.n === 0
                ? 'no alarm measured'
                : `${p.alarmLatencyMs.p50} / ${p.alarmLatencyMs.p99} (n ${p.alarmLatencyMs.n})`,
            ),
            row('CPU µs per durable reading: server / PostgreSQL / load generator / broker', (p) =>
              ['server', 'postgres', 'generator', 'broker']
                .map((part) => p.cpuPerReading.microseconds[part] ?? '—')
                .join(' / '),
            ),
            row(
              'one core at the server’s / PostgreSQL’s cost alone, readings/s',
              (p) =>
                `${p.cpuPerReading.oneCoreReadingsPerSecond.server} / ${p.cpuPerReading.oneCoreReadingsPerSecond.postgres}`,
            ),
            row('server peak RSS MB', (p) => p.serverPeakRssMb),
            row('readings lost', (p) => p.lost ?? '—'),
          ]),
      ...(r
        ? [
            `roll-up job: ${r.readings} readings aggregated in ${r.seconds} s = ${r.readingsPerSecond} readings/s ` +
              `(${(r.readingsPerSecond / 10_000).toFixed(1)} × the 10,000 points/s it must keep up with)`,
          ]
        : []),
      ...(crash
        ? [
            `crash test: kill -9 after ${crashAfterMs} ms of load; ${crash.acknowledgedReadingsChecked} acknowledged ` +
              `readings checked, ${crash.missing} missing`,
          ]
        : []),
      ...(h ? [`where the time goes (HTTP): ${JSON.stringify(h.whereTheTimeGoes)}`] : []),
    ].join('\n'),
  );
} finally {
  await stopServer('SIGKILL').catch(() => undefined);
  (broker as ChildProcess | null)?.kill('SIGKILL');
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
