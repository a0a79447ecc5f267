import { findGb6441AccidentType } from '@anjian/domain';
import { useFormat } from '../../../composables/use-format.ts';

/** The GB 6441 accident type's name in the UI language, or the code when unknown. */
export function useAccidentTypeName() {
  const fmt = useFormat();
  return (code: string | null) => {
    if (!code) return '—';
    const type = findGb6441AccidentType(code);
    return type ? fmt.bilingual(type.zh, type.en) : code;
  };
}
