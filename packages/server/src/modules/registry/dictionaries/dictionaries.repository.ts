import {
  defaultDepartments,
  defaultLicenceTypes,
  defaultSectors,
  type DictionaryEntry,
  type DictionaryName,
} from '@anjian/domain';
import type { Db } from '../../../platform/db.ts';

export interface DictionaryItem extends DictionaryEntry {
  sort: number;
  active: boolean;
}

export function createDictionariesRepository(db: Db) {
  return {
    async list(): Promise<Record<DictionaryName, DictionaryItem[]>> {
      const rows = await db.query<{
        dictionary: DictionaryName;
        code: string;
        name_zh: string;
        name_en: string;
        sort: number;
        active: boolean;
      }>('SELECT * FROM dictionary_items ORDER BY dictionary, sort, code');
      const result: Record<DictionaryName, DictionaryItem[]> = {
        sector: [],
        department: [],
        licence_type: [],
      };
      for (const row of rows.rows) {
        result[row.dictionary].push({
          code: row.code,
          nameZh: row.name_zh,
          nameEn: row.name_en,
          sort: row.sort,
          active: row.active,
        });
      }
      return result;
    },

    async upsert(dictionary: DictionaryName, item: DictionaryItem): Promise<void> {
      await db.query(
        `INSERT INTO dictionary_items (dictionary, code, name_zh, name_en, sort, active) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (dictionary, code) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
           sort = EXCLUDED.sort, active = EXCLUDED.active`,
        [dictionary, item.code, item.nameZh, item.nameEn, item.sort, item.active],
      );
    },

    /** A fresh installation's dictionaries; entries the bureau edited are left as they are. */
    async seedDefaults(): Promise<void> {
      const defaults: [DictionaryName, readonly DictionaryEntry[]][] = [
        ['sector', defaultSectors],
        ['department', defaultDepartments],
        ['licence_type', defaultLicenceTypes],
      ];
      for (const [dictionary, entries] of defaults) {
        await db.query(
          `INSERT INTO dictionary_items (dictionary, code, name_zh, name_en, sort)
           SELECT $1, c, z, e, o FROM unnest($2::text[], $3::text[], $4::text[], $5::int[]) AS u(c, z, e, o)
           ON CONFLICT DO NOTHING`,
          [
            dictionary,
            entries.map((e) => e.code),
            entries.map((e) => e.nameZh),
            entries.map((e) => e.nameEn),
            entries.map((_, i) => (i + 1) * 10),
          ],
        );
      }
    },
  };
}

export type DictionariesRepository = ReturnType<typeof createDictionariesRepository>;
