import type { Db } from '../../platform/db.ts';

/** The one row of monitoring settings, and the enterprises the module looks up. */
export function createMonitoringSettingsRepository(db: Db) {
  return {
    async load<T>(): Promise<T | null> {
      const stored = await db.query<{ body: T }>('SELECT body FROM monitoring_settings');
      return stored.rows[0]?.body ?? null;
    },

    async save(body: unknown, at: Date): Promise<void> {
      await db.query(
        `INSERT INTO monitoring_settings (id, body, updated_at) VALUES (true, $1, $2)
         ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
        [JSON.stringify(body), at],
      );
    },

    async enterprise(id: string): Promise<{ id: string; county: string } | null> {
      const result = await db.query<{ id: string; county: string }>(
        'SELECT id, county FROM enterprise_directory WHERE id = $1',
        [id],
      );
      return result.rows[0] ?? null;
    },

    async enterpriseNames(ids: readonly string[]): Promise<Map<string, string>> {
      const names = await db.query<{ id: string; name: string }>(
        'SELECT id, name FROM enterprise_directory WHERE id = ANY($1::uuid[])',
        [ids],
      );
      return new Map(names.rows.map((row) => [row.id, row.name]));
    },
  };
}

export type MonitoringSettingsRepository = ReturnType<typeof createMonitoringSettingsRepository>;
