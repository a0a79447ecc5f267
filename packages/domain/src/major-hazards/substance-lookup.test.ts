import { describe, expect, it } from 'vitest';
import { MajorHazardError } from './major-hazard.errors.ts';
import {
  findGb18218ChemicalsByCas,
  findGb18218ChemicalsByName,
  normaliseCasNumber,
  resolveGb18218Substance,
  selectGoverningCategory,
} from './substance-lookup.ts';

function errorOf(action: () => unknown): MajorHazardError {
  try {
    action();
  } catch (error) {
    if (error instanceof MajorHazardError) return error;
    throw error;
  }
  throw new Error('expected a MajorHazardError');
}

describe('resolveGb18218Substance: Table 1 by name, alias and CAS', () => {
  it.each([
    // input, row, Q (t), Table 3 β (null: Table 4 by category), matched by
    ['氯', 12, '5', '4', 'name'],
    ['液氯', 12, '5', '4', 'name'],
    ['氯气', 12, '5', '4', 'name'],
    ['7782-50-5', 12, '5', '4', 'cas'],
    [' 7782 50 5 ', 12, '5', '4', 'cas'],
    ['７７８２－５０－５', 12, '5', '4', 'cas'],
    ['7782505', 12, '5', '4', 'cas'],
    ['氨', 1, '10', '2', 'name'],
    ['液氨', 1, '10', '2', 'name'],
    ['7664-41-7', 1, '10', '2', 'cas'],
    ['硫化氢', 10, '5', '5', 'name'],
    ['7783-06-4', 10, '5', '5', 'cas'],
    ['光气', 6, '0.3', '20', 'name'],
    ['异氰酸甲酯', 30, '0.75', '20', 'name'],
    ['氟化氢', 20, '1', '5', 'name'],
    ['氯化氢', 11, '20', '3', 'base_name'],
    ['二氧化氮', 3, '1', '10', 'name'],
    ['氰化氢', 25, '1', '10', 'name'],
    ['溴甲烷', 17, '10', '3', 'name'],
    ['环氧乙烷', 7, '10', '2', 'name'],
    ['二氧化硫', 4, '20', '2', 'name'],
    ['磷化氢', 9, '1', '20', 'name'],
    ['一氧化碳', 13, '20', '2', 'name'],
    ['煤气', 13, '20', '2', 'name'],
    ['液化石油气', 52, '50', null, 'name'],
    ['丙烷', 52, '50', null, 'name'],
    ['74-98-6', 52, '50', null, 'cas'],
    ['106-97-8', 52, '50', null, 'cas'],
    ['68476-85-7', 52, '50', null, 'cas'],
    ['天然气', 49, '50', null, 'name'],
    ['8006-14-2', 49, '50', null, 'cas'],
    ['氢气', 51, '5', null, 'name'],
    ['汽油', 66, '200', null, 'name'],
    ['苯', 57, '50', null, 'name'],
    ['甲醇', 65, '500', null, 'name'],
    ['tdi', 23, '100', null, 'name'],
    ['电石', 83, '100', null, 'name'],
    ['硝酸钾', 46, '1000', null, 'name'],
    ['甲醛', 8, '5', null, 'base_name'],
    ['甲醛（含量＞90%）', 8, '5', null, 'name'],
    ['硝酸', 81, '100', null, 'base_name'],
    ['T1-12', 12, '5', '4', 'row_code'],
    ['t1-5', 5, '1', null, 'row_code'],
    ['T1-37', 37, '1', null, 'row_code'],
    ['T1-44', 44, '50', null, 'row_code'],
  ])('%s → row %i, Q = %s t, β = %s', (input, row, q, beta, matchedBy) => {
    const found = resolveGb18218Substance(input);
    if (found.kind !== 'table1') throw new Error('expected a Table 1 row');
    expect([
      found.row.row,
      found.row.criticalQuantityTonnes,
      found.row.table3Beta ?? null,
      found.matchedBy,
    ]).toEqual([row, q, beta, matchedBy]);
    expect(found.code).toBe(`T1-${String(row).padStart(2, '0')}`);
  });
});

describe('resolveGb18218Substance: Table 2 categories', () => {
  it.each([
    ['W5.3', 'W5.3', '1000'],
    ['w5.3', 'W5.3', '1000'],
    [' J1 ', 'J1', '5'],
    ['W1.1', 'W1.1', '1'],
  ])('%j → %s, Q = %s t', (input, code, q) => {
    const found = resolveGb18218Substance(input);
    expect([found.kind, found.code, found.row.criticalQuantityTonnes]).toEqual(['table2', code, q]);
  });
});

describe('resolveGb18218Substance: inputs it cannot settle', () => {
  it.each([
    ['硝化纤维素', [37, 38, 39, 40, 41]],
    ['硝化棉', [37, 38, 39, 40, 41]],
    ['9004-70-0', [37, 38, 39, 40, 41, 42]],
    ['硝酸铵', [43, 44]],
    ['6484-52-2', [43, 44]],
  ])('%s is ambiguous between rows %j', (input, rows) => {
    const error = errorOf(() => resolveGb18218Substance(input));
    expect(error.code).toBe('major_hazard.ambiguous_substance');
    expect(error.details.input).toBe(input);
    const candidates = error.details.candidates as { code: string }[];
    expect(candidates.map((candidate) => candidate.code)).toEqual(
      rows.map((row) => `T1-${String(row).padStart(2, '0')}`),
    );
  });

  it.each(['水', '1234-56-7', 'W12', 'T1-86', '氯化钠'])('%s is unknown', (input) => {
    const error = errorOf(() => resolveGb18218Substance(input));
    expect(error.code).toBe('major_hazard.unknown_substance');
    expect(error.details).toEqual({ input });
  });
});

describe('lookup helpers', () => {
  it.each([
    ['7782-50-5', '7782-50-5'],
    ['7782 - 50 - 5', '7782-50-5'],
    ['7782–50–5', '7782-50-5'],
    ['10102440', '10102-44-0'],
    ['氯', null],
    ['12-3', null],
  ])('normalises CAS %j to %j', (input, expected) => {
    expect(normaliseCasNumber(input)).toBe(expected);
  });

  it('finds every row of a shared name or CAS', () => {
    expect(findGb18218ChemicalsByName('硝化纤维素溶液').map((row) => row.row)).toEqual([42]);
    expect(findGb18218ChemicalsByCas('6484-52-2').map((row) => row.row)).toEqual([43, 44]);
    expect(findGb18218ChemicalsByName('不存在')).toEqual([]);
  });

  it.each([
    [['J5', 'W5.3'], 'J5'],
    [['W5.4', 'W2', 'J3'], 'W2'],
    [['J3', 'W5.2'], 'J3'],
    [['W5.2', 'J3'], 'J3'],
    [['W1.1'], 'W1.1'],
  ])('takes the lowest Q among %j (ties: higher β) → %s', (codes, expected) => {
    expect(selectGoverningCategory(codes).code).toBe(expected);
  });

  it('refuses an unknown category code', () => {
    expect(errorOf(() => selectGoverningCategory(['J1', 'X9'])).code).toBe('major_hazard.unknown_category');
  });
});
