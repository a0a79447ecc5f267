import { describe, expect, it } from 'vitest';
import { suggestEvacuation } from './evacuation-radius.ts';

// Rule of consequence-models.md §1.10: isolation = AEGL-3 extent (at least the ERG minimum),
// protective-action distance = AEGL-2 extent, evacuation circle = the larger, rounded up to 10 m.
describe('suggestEvacuation', () => {
  it('takes the AEGL-2 extent as the evacuation radius and the AEGL-3 extent as isolation', () => {
    const result = suggestEvacuation([
      { tier: 3, label: 'AEGL-3', status: 'reached', endM: 412.3 },
      { tier: 2, label: 'AEGL-2', status: 'reached', endM: 1873.2 },
      { tier: 1, label: 'AEGL-1', status: 'reached', endM: 5120 },
    ]);
    expect(result).toMatchObject({
      isolationRadiusM: 412.3,
      protectiveActionDistanceM: 1873.2,
      suggestedEvacuationRadiusM: 1880,
      protectiveBasis: 'AEGL-2',
      lowerBoundOnly: false,
    });
  });

  it('never isolates less than the minimum (ERG 100 m by default)', () => {
    const result = suggestEvacuation([
      { tier: 3, label: 'AEGL-3', status: 'reached', endM: 35 },
      { tier: 2, label: 'AEGL-2', status: 'reached', endM: 80 },
    ]);
    expect(result).toMatchObject({
      isolationRadiusM: 100,
      protectiveActionDistanceM: 80,
      suggestedEvacuationRadiusM: 100,
    });
    expect(
      suggestEvacuation([{ tier: 3, label: 'x', status: 'reached', endM: 35 }], 150).isolationRadiusM,
    ).toBe(150);
  });

  it('uses the least severe zone when there is no tier-2 zone (10 % LEL of a flammable cloud)', () => {
    const result = suggestEvacuation([
      { tier: 3, label: '60% LEL', status: 'reached', endM: 120 },
      { tier: 1, label: '10% LEL', status: 'reached', endM: 455 },
    ]);
    expect(result).toMatchObject({
      protectiveBasis: '10% LEL',
      protectiveActionDistanceM: 455,
      suggestedEvacuationRadiusM: 460,
    });
  });

  it('flags a lower bound when a zone runs past the model range, and copes with no zones', () => {
    expect(
      suggestEvacuation([{ tier: 2, label: 'AEGL-2', status: 'beyond_model_range', endM: 100_000 }])
        .lowerBoundOnly,
    ).toBe(true);
    expect(suggestEvacuation([])).toMatchObject({
      isolationRadiusM: 100,
      suggestedEvacuationRadiusM: 100,
      protectiveBasis: null,
    });
  });

  it('keeps a radius that is already a multiple of 10 m', () => {
    expect(
      suggestEvacuation([{ tier: 2, label: 'AEGL-2', status: 'reached', endM: 1500 }])
        .suggestedEvacuationRadiusM,
    ).toBe(1500);
  });
});
