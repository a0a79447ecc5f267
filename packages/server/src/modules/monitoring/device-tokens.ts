import { DomainError, type DataScope } from '@anjian/domain';
import type { Db } from '../../platform/db.ts';
import type { Clock } from '../../platform/clock.ts';
import { randomToken, sm3Hex } from '../../platform/crypto.ts';
import { scopeCondition } from '../../platform/scope-sql.ts';

/**
 * A device authenticated by its bearer token: it may send readings of its enterprise's points only;
 * a county's device (no enterprise) those of the county's natural-hazard sites (decision 0006).
 */
export interface Device {
  readonly id: string;
  readonly enterpriseId: string | null;
  readonly county: string;
}

const PREFIX = 'ajd_';
const CACHE_MS = 60_000;

/**
 * Device tokens (设备令牌): random 256-bit secrets shown once; only their SM3 hash is stored. Looked
 * up on every telemetry request, so answers are cached for a minute (a revocation on this server
 * takes effect at once; on another replica within the minute).
 */
export function createDeviceTokens(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const cache = new Map<string, { device: Device | null; hash: string; until: number }>();
  const pending = new Map<string, Promise<Device | null>>();
  /** Counts revocations: a look-up that overlapped one answers, but is not cached. */
  let revocations = 0;

  async function lookUp(token: string, now: number): Promise<Device | null> {
    const revocationsBefore = revocations;
    const hash = sm3Hex(token);
    const result = await db.query<{ id: string; enterprise_id: string | null; county: string }>(
      `UPDATE device_tokens SET last_used_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL
       RETURNING id, enterprise_id, county`,
      [hash, clock.now()],
    );
    const row = result.rows[0];
    const device = row ? { id: row.id, enterpriseId: row.enterprise_id, county: row.county } : null;
    if (revocationsBefore !== revocations) return device;
    if (cache.size > 10_000) cache.clear();
    cache.set(token, { device, hash, until: now + CACHE_MS });
    return device;
  }

  /**
   * One look-up per token at a time: a device publishing thousands of readings at once (each its own
   * MQTT message) must not send as many UPDATEs of its one row when the cache is cold.
   */
  function lookUpOnce(token: string, now: number): Promise<Device | null> {
    let lookup = pending.get(token);
    if (!lookup) {
      lookup = lookUp(token, now).finally(() => pending.delete(token));
      pending.set(token, lookup);
    }
    return lookup;
  }

  return {
    async authenticate(header: string | undefined): Promise<Device> {
      const match = /^Bearer\s+(ajd_[A-Za-z0-9_-]{20,80})$/.exec(header ?? '');
      if (!match) throw new DomainError('device.unauthenticated');
      const token = match[1]!;
      const now = clock.now().getTime();
      // Keyed by the token itself: a device sending each reading must not cost a hash per message.
      const cached = cache.get(token);
      const device = cached && cached.until > now ? cached.device : await lookUpOnce(token, now);
      if (!device) throw new DomainError('device.unauthenticated');
      return device;
    },

    async create(input: {
      enterpriseId: string | null;
      county: string;
      name: string;
      userId: string | null;
    }) {
      const token = `${PREFIX}${randomToken(32)}`;
      const result = await db.query<{ id: string }>(
        `INSERT INTO device_tokens (enterprise_id, county, name, token_hash, prefix, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          input.enterpriseId,
          input.county,
          input.name,
          sm3Hex(token),
          token.slice(0, 10),
          input.userId,
          clock.now(),
        ],
      );
      return { id: result.rows[0]!.id, token, prefix: token.slice(0, 10) };
    },

    async list(scope: DataScope) {
      const params: unknown[] = [];
      const result = await db.query<{
        id: string;
        enterprise_id: string | null;
        enterprise_name: string | null;
        county: string;
        name: string;
        prefix: string;
        created_at: Date;
        last_used_at: Date | null;
        revoked_at: Date | null;
      }>(
        `SELECT t.id, t.enterprise_id, e.name AS enterprise_name, t.county, t.name, t.prefix, t.created_at,
                t.last_used_at, t.revoked_at
           FROM device_tokens t LEFT JOIN enterprise_directory e ON e.id = t.enterprise_id
          WHERE ${scopeCondition(scope, { county: 't.county', enterprise: 't.enterprise_id' }, params)}
          ORDER BY t.revoked_at IS NOT NULL, t.created_at DESC`,
        params,
      );
      return result.rows.map((row) => ({
        id: row.id,
        enterpriseId: row.enterprise_id,
        enterpriseName: row.enterprise_name,
        county: row.county,
        name: row.name,
        prefix: row.prefix,
        createdAt: row.created_at.toISOString(),
        lastUsedAt: row.last_used_at?.toISOString() ?? null,
        revokedAt: row.revoked_at?.toISOString() ?? null,
      }));
    },

    async revoke(scope: DataScope, id: string): Promise<void> {
      const params: unknown[] = [id, clock.now()];
      const result = await db.query<{ token_hash: string }>(
        `UPDATE device_tokens SET revoked_at = coalesce(revoked_at, $2)
          WHERE id = $1 AND ${scopeCondition(scope, { county: 'county', enterprise: 'enterprise_id' }, params)}
          RETURNING token_hash`,
        params,
      );
      const row = result.rows[0];
      if (!row) throw new DomainError('device.token_not_found');
      revocations += 1;
      for (const [token, entry] of cache) if (entry.hash === row.token_hash) cache.delete(token);
    },
  };
}

export type DeviceTokens = ReturnType<typeof createDeviceTokens>;
