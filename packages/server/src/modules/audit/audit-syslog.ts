import { readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import tls from 'node:tls';
import type { Clock } from '../../platform/clock.ts';
import type { AuditChainRepository } from './audit-chain.repository.ts';
import type { AuditRow } from './audit.repository.ts';

// RFC 5424 §6.2.1: facility 13 = "log audit"; severity 6 informational, 5 notice (refused or failed).
const FACILITY_LOG_AUDIT = 13;
// Private enterprise number used in the structured-data id (RFC 5424 §7.2.2 example range).
const SD_ID = 'anjian@32473';
const BATCH = 500;

/** RFC 5424 §6.3.3: inside a PARAM-VALUE, '"', '\' and ']' are escaped with a backslash. */
const sdValue = (value: string) => value.replace(/["\\\]]/g, (c) => `\\${c}`);
/** PRINTUSASCII without spaces, at most `max` characters, or the NILVALUE. */
const token = (value: string, max: number) => value.replace(/[^\x21-\x7e]/g, '_').slice(0, max) || '-';

/** One audit entry as an RFC 5424 message: header, the entry's chain data as SD, the entry as JSON. */
export function syslogMessage(row: AuditRow, hostname: string, procId: number): string {
  const severity = row.outcome === 'success' ? 6 : 5;
  const header = [
    `<${FACILITY_LOG_AUDIT * 8 + severity}>1`,
    row.at.toISOString(),
    token(hostname, 255),
    'anjian',
    String(procId),
    token(row.action, 32),
  ].join(' ');
  const params = {
    seq: String(row.seq),
    hash: row.hash,
    keyId: row.key_id ?? '-',
    outcome: row.outcome,
    status: String(row.status),
    ip: row.ip,
  };
  const sd = `[${SD_ID} ${Object.entries(params)
    .map(([key, value]) => `${key}="${sdValue(value)}"`)
    .join(' ')}]`;
  const body = JSON.stringify({
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actor_id,
    actorName: row.actor_name,
    roles: row.roles,
    scope: row.scope,
    action: row.action,
    target: row.target,
    ip: row.ip,
    userAgent: row.user_agent,
    outcome: row.outcome,
    status: row.status,
    detail: row.detail,
    prevHash: row.prev_hash,
    hash: row.hash,
  });
  // The BOM marks the MSG as UTF-8 (RFC 5424 §6.4).
  return `${header} ${sd} \uFEFF${body}`;
}

/** RFC 6587 §3.4.1 / RFC 5425 §4.3 octet counting: "<length> <message>". */
export function frameSyslog(message: string): Buffer {
  const bytes = Buffer.from(message, 'utf8');
  return Buffer.concat([Buffer.from(`${bytes.length} `), bytes]);
}

function connect(url: URL, caFile: string | null): Promise<net.Socket> {
  const port = Number(url.port);
  return new Promise((resolve, reject) => {
    const socket =
      url.protocol === 'tls:'
        ? tls.connect({
            host: url.hostname,
            port,
            servername: net.isIP(url.hostname) ? undefined : url.hostname,
            ca: caFile ? readFileSync(caFile) : undefined,
          })
        : net.connect({ host: url.hostname, port });
    socket.once(url.protocol === 'tls:' ? 'secureConnect' : 'connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

const write = (socket: net.Socket, data: Buffer) =>
  new Promise<void>((resolve, reject) => socket.write(data, (error) => (error ? reject(error) : resolve())));

/**
 * Sends the audit entries the central log has not had yet, in order, and remembers how far it got
 * (audit_exports), so a restart or a lost connection resumes where it stopped.
 */
export function createSyslogExporter(deps: {
  chain: AuditChainRepository;
  clock: Clock;
  url: string;
  caFile: string | null;
  hostname?: string;
}) {
  const url = new URL(deps.url);
  const target = `syslog:${url.host}`;
  const hostname = deps.hostname ?? os.hostname();
  return {
    async run(): Promise<number> {
      let from = (await deps.chain.exportCursor(target)) + 1;
      let rows = await deps.chain.rowsFrom(from, BATCH);
      if (!rows.length) return 0;
      const socket = await connect(url, deps.caFile);
      socket.on('error', () => undefined);
      let sent = 0;
      try {
        while (rows.length) {
          await write(
            socket,
            Buffer.concat(rows.map((r) => frameSyslog(syslogMessage(r, hostname, process.pid)))),
          );
          const last = rows.at(-1)!.seq;
          await deps.chain.setExportCursor(target, last, deps.clock.now());
          sent += rows.length;
          from = last + 1;
          rows = rows.length < BATCH ? [] : await deps.chain.rowsFrom(from, BATCH);
        }
      } finally {
        await new Promise<void>((resolve) => socket.end(resolve));
      }
      return sent;
    },
  };
}
