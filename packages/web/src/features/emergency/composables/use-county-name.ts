import { useI18n } from 'vue-i18n';
import { useFormat } from '../../../composables/use-format.ts';

/** A county's name, or 市本级 for the city bureau's own records (no county). */
export function useCountyName() {
  const { t } = useI18n();
  const fmt = useFormat();
  return (code: string | null) => (code ? fmt.county(code) : t('emergency.library.common.cityLevel'));
}
