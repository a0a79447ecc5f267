import { ref, watch, type Ref } from 'vue';

export type TableDensity = 'large' | 'default' | 'small';
export const tableDensities: readonly TableDensity[] = ['large', 'default', 'small'];

interface StoredSettings {
  hidden: string[];
  density: TableDensity;
}

/** Where one user's settings of one list live: per user, so a shared PC keeps each person's choice. */
export function tableSettingsKey(userId: string, page: string): string {
  return `anjian.table.${userId}.${page}`;
}

function read(key: string): StoredSettings {
  try {
    const parsed = JSON.parse(localStorage.getItem(key) ?? '{}') as Partial<StoredSettings>;
    return {
      hidden: Array.isArray(parsed.hidden) ? parsed.hidden.filter((h) => typeof h === 'string') : [],
      density: tableDensities.includes(parsed.density as TableDensity)
        ? (parsed.density as TableDensity)
        : 'default',
    };
  } catch {
    return { hidden: [], density: 'default' };
  }
}

/** A list's hidden columns and density, remembered in localStorage (no personal data, only keys). */
export function useTableSettings(key: Ref<string>) {
  const hidden = ref<string[]>([]);
  const density = ref<TableDensity>('default');

  watch(
    key,
    (k) => {
      const stored = read(k);
      hidden.value = stored.hidden;
      density.value = stored.density;
    },
    { immediate: true },
  );

  watch([hidden, density], () => {
    try {
      localStorage.setItem(key.value, JSON.stringify({ hidden: hidden.value, density: density.value }));
    } catch {
      // Storage full or disabled: the setting lasts for this page view only.
    }
  });

  function setVisible(column: string, visible: boolean): void {
    hidden.value = visible
      ? hidden.value.filter((h) => h !== column)
      : [...new Set([...hidden.value, column])];
  }

  return { hidden, density, setVisible };
}
