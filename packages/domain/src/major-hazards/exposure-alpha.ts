import { MajorHazardError } from './major-hazard.errors.ts';

/**
 * Correction factor α for the people exposed outside the plant (GB 18218-2018, standards.md §1.6,
 * confirmed by two sources): the resident population within 500 m of the plant boundary.
 * Bands are whole numbers of people; each band includes both of its ends.
 */
export interface Gb18218AlphaBand {
  readonly minPeople: number;
  /** Inclusive upper end; null for the open top band. */
  readonly maxPeople: number | null;
  readonly alpha: string;
  readonly labelZh: string;
  readonly labelEn: string;
}

export const gb18218AlphaBands: readonly Gb18218AlphaBand[] = [
  { minPeople: 100, maxPeople: null, alpha: '2.0', labelZh: '100人以上', labelEn: '100 or more' },
  { minPeople: 50, maxPeople: 99, alpha: '1.5', labelZh: '50～99人', labelEn: '50 to 99' },
  { minPeople: 30, maxPeople: 49, alpha: '1.2', labelZh: '30～49人', labelEn: '30 to 49' },
  { minPeople: 1, maxPeople: 29, alpha: '1.0', labelZh: '1～29人', labelEn: '1 to 29' },
  { minPeople: 0, maxPeople: 0, alpha: '0.5', labelZh: '0人', labelEn: 'none' },
];

/** The α band of a head count (an integer ≥ 0). */
export function gb18218AlphaBand(exposedPopulation: number): Gb18218AlphaBand {
  const band = Number.isSafeInteger(exposedPopulation)
    ? gb18218AlphaBands.find((candidate) => exposedPopulation >= candidate.minPeople)
    : undefined;
  if (!band) throw new MajorHazardError('major_hazard.invalid_population', { input: exposedPopulation });
  return band;
}
