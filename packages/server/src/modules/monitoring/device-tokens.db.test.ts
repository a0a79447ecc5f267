import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db.ts';
import { createTestContext, type TestContext } from '../../../test/test-app.ts';
import { createDeviceTokens } from './device-tokens.ts';
import { deviceToken, monitoredSite } from './monitoring-fixtures.test-support.ts';

describe('device token look-ups', () => {
  let t: TestContext;
  let token: string;
  let enterpriseId: string;
  /** The test database's pool, counting the token look-ups (UPDATE … last_used_at) sent through it. */
  let counted: Db;
  let lookUps = 0;

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    const officer = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530402'] } }),
    );
    ({ enterpriseId } = await monitoredSite(t, '530402'));
    token = await deviceToken(t, officer, enterpriseId);
    counted = new Proxy(t.db, {
      get(target, property, receiver) {
        if (property !== 'query') return Reflect.get(target, property, receiver) as unknown;
        return (text: unknown, ...rest: unknown[]) => {
          if (typeof text === 'string' && text.includes('last_used_at = $2')) lookUps += 1;
          return (target.query as (...args: unknown[]) => unknown)(text, ...rest);
        };
      },
    });
  });
  afterAll(() => t.close());

  it('sends one look-up for a burst of messages with a cold cache, and none while it is warm', async () => {
    const tokens = createDeviceTokens({ db: counted, clock: t.clock });
    const devices = await Promise.all(
      Array.from({ length: 200 }, () => tokens.authenticate(`Bearer ${token}`)),
    );
    expect(new Set(devices.map((device) => device.enterpriseId))).toEqual(new Set([enterpriseId]));
    expect(lookUps).toBe(1);
    await tokens.authenticate(`Bearer ${token}`);
    expect(lookUps).toBe(1);
  });

  it('refuses a burst with an unknown token after one look-up', async () => {
    const tokens = createDeviceTokens({ db: counted, clock: t.clock });
    const before = lookUps;
    const answers = await Promise.allSettled(
      Array.from({ length: 50 }, () => tokens.authenticate(`Bearer ajd_${'x'.repeat(43)}`)),
    );
    expect(answers.every((answer) => answer.status === 'rejected')).toBe(true);
    expect(lookUps - before).toBe(1);
  });
});
