import {
  accidentTypeVersionFor,
  findAccidentType,
  gb6441v1986To2025Suggestions,
  type AccidentTypeVersion,
} from '@anjian/domain';
import { beijingWallTimeToIso } from '../../../lib/format.ts';

/**
 * The GB 6441 version whose list the incident form offers for an accident at `wallTime` (Beijing,
 * `YYYY-MM-DD HH:mm:ss`): GB 6441-1986 before 2026-07-01, GB 6441-2025 from then — the same rule the
 * server checks. An empty or unreadable time gives the version of `now`.
 */
export function accidentTypeVersionAt(wallTime: string, now = new Date()): AccidentTypeVersion {
  const at = wallTime ? new Date(beijingWallTimeToIso(wallTime)) : now;
  return accidentTypeVersionFor(Number.isNaN(at.getTime()) ? now : at);
}

/**
 * The type to keep when the accident time moves to another version: the same code when it belongs
 * to `version`; a 1986 code's suggested 2025 type (never a silent choice: the user sees it selected);
 * otherwise none.
 */
export function accidentTypeForVersion(code: string, version: AccidentTypeVersion): string {
  if (!code) return '';
  if (version.types.some((type) => type.code === code)) return code;
  const suggested = gb6441v1986To2025Suggestions[code];
  return suggested && version.types.some((type) => type.code === suggested) ? suggested : '';
}

/** Display name of a type of either version; the code itself when unknown. */
export function accidentTypeLabel(code: string, bilingual: (zh: string, en: string) => string): string {
  const found = findAccidentType(code);
  return found ? bilingual(found.type.zh, found.type.en) : code;
}
