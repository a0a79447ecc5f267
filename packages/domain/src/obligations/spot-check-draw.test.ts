import { describe, expect, it } from 'vitest';
import { agencyCreditConsequence, agencyCreditStanding, defaultSpotCheckProblems } from './agency-credit.ts';
import { drawSpotCheckSample, spotCheckSampleSize } from './spot-check-draw.ts';

const seed = 'a'.repeat(64);
const pool = Array.from({ length: 40 }, (_, i) => `id-${String(i).padStart(2, '0')}`);

describe('spot-check draw', () => {
  it.each<[number, { count: number } | { percent: number }, number]>([
    [40, { count: 5 }, 5],
    [3, { count: 5 }, 3],
    [40, { percent: 10 }, 4],
    [41, { percent: 10 }, 5],
    [0, { percent: 10 }, 0],
  ])('of %i takes %o → %i', (poolSize, size, expected) => {
    expect(spotCheckSampleSize(poolSize, size)).toBe(expected);
  });

  it('gives the same picks for the same seed whatever the pool order, and others for another seed', () => {
    const picks = drawSpotCheckSample(pool, { count: 6 }, seed);
    expect(picks).toHaveLength(6);
    expect(new Set(picks).size).toBe(6);
    expect(drawSpotCheckSample([...pool].reverse(), { count: 6 }, seed)).toEqual(picks);
    expect(drawSpotCheckSample(pool, { count: 6 }, 'b'.repeat(64))).not.toEqual(picks);
  });
});

describe('agency credit', () => {
  it.each<[string, 'minor' | 'serious', { kind: string; points: number } | null]>([
    ['false_conclusion', 'minor', { kind: 'deduction', points: 10 }],
    ['false_conclusion', 'serious', { kind: 'bad_record', points: 20 }],
    ['fabricated_data', 'minor', { kind: 'blacklist', points: 100 }],
    ['unknown', 'minor', null],
  ])('%s (%s) gives %o', (problem, severity, expected) => {
    expect(agencyCreditConsequence({ problem, severity }, defaultSpotCheckProblems)).toEqual(expected);
  });

  it('scores 100 less the points, not below 0, and a blacklist record blacklists', () => {
    expect(agencyCreditStanding([])).toEqual({ score: 100, blacklisted: false });
    expect(
      agencyCreditStanding([
        { kind: 'deduction', points: 10 },
        { kind: 'bad_record', points: 20 },
      ]),
    ).toEqual({ score: 70, blacklisted: false });
    expect(
      agencyCreditStanding([
        { kind: 'blacklist', points: 100 },
        { kind: 'deduction', points: 5 },
      ]),
    ).toEqual({
      score: 0,
      blacklisted: true,
    });
  });
});
