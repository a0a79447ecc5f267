import type { Db } from '../../platform/db.ts';

/** Enforcement configuration kept as data in `settings` (the discretion table, credit-list rules). */
export const enforcementSettingKeys = {
  discretionTable: 'enforcement.discretion_table',
  creditRules: 'enforcement.credit_rules',
} as const;

export function createEnforcementSettingsRepository(db: Db) {
  return {
    async get<T>(key: string): Promise<T | null> {
      const rows = await db.query<{ value: T }>(`SELECT value FROM settings WHERE key = $1`, [key]);
      return rows.rows[0]?.value ?? null;
    },

    async put(key: string, value: unknown): Promise<void> {
      await db.query(
        `INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
        [key, JSON.stringify(value)],
      );
    },
  };
}

export type EnforcementSettingsRepository = ReturnType<typeof createEnforcementSettingsRepository>;
