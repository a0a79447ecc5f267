import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env, '/srv/anjian');
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('has 等保 level-3 defaults and an embedded database under ./data', () => {
    const config = loadConfig({}, '/srv/anjian');
    expect(config.port).toBe(8080);
    expect(config.dataDir).toBe('/srv/anjian/data');
    expect(config.databaseUrl).toBeNull();
    expect(config.totpRequired).toBe(true);
    expect(config.session).toEqual({
      idleMinutes: 30,
      adminIdleMinutes: 15,
      absoluteHours: 12,
      cookieSecure: false,
      maxPerUser: 3,
    });
    expect(config.login).toEqual({
      maxFailures: 5,
      lockMinutes: 30,
      windowMinutes: 15,
      ipMaxFailures: 30,
      globalMaxFailures: 500,
      captchaAfterFailures: 3,
      captchaTtlSeconds: 300,
      hashConcurrency: 2,
      hashQueue: 32,
    });
    expect(config.accounts).toEqual({ inactiveDays: 90 });
    expect(config.uploads).toEqual({ maxPixels: 50_000_000 });
    expect(config.passwordPolicy).toMatchObject({
      minLength: 8,
      minClasses: 3,
      maxAgeDays: 90,
      historySize: 5,
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.session)).toBe(true);
  });

  it('reads every variable it documents', () => {
    const config = loadConfig(
      {
        PORT: '9000',
        DATA_DIR: '/var/lib/anjian',
        DATABASE_URL: 'postgres://anjian@db.internal:5432/anjian',
        FIELD_ENCRYPTION_KEY: 'A'.repeat(32),
        MQTT_URL: 'mqtt://127.0.0.1:1883',
        ANJIAN_BOOTSTRAP_PASSWORD: 'Bootstrap#2026',
        AUTH_TOTP_REQUIRED: 'false',
        SESSION_IDLE_MINUTES: '20',
        SESSION_ADMIN_IDLE_MINUTES: '10',
        SESSION_ABSOLUTE_HOURS: '8',
        LOGIN_MAX_FAILURES: '3',
        LOGIN_LOCK_MINUTES: '60',
        PASSWORD_MAX_AGE_DAYS: '0',
      },
      '/srv/anjian',
    );
    expect(config).toMatchObject({
      port: 9000,
      dataDir: '/var/lib/anjian',
      databaseUrl: 'postgres://anjian@db.internal:5432/anjian',
      fieldEncryptionKey: 'a'.repeat(32),
      mqttUrl: 'mqtt://127.0.0.1:1883',
      bootstrapPassword: 'Bootstrap#2026',
      totpRequired: false,
      session: { idleMinutes: 20, adminIdleMinutes: 10, absoluteHours: 8 },
      login: { maxFailures: 3, lockMinutes: 60 },
    });
    expect(config.passwordPolicy.maxAgeDays).toBe(0);
  });

  it('stops on a bad value and names the variable', () => {
    expect(problemsOf({ PORT: 'eighty' })).toEqual([expect.stringMatching(/^PORT: /)]);
    expect(problemsOf({ PORT: '70000' })).toEqual([expect.stringMatching(/^PORT: /)]);
    expect(problemsOf({ AUTH_TOTP_REQUIRED: 'maybe' })).toEqual([
      expect.stringMatching(/^AUTH_TOTP_REQUIRED: /),
    ]);
    expect(problemsOf({ DATABASE_URL: 'mysql://x' })).toEqual([expect.stringMatching(/^DATABASE_URL: /)]);
    expect(problemsOf({ FIELD_ENCRYPTION_KEY: 'short' })).toEqual([
      expect.stringMatching(/^FIELD_ENCRYPTION_KEY: /),
    ]);
    expect(problemsOf({ FIELD_ENCRYPTION_KEYS: `k1:${'a'.repeat(32)},k2` })).toEqual([
      expect.stringMatching(/^FIELD_ENCRYPTION_KEYS: /),
    ]);
    expect(problemsOf({ FIELD_ENCRYPTION_KEYS: `k1:${'a'.repeat(32)},k1:${'b'.repeat(32)}` })).toEqual([
      expect.stringMatching(/^FIELD_ENCRYPTION_KEYS: each key id may appear once/),
    ]);
    expect(
      problemsOf({ FIELD_ENCRYPTION_KEY: 'a'.repeat(32), FIELD_ENCRYPTION_KEYS: `k2:${'b'.repeat(32)}` }),
    ).toEqual([expect.stringMatching(/^FIELD_ENCRYPTION_KEYS: set it or FIELD_ENCRYPTION_KEY, not both/)]);
    // The whistleblowers' identities need a key of their own: equal to any field key is refused.
    expect(
      problemsOf({ FIELD_ENCRYPTION_KEY: 'a'.repeat(32), WHISTLEBLOWER_ENCRYPTION_KEY: 'A'.repeat(32) }),
    ).toEqual([expect.stringMatching(/^WHISTLEBLOWER_ENCRYPTION_KEY: must differ from the field keys/)]);
    expect(
      problemsOf({
        FIELD_ENCRYPTION_KEYS: `k1:${'a'.repeat(32)},k2:${'b'.repeat(32)}`,
        WHISTLEBLOWER_ENCRYPTION_KEY: 'a'.repeat(32),
      }),
    ).toEqual([expect.stringMatching(/^WHISTLEBLOWER_ENCRYPTION_KEY: /)]);
    expect(
      problemsOf({ FIELD_ENCRYPTION_KEY: 'a'.repeat(32), WHISTLEBLOWER_ENCRYPTION_KEY: 'c'.repeat(32) }),
    ).toEqual([]);
    expect(problemsOf({ SESSION_IDLE_MINUTES: '0' })).toEqual([
      expect.stringMatching(/^SESSION_IDLE_MINUTES: /),
    ]);
    expect(problemsOf({ PASSWORD_MIN_LENGTH: '6' })).toEqual([
      expect.stringMatching(/^PASSWORD_MIN_LENGTH: /),
    ]);
  });

  it('configures a 天地图 basemap from its key, or any XYZ tile URL', () => {
    expect(loadConfig({}, '/srv').basemap).toBeNull();
    expect(loadConfig({ TIANDITU_KEY: 'a'.repeat(32) }, '/srv').basemap).toEqual({
      tileUrl: `https://t{s}.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}&tk=${'a'.repeat(32)}`,
      gcj02: false,
      attribution: '天地图',
    });
    expect(
      loadConfig({ MAP_TILE_URL: 'https://tiles.example.cn/{z}/{x}/{y}.png', MAP_TILE_GCJ02: 'true' }, '/srv')
        .basemap,
    ).toMatchObject({ gcj02: true });
    expect(problemsOf({ MAP_TILE_URL: 'http://tiles.example.cn/{z}/{x}/{y}.png' })).toEqual([
      expect.stringMatching(/^MAP_TILE_URL: /),
    ]);
    expect(problemsOf({ TIANDITU_KEY: 'short' })).toEqual([expect.stringMatching(/^TIANDITU_KEY: /)]);
  });

  it('requires a field key kept outside the database when DATABASE_URL is set', () => {
    expect(problemsOf({ DATABASE_URL: 'postgres://x@h/db' })).toEqual([
      expect.stringMatching(/^FIELD_ENCRYPTION_KEY: required/),
    ]);
  });
});
