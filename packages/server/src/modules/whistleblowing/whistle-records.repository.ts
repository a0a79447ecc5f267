import type { Db, Queryable } from '../../platform/db.ts';

/** The report's companions: sealed identity, messages, reward, public photos, abuse-control marks. */
export interface SealedIdentity {
  nameSealed: string;
  idNumberSealed: string;
  phoneSealed: string;
  bankAccountSealed: string | null;
  /** Proved by an SMS code when the report came (false: 未验证). */
  phoneVerified: boolean;
}

export interface WhistleMessageRow {
  from: 'reporter' | 'bureau';
  on: string;
  body: string;
  photoIds: string[];
}

export function createWhistleRecordsRepository(db: Db) {
  return {
    async insertIdentity(source: Queryable, reportId: string, identity: SealedIdentity): Promise<void> {
      await source.query(
        `INSERT INTO whistle_identities (report_id, name_sealed, id_number_sealed, phone_sealed, bank_account_sealed, phone_verified)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          reportId,
          identity.nameSealed,
          identity.idNumberSealed,
          identity.phoneSealed,
          identity.bankAccountSealed,
          identity.phoneVerified,
        ],
      );
    },

    async identity(reportId: string): Promise<SealedIdentity | null> {
      const rows = await db.query<{
        name_sealed: string;
        id_number_sealed: string;
        phone_sealed: string;
        bank_account_sealed: string | null;
        phone_verified: boolean;
      }>('SELECT * FROM whistle_identities WHERE report_id = $1', [reportId]);
      const row = rows.rows[0];
      return row
        ? {
            nameSealed: row.name_sealed,
            idNumberSealed: row.id_number_sealed,
            phoneSealed: row.phone_sealed,
            bankAccountSealed: row.bank_account_sealed,
            phoneVerified: row.phone_verified,
          }
        : null;
    },

    async messages(reportId: string): Promise<WhistleMessageRow[]> {
      const rows = await db.query<{
        author: 'reporter' | 'bureau';
        on: string;
        body: string;
        photo_ids: string[];
      }>(
        `SELECT author, to_char(written_on, 'YYYY-MM-DD') AS on, body, photo_ids::text[] AS photo_ids
           FROM whistle_messages WHERE report_id = $1 ORDER BY seq`,
        [reportId],
      );
      return rows.rows.map((r) => ({ from: r.author, on: r.on, body: r.body, photoIds: r.photo_ids }));
    },

    async addMessage(
      source: Queryable,
      reportId: string,
      message: WhistleMessageRow & { writtenBy: string | null },
    ): Promise<void> {
      await source.query(
        `INSERT INTO whistle_messages (report_id, seq, author, written_on, body, photo_ids, written_by)
         VALUES ($1, (SELECT coalesce(max(seq), 0) + 1 FROM whistle_messages WHERE report_id = $1), $2, $3, $4, $5, $6)`,
        [reportId, message.from, message.on, message.body, message.photoIds, message.writtenBy],
      );
    },

    async insertReward(
      source: Queryable,
      reward: {
        reportId: string;
        amountYuan: string;
        basis: string;
        ruleId: string;
        source: string;
        proposedBy: string;
        at: Date;
      },
    ): Promise<void> {
      await source.query(
        `INSERT INTO whistle_rewards (report_id, status, amount_yuan, basis, rule_id, source, proposed_by, proposed_at)
         VALUES ($1, 'proposed', $2, $3, $4, $5, $6, $7)`,
        [
          reward.reportId,
          reward.amountYuan,
          reward.basis,
          reward.ruleId,
          reward.source,
          reward.proposedBy,
          reward.at,
        ],
      );
    },

    async approveReward(source: Queryable, reportId: string, userId: string): Promise<void> {
      await source.query(
        `UPDATE whistle_rewards SET approvers = approvers || $2::uuid,
                status = CASE WHEN cardinality(approvers) = 0 THEN 'approved_once' ELSE 'approved' END
          WHERE report_id = $1`,
        [reportId, userId],
      );
    },

    async payReward(
      source: Queryable,
      reportId: string,
      paid: { on: string; ref: string; by: string },
    ): Promise<void> {
      await source.query(
        `UPDATE whistle_rewards SET status = 'paid', paid_on = $2, payment_ref = $3, paid_by = $4 WHERE report_id = $1`,
        [reportId, paid.on, paid.ref, paid.by],
      );
    },

    /** Public photos this device sent and no report has taken yet; answers the ids found. */
    async pendingPhotos(source: Queryable, ids: string[], deviceKey: string, now: Date): Promise<string[]> {
      const rows = await source.query<{ upload_id: string }>(
        `SELECT upload_id FROM whistle_photos
          WHERE upload_id = ANY ($1::uuid[]) AND device_key = $2 AND report_id IS NULL AND expires_at > $3 FOR UPDATE`,
        [ids, deviceKey, now],
      );
      return rows.rows.map((r) => r.upload_id);
    },

    async notePhoto(uploadId: string, deviceKey: string, expiresAt: Date): Promise<void> {
      await db.query('INSERT INTO whistle_photos (upload_id, device_key, expires_at) VALUES ($1, $2, $3)', [
        uploadId,
        deviceKey,
        expiresAt,
      ]);
    },

    /** A taken photo forgets the device that sent it. */
    async attachPhotos(source: Queryable, ids: string[], reportId: string): Promise<void> {
      if (ids.length === 0) return;
      await source.query(
        `INSERT INTO whistle_photos (upload_id, report_id) SELECT unnest($1::uuid[]), $2
         ON CONFLICT (upload_id) DO UPDATE SET report_id = EXCLUDED.report_id, device_key = NULL, expires_at = NULL`,
        [ids, reportId],
      );
    },

    async photoBelongs(reportId: string, uploadId: string): Promise<boolean> {
      const rows = await db.query(
        `SELECT 1 FROM whistle_reports WHERE id = $1 AND $2::uuid = ANY (photo_ids)
         UNION ALL SELECT 1 FROM whistle_messages WHERE report_id = $1 AND $2::uuid = ANY (photo_ids)`,
        [reportId, uploadId],
      );
      return rows.rows.length > 0;
    },
  };
}

export type WhistleRecordsRepository = ReturnType<typeof createWhistleRecordsRepository>;

/** Abuse control (table whistle_abuse): hashed client keys with an expiry, apart from the reports. */
export function createWhistleAbuseRepository(db: Db) {
  return {
    /** Records one event per key and answers the largest count of that kind per key since `since`. */
    async recordAndCount(
      kind: 'submit' | 'lookup_failed' | 'photo' | 'place' | 'sms',
      keys: string[],
      at: Date,
      expiresAt: Date,
      since: Date,
    ): Promise<number> {
      await db.query(
        `INSERT INTO whistle_abuse (kind, client_key, at, expires_at) SELECT $1, unnest($2::text[]), $3, $4`,
        [kind, keys, at, expiresAt],
      );
      return this.count(kind, keys, since);
    },

    async count(kind: string, keys: string[], since: Date): Promise<number> {
      const rows = await db.query<{ n: number }>(
        `SELECT coalesce(max(n), 0)::int AS n FROM (
           SELECT count(*) AS n FROM whistle_abuse WHERE kind = $1 AND client_key = ANY ($2::text[]) AND at > $3
            GROUP BY client_key) c`,
        [kind, keys, since],
      );
      return rows.rows[0]!.n;
    },

    /** Deletes what has expired (idempotent: safe when several processes run it at once). */
    async purgeExpired(now: Date): Promise<number> {
      const abuse = await db.query('DELETE FROM whistle_abuse WHERE expires_at <= $1', [now]);
      await db.query('DELETE FROM whistle_sms_codes WHERE purge_after <= $1', [now]);
      await db.query(
        `UPDATE whistle_photos SET device_key = NULL WHERE report_id IS NULL AND expires_at <= $1 AND device_key IS NOT NULL`,
        [now],
      );
      return abuse.rowCount ?? 0;
    },
  };
}

export type WhistleAbuseRepository = ReturnType<typeof createWhistleAbuseRepository>;
