import { builtinRoles, chinaDateTime, chinaIso, findCounty, type DataScope, type Role } from '@anjian/domain';
import type { Locale } from '../i18n/index.ts';

/** `2026-11-29 08:05:03` in Beijing time (UTC+8, no DST), whatever the browser's time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return '—';
  return chinaDateTime(new Date(time));
}

/** `YYYY-MM-DD HH:mm:ss` read as Beijing wall time, to the ISO form with offset the API expects. */
export function beijingWallTimeToIso(wallTime: string): string {
  return chinaIso(wallTime);
}

export function countyName(code: string, locale: Locale): string {
  const county = findCounty(code);
  if (!county) return code;
  return locale === 'en' ? county.nameEn : county.nameZh;
}

interface ScopeTexts {
  city: string;
  enterprise: (id: string, county: string) => string;
  enterpriseOnly: (id: string) => string;
  separator: string;
}

/** A data scope in words: 玉溪市（全市） / 江川区、通海县 / 企业 1a2b3c4d（江川区）. */
export function describeScope(scope: DataScope, locale: Locale, texts: ScopeTexts): string {
  switch (scope.kind) {
    case 'city':
      return texts.city;
    case 'county':
      return scope.counties.map((code) => countyName(code, locale)).join(texts.separator);
    case 'enterprise':
      return scope.county
        ? texts.enterprise(scope.enterpriseId.slice(0, 8), countyName(scope.county, locale))
        : texts.enterpriseOnly(scope.enterpriseId.slice(0, 8));
  }
}

/**
 * The audit log's scope line back to a scope: `city`, `county:530403,530423`, `enterprise:<id>`
 * (the county is not recorded there, so an enterprise scope names only the id). Null when unknown.
 */
export function parseScopeLine(text: string): DataScope | null {
  if (text === 'city') return { kind: 'city' };
  const [kind, rest = ''] = text.split(':', 2);
  if (kind === 'county' && rest) return { kind: 'county', counties: rest.split(',') };
  if (kind === 'enterprise' && rest) return { kind: 'enterprise', enterpriseId: rest, county: '' };
  return null;
}

type RoleNames = Pick<Role, 'code' | 'nameZh' | 'nameEn'>;

/** The role's name in the UI language: from the loaded role list, else the built-in catalogue, else the code. */
export function roleName(code: string, locale: Locale, known: readonly RoleNames[] = []): string {
  const role = known.find((r) => r.code === code) ?? builtinRoles.find((r) => r.code === code);
  if (!role) return code;
  return locale === 'en' ? role.nameEn : role.nameZh;
}
