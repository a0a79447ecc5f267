import { yuxiCity, yuxiCounties } from '../registry/divisions/yuxi-divisions.ts';
import type { VerificationMark } from './time-limit.ts';

/** The 应急管理局 of a division and the prefix of its document numbers (文书编号), e.g. 玉应急. */
export interface EnforcementAgency {
  readonly divisionCode: string;
  readonly nameZh: string;
  readonly nameEn: string;
  /** One-character short name of the division (简称). */
  readonly abbreviation: string;
  readonly numberPrefix: string;
  readonly verification: VerificationMark;
}

/**
 * Short names of Yuxi and its nine counties. 玉应急, 江应急 and 通应急 are the issue's own examples; the
 * others follow the same first-character pattern and are assumptions (NF) until the bureau confirms
 * them — two counties must never share one, which the tests check. Configurable data.
 */
const abbreviations: Readonly<Record<string, string>> = {
  [yuxiCity.code]: '玉',
  '530402': '红',
  '530403': '江',
  '530423': '通',
  '530424': '华',
  '530425': '易',
  '530426': '峨',
  '530427': '新',
  '530428': '元',
  '530481': '澄',
};

export const yuxiEnforcementAgencies: readonly EnforcementAgency[] = Object.freeze(
  [yuxiCity, ...yuxiCounties].map((division) => {
    const abbreviation = abbreviations[division.code]!;
    return {
      divisionCode: division.code,
      nameZh: `${division.nameZh}应急管理局`,
      nameEn: `${division.nameEn} Emergency Management Bureau`,
      abbreviation,
      numberPrefix: `${abbreviation}应急`,
      verification: 'NF' as const,
    };
  }),
);
