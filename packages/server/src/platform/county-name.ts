import { findCounty } from '@anjian/domain';

/** A county's Chinese name for exports; the code itself only when it is not a Yuxi county. */
export function countyNameZh(code: string | null | undefined): string {
  if (!code) return '';
  return findCounty(code)?.nameZh ?? code;
}
