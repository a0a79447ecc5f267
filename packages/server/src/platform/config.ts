import path from 'node:path';
import { z } from 'zod';
import { defaultPasswordPolicy, type PasswordPolicy, type VideoGatewayConfig } from '@anjian/domain';
import { fieldKeyProblems } from './config-keys.ts';
import { videoGatewaysVariable } from './config-video.ts';

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
    /** Other processes take readings too (ANJIAN_PROCESSES > 1 or ANJIAN_INSTANCE set). */
    readonly shared: boolean;
  };
  /** Readings partitioned by China day: days kept (raw, minute and hour aggregates), days made ahead. */
  readonly readings: {
    readonly rawDays: number;
    readonly minuteDays: number;
    readonly hourDays: number;
    readonly aheadDays: number;
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
  readonly whistleblowing: {
    readonly acceptanceDays: number;
    readonly submitsPerHour: number;
    readonly captchaAfterSubmits: number;
    readonly lookupFailuresPerHour: number;
    readonly abuseRetentionDays: number;
  };
  readonly session: {
    readonly idleMinutes: number;
    readonly adminIdleMinutes: number;
    readonly absoluteHours: number;
    readonly cookieSecure: boolean;
    /** Sessions one user may hold at once; a new sign-in beyond it ends the oldest. */
    readonly maxPerUser: number;
  };
  /** Sign-in defences (docs/security.md): lock-out, throttles, captcha, bounded password hashing. */
  readonly login: {
    readonly maxFailures: number;
    readonly lockMinutes: number;
    /** The sliding window the failure counts below are taken over. */
    readonly windowMinutes: number;
    /** Failures from one IP in the window after which that IP is refused (429) until they age out. */
    readonly ipMaxFailures: number;
    /** Failures from anywhere in the window after which every sign-in needs a captcha. */
    readonly globalMaxFailures: number;
    /** Failures from one IP, or for one username, after which a captcha is needed. */
    readonly captchaAfterFailures: number;
    readonly captchaTtlSeconds: number;
    /** Password hashes computed at once; more wait in a queue of at most `hashQueue`, then 503. */
    readonly hashConcurrency: number;
    readonly hashQueue: number;
  };
  /** 等保: accounts with no sign-in for this many days are disabled (0 = never). */
  readonly accounts: { readonly inactiveDays: number };
  readonly uploads: { readonly maxPixels: number };
  readonly passwordPolicy: PasswordPolicy;
  readonly demoData: boolean;
  readonly webDistDir: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly trustProxy: boolean;
  /** Online basemap for the one-map; null draws boundaries only (works offline). */
  /** Public warning release (预警发布): sender identity and the channels' peers. */
  readonly warnings: {
    /** GB/T 35965.1 sender code: GB/T 2260 area + GB/T 4657 body + internal + extension (14 digits). */
    readonly senderCode: string;
    readonly senderName: { readonly zh: string; readonly en: string };
    /** Absolute origin the CAP and feed links are written with (e.g. https://anjian.yuxi.gov.cn). */
    readonly publicBaseUrl: string;
    readonly webhookUrls: readonly string[];
    readonly webhookSecret: string | null;
    readonly smtpUrl: string | null;
    readonly emailFrom: string;
    readonly emailTo: readonly string[];
    readonly mqttTopic: string;
    /** SMS through an HTTP gateway: POST JSON {to, text, id}; null sends none. */
    readonly smsUrl: string | null;
    readonly smsToken: string | null;
    /** Extra phones that get every warning (duty officers); the registry adds the areas' contacts. */
    readonly smsTo: readonly string[];
    /** At most this many warning SMS per phone per China calendar day. */
    readonly smsDailyQuota: number;
    /** The municipal warning-release centre's CAP endpoint (HTTP POST of the CAP XML); null: no hand-off. */
    readonly centreUrl: string | null;
    readonly centreToken: string | null;
    /** Incoming warning feeds (Atom of CAP links, or one CAP message) polled every 5 minutes. */
    readonly feedUrls: readonly string[];
    /** SM2 private key (PKCS#8 PEM) that signs every released version; null: one made at start. */
    readonly sm2PrivateKeyPem: string | null;
  };
  /** The audit chain's keys, retention, checkpoints, central log and the database role (issue 19). */
  readonly audit: {
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
  };
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

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => ['true', '1', 'yes'].includes(v));
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

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
  MQTT_CONNECTIONS: int(1, 32).default(4),
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
  READINGS_RETENTION_DAYS: int(1, 3650).default(90),
  READINGS_MINUTE_RETENTION_DAYS: int(8, 3650).default(90),
  READINGS_HOUR_RETENTION_DAYS: int(8, 36_500).default(1825),
  READINGS_PARTITIONS_AHEAD_DAYS: int(1, 60).default(7),
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
  WHISTLE_ACCEPTANCE_DAYS: int(1, 60).default(5),
  WHISTLE_SUBMITS_PER_HOUR: int(1, 1000).default(5),
  WHISTLE_CAPTCHA_AFTER_SUBMITS: int(0, 1000).default(2),
  WHISTLE_LOOKUP_FAILURES_PER_HOUR: int(1, 1000).default(10),
  WHISTLE_ABUSE_RETENTION_DAYS: int(1, 90).default(7),
  SESSION_IDLE_MINUTES: int(1, 24 * 60).default(30),
  SESSION_ADMIN_IDLE_MINUTES: int(1, 24 * 60).default(15),
  SESSION_ABSOLUTE_HOURS: int(1, 24 * 7).default(12),
  SESSION_COOKIE_SECURE: bool.default(false),
  LOGIN_MAX_FAILURES: int(1, 100).default(5),
  LOGIN_LOCK_MINUTES: int(1, 24 * 60).default(30),
  LOGIN_WINDOW_MINUTES: int(1, 24 * 60).default(15),
  LOGIN_IP_MAX_FAILURES: int(1, 100_000).default(30),
  LOGIN_GLOBAL_MAX_FAILURES: int(1, 10_000_000).default(500),
  LOGIN_CAPTCHA_AFTER_FAILURES: int(1, 100).default(3),
  LOGIN_CAPTCHA_TTL_SECONDS: int(30, 3600).default(300),
  LOGIN_HASH_CONCURRENCY: int(1, 64).default(2),
  LOGIN_HASH_QUEUE: int(0, 100_000).default(32),
  SESSION_MAX_PER_USER: int(1, 100).default(3),
  ACCOUNT_INACTIVE_DAYS: int(0, 3650).default(90),
  UPLOAD_MAX_PIXELS: int(1_000_000, 500_000_000).default(50_000_000),
  PASSWORD_MIN_LENGTH: int(8, 64).default(defaultPasswordPolicy.minLength),
  PASSWORD_MIN_CLASSES: int(1, 4).default(defaultPasswordPolicy.minClasses),
  PASSWORD_MAX_AGE_DAYS: int(0, 3650).default(defaultPasswordPolicy.maxAgeDays),
  PASSWORD_HISTORY: int(0, 24).default(defaultPasswordPolicy.historySize),
  DEMO_DATA: bool.default(true),
  WEB_DIST_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: bool.default(false),
  TIANDITU_KEY: z
    .string()
    .regex(/^[0-9a-f]{32}$/i, 'must be the 32-character 天地图 key')
    .optional(),
  WARNING_SENDER_CODE: z
    .string()
    .regex(/^\d{14}$/, 'must be the 14-digit GB/T 35965.1 sender code')
    .default('53040000000000'),
  WARNING_SENDER_NAME: z.string().min(1).max(60).default('玉溪市应急管理局'),
  WARNING_SENDER_NAME_EN: z.string().min(1).max(80).default('Yuxi Emergency Management Bureau'),
  PUBLIC_BASE_URL: z
    .string()
    .regex(/^https?:\/\/[^\s/]+$/, 'must be an origin such as https://anjian.example.gov.cn (no path)')
    .default('http://localhost:8080'),
  WARNING_WEBHOOK_URLS: z.string().optional(),
  WARNING_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  WARNING_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  WARNING_EMAIL_FROM: z.email().default('yjglj@yuxi.example.gov.cn'),
  WARNING_EMAIL_TO: z.string().optional(),
  WARNING_MQTT_TOPIC: z
    .string()
    .regex(/^[A-Za-z0-9_/-]{1,100}$/)
    .default('anjian/warnings'),
  WARNING_SMS_URL: z
    .string()
    .regex(/^https?:\/\//, 'must start with http:// or https://')
    .optional(),
  WARNING_SMS_TOKEN: z.string().min(8).optional(),
  WARNING_SMS_TO: z
    .string()
    .regex(/^(1\d{10})(,1\d{10})*$/, 'comma-separated mobile numbers')
    .optional(),
  WARNING_SMS_DAILY_QUOTA: z.coerce.number().int().min(1).max(100).default(5),
  WARNING_CENTRE_URL: z
    .string()
    .regex(/^https?:\/\//, 'must start with http:// or https://')
    .optional(),
  WARNING_CENTRE_TOKEN: z.string().min(8).optional(),
  WARNING_FEED_URLS: z
    .string()
    .regex(/^https?:\/\/\S+(,https?:\/\/\S+)*$/, 'comma-separated http(s) URLs')
    .optional(),
  WARNING_SM2_KEY: z
    .string()
    .includes('PRIVATE KEY', { message: 'must be a PKCS#8 PEM private key' })
    .optional(),
  MAP_TILE_URL: z
    .string()
    .regex(/^https:\/\/[^\s]+\{z\}[^\s]*$/, 'must be an https URL template with {z}, {x}, {y}')
    .optional(),
  MAP_TILE_GCJ02: bool.default(false),
  VIDEO_GATEWAYS: videoGatewaysVariable.optional(),
  VIDEO_TEST_STREAM: bool.optional(),
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

/** A comma-separated list, blanks dropped. */
const listOf = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

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
      shared: e.ANJIAN_PROCESSES > 1 || e.ANJIAN_INSTANCE !== undefined,
    }),
    readings: Object.freeze({
      rawDays: e.READINGS_RETENTION_DAYS,
      minuteDays: e.READINGS_MINUTE_RETENTION_DAYS,
      hourDays: e.READINGS_HOUR_RETENTION_DAYS,
      aheadDays: e.READINGS_PARTITIONS_AHEAD_DAYS,
    }),
    simulator: e.SIMULATOR ?? e.DEMO_DATA,
    bootstrapPassword: e.ANJIAN_BOOTSTRAP_PASSWORD ?? null,
    totpRequired: e.AUTH_TOTP_REQUIRED,
    fieldEncryptionKey: e.FIELD_ENCRYPTION_KEYS ?? e.FIELD_ENCRYPTION_KEY?.toLowerCase() ?? null,
    whistleblowerEncryptionKey: e.WHISTLEBLOWER_ENCRYPTION_KEY?.toLowerCase() ?? null,
    whistleblowing: Object.freeze({
      acceptanceDays: e.WHISTLE_ACCEPTANCE_DAYS,
      submitsPerHour: e.WHISTLE_SUBMITS_PER_HOUR,
      captchaAfterSubmits: e.WHISTLE_CAPTCHA_AFTER_SUBMITS,
      lookupFailuresPerHour: e.WHISTLE_LOOKUP_FAILURES_PER_HOUR,
      abuseRetentionDays: e.WHISTLE_ABUSE_RETENTION_DAYS,
    }),
    session: Object.freeze({
      idleMinutes: e.SESSION_IDLE_MINUTES,
      adminIdleMinutes: e.SESSION_ADMIN_IDLE_MINUTES,
      absoluteHours: e.SESSION_ABSOLUTE_HOURS,
      cookieSecure: e.SESSION_COOKIE_SECURE,
      maxPerUser: e.SESSION_MAX_PER_USER,
    }),
    login: Object.freeze({
      maxFailures: e.LOGIN_MAX_FAILURES,
      lockMinutes: e.LOGIN_LOCK_MINUTES,
      windowMinutes: e.LOGIN_WINDOW_MINUTES,
      ipMaxFailures: e.LOGIN_IP_MAX_FAILURES,
      globalMaxFailures: e.LOGIN_GLOBAL_MAX_FAILURES,
      captchaAfterFailures: e.LOGIN_CAPTCHA_AFTER_FAILURES,
      captchaTtlSeconds: e.LOGIN_CAPTCHA_TTL_SECONDS,
      hashConcurrency: e.LOGIN_HASH_CONCURRENCY,
      hashQueue: e.LOGIN_HASH_QUEUE,
    }),
    accounts: Object.freeze({ inactiveDays: e.ACCOUNT_INACTIVE_DAYS }),
    uploads: Object.freeze({ maxPixels: e.UPLOAD_MAX_PIXELS }),
    passwordPolicy: Object.freeze({
      ...defaultPasswordPolicy,
      minLength: e.PASSWORD_MIN_LENGTH,
      minClasses: e.PASSWORD_MIN_CLASSES,
      maxAgeDays: e.PASSWORD_MAX_AGE_DAYS,
      historySize: e.PASSWORD_HISTORY,
    }),
    demoData: e.DEMO_DATA,
    webDistDir: e.WEB_DIST_DIR ? path.resolve(cwd, e.WEB_DIST_DIR) : path.join(repoRoot, 'packages/web/dist'),
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    warnings: Object.freeze({
      senderCode: e.WARNING_SENDER_CODE,
      senderName: Object.freeze({ zh: e.WARNING_SENDER_NAME, en: e.WARNING_SENDER_NAME_EN }),
      publicBaseUrl: e.PUBLIC_BASE_URL,
      webhookUrls: Object.freeze(listOf(e.WARNING_WEBHOOK_URLS)),
      webhookSecret: e.WARNING_WEBHOOK_SECRET ?? null,
      smtpUrl: e.WARNING_SMTP_URL ?? null,
      emailFrom: e.WARNING_EMAIL_FROM,
      emailTo: Object.freeze(listOf(e.WARNING_EMAIL_TO)),
      mqttTopic: e.WARNING_MQTT_TOPIC,
      smsUrl: e.WARNING_SMS_URL ?? null,
      smsToken: e.WARNING_SMS_TOKEN ?? null,
      smsTo: Object.freeze(listOf(e.WARNING_SMS_TO)),
      smsDailyQuota: e.WARNING_SMS_DAILY_QUOTA,
      centreUrl: e.WARNING_CENTRE_URL ?? null,
      centreToken: e.WARNING_CENTRE_TOKEN ?? null,
      feedUrls: Object.freeze(listOf(e.WARNING_FEED_URLS)),
      sm2PrivateKeyPem: e.WARNING_SM2_KEY?.replace(/\\n/g, '\n') ?? null,
    }),
    audit: Object.freeze({
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
    }),
    basemap: basemapOf(e.TIANDITU_KEY, e.MAP_TILE_URL, e.MAP_TILE_GCJ02),
    video: Object.freeze({
      gateways: e.VIDEO_GATEWAYS ?? [],
      testStream: e.VIDEO_TEST_STREAM ?? (e.DEMO_DATA && e.ANJIAN_WORKERS),
    }),
  });
}
