import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import mqtt from 'mqtt';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/platform/embedded-postgres.ts';
import { TELEMETRY_TOPIC } from '../src/modules/monitoring/mqtt-subscriber.ts';
import {
  createPoint,
  deviceToken,
  gasPoint,
  monitoredSite,
} from '../src/modules/monitoring/monitoring-fixtures.test-support.ts';
import {
  createTestContext,
  TEST_FIELD_KEY,
  TEST_PASSWORD,
  TEST_WHISTLE_KEY,
  type TestContext,
} from './test-app.ts';
import { serverEntries } from './server-build.ts';
import { scratchDir } from './scratch.ts';

/**
 * Issue 19, several processes on one database: two real server processes (src/main.ts) on the test
 * database behind a round-robin reverse proxy, a private Mosquitto (max_queued_messages 0, so QoS 1
 * under load is never dropped by the broker), HTTP and MQTT telemetry under load, and kill -9 of one
 * process in the middle of it.
 */
const serverDir = path.resolve(import.meta.dirname, '..');
const COUNTY = '530403';
const HTTP_POINTS = ['H-01', 'H-02', 'H-03', 'H-04'];
const MQTT_POINTS = ['Q-01', 'Q-02', 'Q-03', 'Q-04'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Server {
  name: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  exited: Promise<unknown>;
}

/** A round-robin reverse proxy; a refused connection goes to the next server (nginx's default). */
async function startProxy(upstreams: () => number[]) {
  let turn = 0;
  const proxy = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const ports = upstreams();
      const attempt = (tries: number) => {
        const port = ports[turn++ % ports.length]!;
        const upstream = http.request(
          { host: '127.0.0.1', port, method: request.method, path: request.url, headers: request.headers },
          (answer) => {
            response.writeHead(answer.statusCode!, answer.headers);
            answer.pipe(response);
          },
        );
        upstream.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code === 'ECONNREFUSED' && tries < ports.length) return attempt(tries + 1);
          if (!response.headersSent) response.writeHead(502).end();
          else response.destroy();
        });
        upstream.end(body);
      };
      attempt(1);
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => proxy.close(resolve)) };
}

/** Reads an SSE response into text until stopped. */
function openStream(url: string, cookie: string) {
  const controller = new AbortController();
  let text = '';
  const reading = fetch(url, { headers: { cookie }, signal: controller.signal })
    .then(async (response) => {
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        text += new TextDecoder().decode(value);
      }
    })
    .catch(() => undefined);
  return {
    alarms: () =>
      [...text.matchAll(/event: alarm\ndata: (.*)\n/g)].map(
        (m) => JSON.parse(m[1]!) as { pointId: string; status: string },
      ),
    stop: () => {
      controller.abort();
      return reading;
    },
  };
}

describe('two server processes on one database behind a proxy, one killed under load', () => {
  let t: TestContext;
  let token: string;
  let officerName: string;
  const pointIds = new Map<string, string>();
  const dir = scratchDir('anjian-multi-');
  const clientId = `anjian-multi-${randomUUID().slice(0, 8)}`;
  const servers: Server[] = [];
  let broker: ChildProcess | null = null;
  let brokerUrl = '';
  let proxy: Awaited<ReturnType<typeof startProxy>> | null = null;
  const cleanups: (() => unknown)[] = [];

  async function spawnServer(name: string, port: number): Promise<Server> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: t.dbUrl,
      DATABASE_POOL_SIZE: '6',
      FIELD_ENCRYPTION_KEY: TEST_FIELD_KEY,
      WHISTLEBLOWER_ENCRYPTION_KEY: TEST_WHISTLE_KEY,
      DATA_DIR: path.join(dir, name),
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO_DATA: 'false',
      SIMULATOR: 'false',
      ANJIAN_WORKERS: 'true',
      AUTH_TOTP_REQUIRED: 'false',
      MQTT_URL: brokerUrl,
      MQTT_CLIENT_ID: clientId,
      MQTT_CONNECTIONS: '2',
      MQTT_SESSION_EXPIRY_SECONDS: '600',
      ANJIAN_INSTANCE: name,
      WEB_DIST_DIR: path.join(dir, 'no-web'),
    };
    delete env.EMBEDDED_PG_PORT;
    delete env.ANJIAN_PROCESSES;
    const child = spawn(process.execPath, [(await serverEntries()).main], {
      cwd: serverDir,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const server = { name, port, child, output: () => output, exited };
    servers.push(server);
    for (let waited = 0; !output.includes('is running at'); waited += 100) {
      if (child.exitCode !== null || waited > 120_000) throw new Error(`${name} did not start:\n${output}`);
      await sleep(100);
    }
    return server;
  }

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    const site = await monitoredSite(t, COUNTY);
    const officer = await t.createUser({
      roles: ['county_officer'],
      scope: { kind: 'county', counties: [COUNTY] },
    });
    officerName = officer.username;
    const caller = await t.sessionFor(officer);
    // Points are loaded when a process starts: define them first (no-data rules out of the way).
    for (const code of [...HTTP_POINTS, ...MQTT_POINTS, 'S-01', 'S-02'])
      pointIds.set(
        code,
        await createPoint(t, caller, { ...gasPoint(site.objectId, code), expectedIntervalSeconds: 3_600 }),
      );
    token = await deviceToken(t, caller, site.enterpriseId);

    const brokerPort = await freePort();
    writeFileSync(
      path.join(dir, 'mosquitto.conf'),
      `listener ${brokerPort} 127.0.0.1\nallow_anonymous true\nmax_queued_messages 0\npersistence false\n`,
    );
    broker = spawn('mosquitto', ['-c', path.join(dir, 'mosquitto.conf')], { stdio: 'ignore' });
    brokerUrl = `mqtt://127.0.0.1:${brokerPort}`;
  }, 60_000);

  afterAll(async () => {
    for (const cleanup of cleanups) await Promise.resolve(cleanup()).catch(() => undefined);
    for (const server of servers)
      if (server.child.exitCode === null && server.child.signalCode === null)
        process.kill(-server.child.pid!, 'SIGKILL');
    broker?.kill('SIGKILL');
    await proxy?.close();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const rowsOf = async (codes: string[]) =>
    (
      await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM readings r JOIN monitoring_points p ON p.no = r.point_no
          WHERE p.id = ANY($1::uuid[])`,
        [codes.map((code) => pointIds.get(code)!)],
      )
    ).rows[0]!.n;

  it('goes on with the survivor: nothing acknowledged lost or doubled, sessions, uploads and live events shared', async () => {
    const [a, b] = await Promise.all([
      spawnServer('a', await freePort()),
      spawnServer('b', await freePort()),
    ]);
    let alive = [a.port, b.port];
    proxy = await startProxy(() => alive);

    // Sign in on A.
    const login = await fetch(`http://127.0.0.1:${a.port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: officerName, password: TEST_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    // Live streams on each process, with the session signed in on A.
    const onA = openStream(`http://127.0.0.1:${a.port}/api/v1/monitoring/stream`, cookie);
    const onB = openStream(`http://127.0.0.1:${b.port}/api/v1/monitoring/stream`, cookie);
    cleanups.push(onA.stop, onB.stop);
    await sleep(500);

    // Upload a photo on A with that session.
    const photo = await sharp({
      create: { width: 32, height: 24, channels: 3, background: { r: 200, g: 40, b: 40 } },
    })
      .jpeg()
      .toBuffer();
    const uploaded = await fetch(`http://127.0.0.1:${a.port}/api/v1/uploads?county=${COUNTY}`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'image/jpeg' },
      body: photo,
    });
    expect(uploaded.status).toBe(201);
    const { id: uploadId } = (await uploaded.json()) as { id: string };

    // An alarm raised on A reaches the live stream on B.
    const post = (url: string, readings: unknown[]) =>
      fetch(`${url}/api/v1/telemetry`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ readings }),
      });
    expect(
      (await post(`http://127.0.0.1:${a.port}`, [{ point: 'S-01', ts: Date.now(), value: 30 }])).status,
    ).toBe(200);
    const firing = (stream: ReturnType<typeof openStream>, code: string) =>
      stream.alarms().filter((e) => e.pointId === pointIds.get(code) && e.status === 'firing').length;
    await expect.poll(() => firing(onB, 'S-01'), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => firing(onA, 'S-01'), { timeout: 30_000 }).toBe(1);

    // Load: HTTP batches through the proxy (sent again until acknowledged) and MQTT QoS 1 messages.
    let loading = true;
    const base = Date.now() - 30 * 60_000;
    const http = { acknowledged: 0, refused: 0 };
    const httpLoops = HTTP_POINTS.map(async (code) => {
      for (let seq = 0; loading; seq += 1) {
        const readings = Array.from({ length: 100 }, (_, i) => ({
          point: code,
          ts: base + seq * 100 + i,
          value: 5 + (i % 7),
        }));
        for (;;) {
          const answer = await post(proxy!.url, readings).catch(() => null);
          if (answer?.status === 200) break;
          http.refused += 1;
          await sleep(50);
        }
        http.acknowledged += readings.length;
      }
    });
    const publisher = await mqtt.connectAsync(brokerUrl, {
      clientId: `${clientId}-device`,
      protocolVersion: 5,
    });
    cleanups.push(() => publisher.endAsync(true));
    let published = 0;
    const mqttLoops = MQTT_POINTS.map(async (code) => {
      for (let seq = 0; loading; seq += 1) {
        const readings = Array.from({ length: 20 }, (_, i) => ({
          point: code,
          ts: base + seq * 20 + i,
          value: 5 + (i % 5),
        }));
        // Acknowledged by the broker (PUBACK): from here on the reading must be stored, exactly once.
        await publisher.publishAsync(`${TELEMETRY_TOPIC}/${code}`, JSON.stringify({ token, readings }), {
          qos: 1,
        });
        published += readings.length;
        // A device's pace, not the broker's: the broker acknowledges at once and, while A is down,
        // queues A's share for its restart; unpaced, that share grew to ~20,000 messages, which the
        // restarted A took ~30 s to store one message per transaction.
        await sleep(20);
      }
    });

    await expect.poll(() => rowsOf(HTTP_POINTS), { timeout: 60_000 }).toBeGreaterThan(2_000);
    await expect.poll(() => rowsOf(MQTT_POINTS), { timeout: 60_000 }).toBeGreaterThan(400);
    // kill -9 A under load.
    process.kill(a.child.pid!, 'SIGKILL');
    await a.exited;
    const httpAtKill = http.acknowledged;
    const mqttRowsAtKill = await rowsOf(MQTT_POINTS);

    // The survivor goes on: HTTP readings keep being acknowledged, MQTT readings keep being stored.
    await expect.poll(() => http.acknowledged, { timeout: 60_000 }).toBeGreaterThan(httpAtKill + 2_000);
    await expect.poll(() => rowsOf(MQTT_POINTS), { timeout: 60_000 }).toBeGreaterThan(mqttRowsAtKill + 400);
    alive = [b.port];
    // The session made on A works on B, and so does the photo uploaded there.
    const me = await fetch(`http://127.0.0.1:${b.port}/api/v1/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { username: string } }).user.username).toBe(officerName);
    const photoOnB = await fetch(`http://127.0.0.1:${b.port}/api/v1/uploads/${uploadId}`, {
      headers: { cookie },
    });
    expect(photoOnB.status).toBe(200);
    const stored = await t.db.query<{ data: Buffer }>('SELECT data FROM uploads WHERE id = $1', [uploadId]);
    expect(Buffer.from(await photoOnB.arrayBuffer())).toEqual(stored.rows[0]!.data);
    // Live events on the survivor go on: an alarm raised now (through the proxy) reaches its stream.
    expect((await post(proxy.url, [{ point: 'S-02', ts: Date.now(), value: 30 }])).status).toBe(200);
    await expect.poll(() => firing(onB, 'S-02'), { timeout: 30_000 }).toBe(1);

    loading = false;
    await Promise.all([...httpLoops, ...mqttLoops]);
    // Every acknowledged HTTP reading is stored, once (the key is point and time: a reading sent
    // again after a lost answer cannot be doubled, and the count matches what was sent).
    expect(await rowsOf(HTTP_POINTS)).toBe(http.acknowledged);
    // A's MQTT session holds the messages it had not acknowledged when it died: its restart (the
    // supervisor's job; same instance name) takes them up. Then every published reading is stored once.
    const again = await spawnServer('a', await freePort());
    alive = [again.port, b.port];
    await expect.poll(() => rowsOf(MQTT_POINTS), { timeout: 90_000, interval: 500 }).toBe(published);
    await sleep(1_000);
    expect(await rowsOf(MQTT_POINTS)).toBe(published);
    expect(b.output()).not.toMatch(/unhandled promise rejection/);
    expect(b.child.exitCode).toBeNull();
  }, 300_000);
});
