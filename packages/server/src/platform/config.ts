import path from 'node:path';
import { z } from 'zod';
import type { VideoGatewayConfig } from '@anjian/domain';
import { auditOf, auditVariables, type AuditConfig } from './config-audit.ts';
import { authOf, passwordVariables, sessionVariables, type AuthConfig } from './config-auth.ts';
import { fieldKeyProblems } from './config-keys.ts';
import { bool, int } from './config-values.ts';
import { videoGatewaysVariable } from './config-video.ts';
import { warningsOf, warningsVariables, type WarningsConfig } from './config-warnings.ts';
import { obligationsOf, obligationsVariables, type ObligationsConfig } from './config-obligations.ts';
import { smsOf, smsVariables, type SmsConfig } from './config-sms.ts';
import { whistleblowingOf, whistleblowingVariables, type WhistleblowingConfig } from './config-whistle.ts';

/**
 * Configuration, parsed once at start-up from the environment into a frozen object. A bad value
 * stops the start with a message that names the variable. docs/operations.md lists every variable.
 */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** External PostgreSQL; null means the embedded server under dataDir. */
  readonly databaseUrl: string | null;
  readonly embeddedPgPort: number;
  /** EMBEDDED_PG_PORT was set: use exactly that port; otherwise a free one when 5433 is taken. */
  readonly embeddedPgPortExplicit: boolean;
  readonly mqttUrl: string | null;
  /** MQTT client id prefix (stable: the broker keeps the sessions' messages) and connections. */
  readonly mqtt: {
    readonly clientId: string;
    /** The shared subscription's group: every process of a deployment names the same one. */
    readonly shareGroup: string;
    readonly connections: number;
    /** Messages of one connection being stored at once (MQTT 5 Receive Maximum). */
    readonly inFlightPerConnection: number;
    /** How long the broker keeps the sessions (and their messages) while the server is away. */
    readonly sessionExpirySeconds: number;
  };
  /** Background work (alarm ticks, escalation, state snapshots); tests drive it by hand. */
  readonly workers: boolean;
  /** Server processes `npm start` runs on one database and one port (docs/operations.md). */
  readonly processes: number;
  /** This process's stable name among several (its MQTT client ids carry it); null alone. */
  readonly instance: string | null;
  /** Connections of the application's pool in this process. */
  readonly databasePoolSize: number;
  /** The ingest queue: readings that may wait in memory, rows per transaction, linger before a commit. */
  readonly ingest: {
    readonly queueLimit: number;
    readonly batchRows: number;
    readonly lingerMs: number;
    /** Writers in this process, each with its own transaction, for a share of the sites. */
    readonly writers: number;
    /** Other processes take readings too (ANJIAN_PROCESSES > 1 or ANJIAN_INSTANCE set). */
    readonly shared: boolean;
  };
  /** Readings partitioned by China day: days kept (raw, minute and hour aggregates), days made ahead. */
  readonly readings: {
    readonly rawDays: number;
    readonly minuteDays: number;
    readonly hourDays: number;
    readonly aheadDays: number;
    /** The aggregates' roll-up job: every so often, for minutes closed this long ago. */
    readonly rollupEveryMs: number;
    readonly rollupGraceMs: number;
  };
  /** Feed simulated readings for the demo sites (on by default with the demo data). */
  readonly simulator: boolean;
  readonly bootstrapPassword: string | null;
  readonly totpRequired: boolean;
  /**
   * The field keys as configured: FIELD_ENCRYPTION_KEYS (`id:hex` pairs, the last current) or
   * FIELD_ENCRYPTION_KEY (one key, id k1); null in embedded mode means DATA_DIR's key file.
   */
  readonly fieldEncryptionKey: string | null;
  /** Whistleblowers' identities (issue 16) are sealed under a key of their own; same form, same default. */
  readonly whistleblowerEncryptionKey: string | null;
  /** Public reports (举报): the acceptance period, and how many reports and look-ups a client may make. */
  readonly whistleblowing: WhistleblowingConfig;
  /** Obligations (issue 17): expiry and review reminders to the enterprise and the county. */
  readonly obligations: ObligationsConfig;
  readonly session: AuthConfig['session'];
  /** Sign-in defences (docs/security.md): lock-out, throttles, captcha, bounded password hashing. */
  readonly login: AuthConfig['login'];
  /** 等保: accounts with no sign-in for this many days are disabled (0 = never). */
  readonly accounts: AuthConfig['accounts'];
  readonly uploads: { readonly maxPixels: number };
  readonly passwordPolicy: AuthConfig['passwordPolicy'];
  readonly demoData: boolean;
  readonly webDistDir: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly trustProxy: boolean;
  /** Public warning release (预警发布): sender identity and the channels' peers. */
  readonly warnings: WarningsConfig;
  /** The platform's SMS gateway (verification codes); null URL: none. */
  readonly sms: SmsConfig;
  /** The audit chain's keys, retention, checkpoints, central log and the database role (issue 19). */
  readonly audit: AuditConfig;
  /** Online basemap for the one-map; null draws boundaries only (works offline). */
  readonly basemap: {
    readonly tileUrl: string;
    readonly gcj02: boolean;
    readonly attribution: string;
  } | null;
  /** Video gateways (VIDEO_GATEWAYS, JSON) and the local ffmpeg test stream (VIDEO_TEST_STREAM). */
  readonly video: { readonly gateways: readonly VideoGatewayConfig[]; readonly testStream: boolean };
}

/** Never 5432, which a system PostgreSQL may hold. */
export const defaultEmbeddedPgPort = 5433;

const envSchema = z.object({
  PORT: int(1, 65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  EMBEDDED_PG_PORT: int(1024, 65535).optional(),
  MQTT_URL: z
    .string()
    .regex(/^(mqtts?|wss?|tcp):\/\//, 'must start with mqtt://, mqtts://, ws:// or wss://')
    .optional(),
  MQTT_CLIENT_ID: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/)
    .default('anjian-ingest'),
  MQTT_SHARE_GROUP: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/)
    .optional(),
  MQTT_CONNECTIONS: int(1, 256).default(4),
  MQTT_IN_FLIGHT: int(1, 65_535).default(256),
  MQTT_SESSION_EXPIRY_SECONDS: int(0, 30 * 86_400).default(7 * 86_400),
  ANJIAN_WORKERS: bool.default(true),
  ANJIAN_PROCESSES: int(1, 32).default(1),
  ANJIAN_INSTANCE: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,16}$/)
    .optional(),
  DATABASE_POOL_SIZE: int(2, 500).default(20),
  INGEST_QUEUE_LIMIT: int(1_000, 10_000_000).default(200_000),
  INGEST_BATCH_ROWS: int(100, 100_000).default(10_000),
  INGEST_LINGER_MS: int(0, 1_000).default(2),
  INGEST_WRITERS: int(1, 16).default(1),
  READINGS_RETENTION_DAYS: int(1, 3650).default(90),
  READINGS_MINUTE_RETENTION_DAYS: int(8, 3650).default(90),
  READINGS_HOUR_RETENTION_DAYS: int(8, 36_500).default(1825),
  READINGS_PARTITIONS_AHEAD_DAYS: int(1, 60).default(7),
  READINGS_ROLLUP_SECONDS: int(1, 3600).default(5),
  READINGS_ROLLUP_GRACE_SECONDS: int(0, 3600).default(60),
  SIMULATOR: bool.optional(),
  ANJIAN_BOOTSTRAP_PASSWORD: z.string().min(8).max(128).optional(),
  AUTH_TOTP_REQUIRED: bool.default(true),
  FIELD_ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{32}$/, 'must be 32 hexadecimal characters (a 128-bit SM4 key)')
    .optional(),
  FIELD_ENCRYPTION_KEYS: z
    .string()
    .regex(
      /^[A-Za-z0-9_-]{1,16}:[0-9a-fA-F]{32}(,[A-Za-z0-9_-]{1,16}:[0-9a-fA-F]{32})*$/,
      'must be id:32-hex-key pairs separated by commas (the last is the current key)',
    )
    .optional(),
  WHISTLEBLOWER_ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{32}$/, 'must be 32 hexadecimal characters (a 128-bit SM4 key)')
    .optional(),
  ...whistleblowingVariables,
  ...obligationsVariables,
  ...sessionVariables,
  UPLOAD_MAX_PIXELS: int(1_000_000, 500_000_000).default(50_000_000),
  ...passwordVariables,
  DEMO_DATA: bool.default(true),
  WEB_DIST_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: bool.default(false),
  TIANDITU_KEY: z
    .string()
    .regex(/^[0-9a-f]{32}$/i, 'must be the 32-character 天地图 key')
    .optional(),
  ...warningsVariables,
  ...smsVariables,
  MAP_TILE_URL: z
    .string()
    .regex(/^https:\/\/[^\s]+\{z\}[^\s]*$/, 'must be an https URL template with {z}, {x}, {y}')
    .optional(),
  MAP_TILE_GCJ02: bool.default(false),
  VIDEO_GATEWAYS: videoGatewaysVariable.optional(),
  VIDEO_TEST_STREAM: bool.optional(),
  ...auditVariables,
});

/** 天地图 vector tiles (CGCS2000 ≈ WGS-84, so no shift), or any XYZ tile URL, GCJ-02 if so flagged. */
function basemapOf(
  tiandituKey: string | undefined,
  tileUrl: string | undefined,
  gcj02: boolean,
): Config['basemap'] {
  if (tileUrl) return Object.freeze({ tileUrl, gcj02, attribution: '' });
  if (tiandituKey) {
    return Object.freeze({
      tileUrl: `https://t{s}.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}&tk=${tiandituKey}`,
      gcj02: false,
      attribution: '天地图',
    });
  }
  return null;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const keyProblems = fieldKeyProblems(e);
  if (keyProblems.length) throw new ConfigError(keyProblems);
  const repoRoot = path.resolve(import.meta.dirname, '../../../..');
  const auth = authOf(e);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(cwd, e.DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    embeddedPgPort: e.EMBEDDED_PG_PORT ?? defaultEmbeddedPgPort,
    embeddedPgPortExplicit: e.EMBEDDED_PG_PORT !== undefined,
    mqttUrl: e.MQTT_URL ?? null,
    mqtt: Object.freeze({
      clientId: e.MQTT_CLIENT_ID,
      shareGroup: e.MQTT_SHARE_GROUP ?? e.MQTT_CLIENT_ID,
      connections: e.MQTT_CONNECTIONS,
      inFlightPerConnection: e.MQTT_IN_FLIGHT,
      sessionExpirySeconds: e.MQTT_SESSION_EXPIRY_SECONDS,
    }),
    workers: e.ANJIAN_WORKERS,
    processes: e.ANJIAN_PROCESSES,
    instance: e.ANJIAN_INSTANCE ?? null,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    ingest: Object.freeze({
      queueLimit: e.INGEST_QUEUE_LIMIT,
      batchRows: e.INGEST_BATCH_ROWS,
      lingerMs: e.INGEST_LINGER_MS,
      writers: e.INGEST_WRITERS,
      shared: e.ANJIAN_PROCESSES > 1 || e.ANJIAN_INSTANCE !== undefined,
    }),
    readings: Object.freeze({
      rawDays: e.READINGS_RETENTION_DAYS,
      minuteDays: e.READINGS_MINUTE_RETENTION_DAYS,
      hourDays: e.READINGS_HOUR_RETENTION_DAYS,
      aheadDays: e.READINGS_PARTITIONS_AHEAD_DAYS,
      rollupEveryMs: e.READINGS_ROLLUP_SECONDS * 1000,
      rollupGraceMs: e.READINGS_ROLLUP_GRACE_SECONDS * 1000,
    }),
    simulator: e.SIMULATOR ?? e.DEMO_DATA,
    bootstrapPassword: e.ANJIAN_BOOTSTRAP_PASSWORD ?? null,
    totpRequired: e.AUTH_TOTP_REQUIRED,
    fieldEncryptionKey: e.FIELD_ENCRYPTION_KEYS ?? e.FIELD_ENCRYPTION_KEY?.toLowerCase() ?? null,
    whistleblowerEncryptionKey: e.WHISTLEBLOWER_ENCRYPTION_KEY?.toLowerCase() ?? null,
    whistleblowing: whistleblowingOf(e),
    obligations: obligationsOf(e),
    session: auth.session,
    login: auth.login,
    accounts: auth.accounts,
    uploads: Object.freeze({ maxPixels: e.UPLOAD_MAX_PIXELS }),
    passwordPolicy: auth.passwordPolicy,
    demoData: e.DEMO_DATA,
    webDistDir: e.WEB_DIST_DIR ? path.resolve(cwd, e.WEB_DIST_DIR) : path.join(repoRoot, 'packages/web/dist'),
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    warnings: warningsOf(e),
    sms: smsOf(e),
    audit: auditOf(e, cwd),
    basemap: basemapOf(e.TIANDITU_KEY, e.MAP_TILE_URL, e.MAP_TILE_GCJ02),
    video: Object.freeze({
      gateways: e.VIDEO_GATEWAYS ?? [],
      testStream: e.VIDEO_TEST_STREAM ?? (e.DEMO_DATA && e.ANJIAN_WORKERS),
    }),
  });
}
