import { Rational } from './rational.ts';

/** 重大危险源 level: 1 (一级, highest) … 4 (四级). */
export type MajorHazardLevel = 1 | 2 | 3 | 4;

/**
 * Levels by R (GB 18218-2018, standards.md §1.7, confirmed by two sources). Each band includes its
 * lower bound and excludes the upper one: R = 100 is 一级, R = 50 二级, R = 10 三级.
 */
export interface MajorHazardLevelBand {
  readonly level: MajorHazardLevel;
  /** Inclusive lower bound of R; null for the bottom band. */
  readonly minR: string | null;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly rangeText: string;
}

const levelFour: MajorHazardLevelBand = {
  level: 4,
  minR: null,
  nameZh: '四级',
  nameEn: 'level 4',
  rangeText: 'R < 10',
};

export const majorHazardLevelBands: readonly MajorHazardLevelBand[] = [
  { level: 1, minR: '100', nameZh: '一级', nameEn: 'level 1', rangeText: 'R ≥ 100' },
  { level: 2, minR: '50', nameZh: '二级', nameEn: 'level 2', rangeText: '50 ≤ R < 100' },
  { level: 3, minR: '10', nameZh: '三级', nameEn: 'level 3', rangeText: '10 ≤ R < 50' },
  levelFour,
];

/** The band R falls in; R is compared exactly. */
export function majorHazardLevelBand(r: Rational): MajorHazardLevelBand {
  return (
    majorHazardLevelBands.find(
      (candidate) => candidate.minR !== null && r.isAtLeast(Rational.fromDecimal(candidate.minR)),
    ) ?? levelFour
  );
}
