import path from 'node:path';
import { z } from 'zod';
import { int } from './config-values.ts';

/** The audit chain's keys, retention, checkpoints, central log and the database role (issue 19). */
export interface AuditConfig {
  /** `id:hex64,…` (last = current); null: the key file under DATA_DIR (made when missing). */
  readonly hmacKeys: string | null;
  /** Never below 180 (等保 2.0 8.1.4.3c: logs kept at least six months). */
  readonly retentionDays: number;
  readonly checkpointMinutes: number;
  readonly checkpointFile: string;
  /** RFC 5424 over TCP (tcp://host:port) or TLS (tls://host:port); null: not sent. */
  readonly syslogUrl: string | null;
  /** PEM file of the CA the syslog receiver's TLS certificate must chain to. */
  readonly syslogCaFile: string | null;
  /** The restricted role the application runs as (created where the connection may). */
  readonly dbRole: string;
}

const auditSchema = z.object({
  AUDIT_HMAC_KEYS: z
    .string()
    .regex(
      /^[A-Za-z0-9_-]{1,32}:[0-9a-fA-F]{64}(,[A-Za-z0-9_-]{1,32}:[0-9a-fA-F]{64})*$/,
      'must be id:64-hex-key pairs separated by commas (the last is the current key)',
    )
    .optional(),
  AUDIT_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(180, 'must be at least 180 (audit records are kept six months or more)')
    .max(36_500)
    .default(180),
  AUDIT_CHECKPOINT_MINUTES: int(1, 1440).default(60),
  AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
  AUDIT_SYSLOG_URL: z
    .string()
    .regex(/^(tcp|tls):\/\/[^\s/:]+:\d{1,5}$/, 'must be tcp://host:port or tls://host:port')
    .optional(),
  AUDIT_SYSLOG_CA_FILE: z.string().min(1).optional(),
  AUDIT_DB_ROLE: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case PostgreSQL role name')
    .default('anjian_app'),
});

/** The AUDIT_* variables, spread into config.ts's environment schema. */
export const auditVariables = auditSchema.shape;

/** Relative paths resolve against `cwd`; the checkpoint file defaults to DATA_DIR's. */
export function auditOf(e: z.output<typeof auditSchema> & { DATA_DIR: string }, cwd: string): AuditConfig {
  return Object.freeze({
    hmacKeys: e.AUDIT_HMAC_KEYS ?? null,
    retentionDays: e.AUDIT_RETENTION_DAYS,
    checkpointMinutes: e.AUDIT_CHECKPOINT_MINUTES,
    checkpointFile: path.resolve(
      cwd,
      e.AUDIT_CHECKPOINT_FILE ?? path.join(e.DATA_DIR, 'audit-checkpoints.jsonl'),
    ),
    syslogUrl: e.AUDIT_SYSLOG_URL ?? null,
    syslogCaFile: e.AUDIT_SYSLOG_CA_FILE ? path.resolve(cwd, e.AUDIT_SYSLOG_CA_FILE) : null,
    dbRole: e.AUDIT_DB_ROLE,
  });
}
