import { describe, expect, it } from 'vitest';
import {
  calcRequestOf,
  emptyUnitDraft,
  filterSubstanceOptions,
  findSubstanceOption,
  incompleteRows,
  isValidQuantity,
  rowsWithProblems,
  substanceOptions,
  unitUpdateOf,
} from './major-hazard-draft.ts';

describe('substance picker options', () => {
  it('offers the 85 Table 1 chemicals and the 24 Table 2 categories', () => {
    expect(substanceOptions.filter((o) => o.table === 1)).toHaveLength(85);
    expect(substanceOptions.filter((o) => o.table === 2)).toHaveLength(24);
  });

  it.each([
    ['液氯', 'T1-12'],
    ['7782-50-5', 'T1-12'],
    ['7782505', 'T1-12'],
    ['光气', 'T1-06'],
    ['CHLORINE', 'T1-12'],
    ['w5.3', 'W5.3'],
    ['急性毒性', 'J1'],
  ])('finds %s as %s', (query, value) => {
    expect(filterSubstanceOptions(query).map((o) => o.value)).toContain(value);
  });

  it('knows which chemicals need a hazard category for β', () => {
    expect(findSubstanceOption('T1-12')?.needsCategory).toBe(false); // 氯: Table 3
    expect(findSubstanceOption('T1-52')?.needsCategory).toBe(true); // 液化石油气
    expect(findSubstanceOption('W2')?.needsCategory).toBe(false);
  });

  it('shows the default category the server uses when none is chosen', () => {
    expect(findSubstanceOption('T1-52')?.defaultCategories).toEqual(['W2']); // 液化石油气: 易燃气体
    expect(findSubstanceOption('T1-02')?.defaultCategories).toEqual(['J1', 'W4']); // 二氟化氧
    expect(findSubstanceOption('T1-26')?.defaultCategories).toEqual([]); // 三氧化硫: must choose
    expect(findSubstanceOption('T1-12')?.defaultCategories).toEqual([]); // 氯: Table 3
  });
});

describe('declaration draft', () => {
  it('accepts decimal tonnes greater than 0 only', () => {
    expect(['12.5', '0.3', ' 5 '].map(isValidQuantity)).toEqual([true, true, true]);
    expect(['0', '0.000', '-1', 'NaN', '1e3', '', '1,5'].map(isValidQuantity)).toEqual(Array(7).fill(false));
  });

  it('previews only complete rows and waits for a whole head count', () => {
    const draft = emptyUnitDraft();
    expect(calcRequestOf(draft)).toBeNull();
    draft.inventory = [
      { substance: 'T1-12', quantityTonnes: '15', betaCategory: '' },
      { substance: 'T1-52', quantityTonnes: '', betaCategory: 'W2' },
    ];
    draft.exposedPopulation = 120;
    expect(calcRequestOf(draft)).toEqual({
      items: [{ substance: 'T1-12', quantityTonnes: '15' }],
      exposedPopulation: 120,
    });
    expect(incompleteRows(draft)).toEqual([1]);
    draft.exposedPopulation = 1.5;
    expect(calcRequestOf(draft)).toBeNull();
  });

  it('builds the request body without empty optional fields', () => {
    const draft = {
      ...emptyUnitDraft(),
      name: ' 液化气罐区 ',
      exposedPopulation: 30,
      inventory: [{ substance: 'T1-52', quantityTonnes: '60', betaCategory: 'W2' }],
    };
    expect(unitUpdateOf(draft)).toEqual({
      name: '液化气罐区',
      kind: 'storage',
      exposedPopulation: 30,
      inventory: [{ substance: 'T1-52', quantityTonnes: '60', betaCategory: 'W2' }],
    });
  });

  it('points the server’s field problems at inventory rows', () => {
    const rows = rowsWithProblems([
      { path: 'inventory.2.substance' },
      { path: 'inventory.0.betaCategory' },
      { path: 'exposedPopulation' },
    ]);
    expect([...rows].sort()).toEqual([0, 2]);
  });
});
