import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { useDictionaries } from '../../registry/composables/use-dictionaries.ts';

/** The enforcement library's own sector codes (checklists, inspectors' specialties) with names. */
const ownSectors = ['general', 'hazchem'] as const;

/**
 * Sector names for checklist items and inspectors' specialties: the library's own codes (general,
 * hazchem), then the registry's sector dictionary; a code known to neither shows as typed.
 */
export function useEnforcementSectors() {
  const { t } = useI18n();
  const dictionaries = useDictionaries();
  const sectorName = (code: string) =>
    (ownSectors as readonly string[]).includes(code)
      ? t(`enforcement.checklist.sectors.${code}`)
      : dictionaries.sectorLabel(code);
  const sectorOptions = computed(() => [
    ...ownSectors.map((code) => ({ value: code, label: sectorName(code) })),
    ...dictionaries.options('sector'),
  ]);
  return { sectorName, sectorOptions };
}
