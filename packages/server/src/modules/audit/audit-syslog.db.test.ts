import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../platform/clock.ts';
import { createTestDatabase } from '../../../test/test-app.ts';
import type { AuditRecord } from './audit-chain.ts';
import { createAuditChainRepository } from './audit-chain.repository.ts';
import { parseAuditKeys } from './audit-keys.ts';
import { createSyslogExporter } from './audit-syslog.ts';
import { createAuditRepository } from './index.ts';

const KEYS = `k1:${'5a'.repeat(32)}`;

/** A real syslog receiver (TCP or TLS) that splits RFC 6587 octet-counted frames. */
function receiver(server: net.Server, event: 'connection' | 'secureConnection') {
  const messages: string[] = [];
  server.on(event, (socket: net.Socket) => {
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const space = buffer.indexOf(0x20);
        if (space < 0) return;
        const length = Number(buffer.subarray(0, space).toString());
        if (buffer.length < space + 1 + length) return;
        messages.push(buffer.subarray(space + 1, space + 1 + length).toString('utf8'));
        buffer = buffer.subarray(space + 1 + length);
      }
    });
  });
  return new Promise<{ port: number; messages: string[] }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ port: (server.address() as net.AddressInfo).port, messages }),
    ),
  );
}

const entry = (i: number, outcome: AuditRecord['outcome']): AuditRecord => ({
  at: new Date(Date.UTC(2026, 10, 29, 2, 0, i)),
  actorId: null,
  actorName: `user "${i}"`,
  roles: [],
  scope: 'public',
  action: 'auth.login',
  target: null,
  ip: '10.0.0.1',
  userAgent: 'test',
  outcome,
  status: outcome === 'success' ? 200 : 401,
  detail: 'a]b',
});

describe('audit export to a central log (RFC 5424 syslog over TCP and TLS)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let certDir: string;
  const servers: net.Server[] = [];
  const clock = createManualClock(new Date('2026-11-29T03:00:00.000Z'));

  beforeAll(async () => {
    database = await createTestDatabase();
    const audit = createAuditRepository(database.db, parseAuditKeys(KEYS));
    await audit.append(entry(1, 'success'));
    await audit.append(entry(2, 'denied'));
    await audit.append(entry(3, 'success'));
    certDir = mkdtempSync(path.join(os.tmpdir(), 'anjian-syslog-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost',
        '-keyout',
        path.join(certDir, 'key.pem'),
        '-out',
        path.join(certDir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
  });
  afterAll(async () => {
    for (const server of servers) server.close();
    await database.drop();
    rmSync(certDir, { recursive: true, force: true });
  });

  it('sends every entry once, in order, as RFC 5424 with the chain data, and resumes after the last sent', async () => {
    const server = net.createServer();
    servers.push(server);
    const { port, messages } = await receiver(server, 'connection');
    const chain = createAuditChainRepository(database.db);
    const exporter = createSyslogExporter({
      chain,
      clock,
      url: `tcp://127.0.0.1:${port}`,
      caFile: null,
      hostname: 'anjian-1',
    });
    expect(await exporter.run()).toBe(3);
    await expect.poll(() => messages.length).toBe(3);
    const first = await database.db.query<{ hash: string; prev_hash: string }>(
      'SELECT hash, prev_hash FROM audit_log WHERE seq = 1',
    );
    const { hash, prev_hash: prevHash } = first.rows[0]!;
    expect(messages[0]).toBe(
      `<110>1 2026-11-29T02:00:01.000Z anjian-1 anjian ${process.pid} auth.login ` +
        `[anjian@32473 seq="1" hash="${hash}" keyId="k1" outcome="success" status="200" ip="10.0.0.1"] ` +
        `\uFEFF${JSON.stringify({
          seq: 1,
          at: '2026-11-29T02:00:01.000Z',
          actorId: null,
          actorName: 'user "1"',
          roles: [],
          scope: 'public',
          action: 'auth.login',
          target: null,
          ip: '10.0.0.1',
          userAgent: 'test',
          outcome: 'success',
          status: 200,
          detail: 'a]b',
          prevHash,
          hash,
        })}`,
    );
    // A refused sign-in is a notice (severity 5), not informational.
    expect(messages[1]!.startsWith('<109>1 2026-11-29T02:00:02.000Z anjian-1 anjian ')).toBe(true);
    expect(await exporter.run()).toBe(0);
    await createAuditRepository(database.db, parseAuditKeys(KEYS)).append(entry(4, 'success'));
    expect(await exporter.run()).toBe(1);
    await expect.poll(() => messages.length).toBe(4);
    expect(messages[3]).toContain('[anjian@32473 seq="4" ');
  });

  it('over TLS: sends to a receiver whose certificate chains to the configured CA, refuses one that does not', async () => {
    const server = tls.createServer({
      key: readFileSync(path.join(certDir, 'key.pem')),
      cert: readFileSync(path.join(certDir, 'cert.pem')),
    });
    servers.push(server);
    const { port, messages } = await receiver(server, 'secureConnection');
    const chain = createAuditChainRepository(database.db);
    const untrusted = createSyslogExporter({ chain, clock, url: `tls://localhost:${port}`, caFile: null });
    await expect(untrusted.run()).rejects.toThrow(/self-signed certificate/);
    const trusted = createSyslogExporter({
      chain,
      clock,
      url: `tls://localhost:${port}`,
      caFile: path.join(certDir, 'cert.pem'),
    });
    expect(await trusted.run()).toBe(4);
    await expect.poll(() => messages.length).toBe(4);
    expect(messages.map((m) => /seq="(\d+)"/.exec(m)![1])).toEqual(['1', '2', '3', '4']);
  });
});
