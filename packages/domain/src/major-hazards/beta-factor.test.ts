import { describe, expect, it } from 'vitest';
import { chooseGb18218Beta } from './beta-factor.ts';
import { defaultMajorHazardOptions } from './major-hazard-options.ts';
import { resolveGb18218Substance } from './substance-lookup.ts';
import { gb18218Table1 } from './gb18218-table1.ts';
import { gb18218Table1DefaultCategories } from './gb18218-table1-categories.ts';

const choose = (substance: string, category?: string, options = defaultMajorHazardOptions) =>
  chooseGb18218Beta(resolveGb18218Substance(substance), category, options);

describe('chooseGb18218Beta', () => {
  it.each([
    // substance, category given, β, source, category used
    ['氯', undefined, '4', 'table3', null],
    ['氯', 'W2', '4', 'table3', null],
    ['煤气', undefined, '2', 'table3_via', null],
    ['液化石油气', 'W2', '1.5', 'table4_category', 'W2'],
    ['苯', 'W5.1', '1.5', 'table4_category', 'W5.1'],
    ['苯', 'w5.3', '1', 'table4_category', 'W5.3'],
    ['TNT', 'W1.1', '2', 'table4_category', 'W1.1'],
    ['J1', undefined, '4', 'table4_category', 'J1'],
    ['W5.1', 'W5.3', '1.5', 'table4_category', 'W5.1'],
  ])('%s with category %s → β = %s (%s)', (substance, category, beta, source, used) => {
    const choice = choose(substance, category);
    expect([choice.betaText, choice.source, choice.category?.code ?? null]).toEqual([beta, source, used]);
  });

  it('records a given category that Table 3 or the item category overrides', () => {
    expect(choose('氯', 'W2').ignoredCategory).toBe('W2');
    expect(choose('W5.1', 'W5.3').ignoredCategory).toBe('W5.3');
    expect(choose('W5.1', 'w5.1').ignoredCategory).toBeUndefined();
  });

  it.each([
    // substance, β, category used, all default categories (GB 18218-2018 Table 4 by GHS class)
    ['液化石油气', '1.5', 'W2', ['W2']],
    ['天然气', '1.5', 'W2', ['W2']],
    ['TNT', '2', 'W1.1', ['W1.1']],
    ['苯', '1', 'W5.3', ['W5.3']],
    ['乙醚', '1.5', 'W5.1', ['W5.1']],
    ['氯酸钾', '1', 'W9.1', ['W9.1']],
    ['氧', '1', 'W4', ['W4']],
    // several categories: the largest β (J1 = 4 over W4 = 1; J3 = 2 over W2 = 1.5)
    ['二氟化氧', '4', 'J1', ['J1', 'W4']],
    ['砷化氢', '2', 'J3', ['J3', 'W2']],
  ])('%s without a category → default β = %s from %s', (substance, beta, used, all) => {
    const choice = choose(substance);
    expect([choice.betaText, choice.source, choice.category?.code, choice.defaultCategories]).toEqual([
      beta,
      'table4_default',
      used,
      all,
    ]);
  });

  it('lets the caller override the default category', () => {
    const choice = choose('苯', 'W5.1');
    expect([choice.betaText, choice.source, choice.category?.code]).toEqual([
      '1.5',
      'table4_category',
      'W5.1',
    ]);
  });

  it('still asks for a category for a Table 1 chemical with no Table 2 category (三氧化硫)', () => {
    expect(() => choose('三氧化硫')).toThrow('major_hazard.beta_category_required');
  });

  it('knows a default for every Table 1 row outside Table 3 but 三氧化硫', () => {
    const missing = gb18218Table1
      .filter((row) => row.table3Beta === undefined)
      .filter((row) => !gb18218Table1DefaultCategories[row.row]?.categories.length)
      .map((row) => row.nameZh);
    expect(missing).toEqual(['三氧化硫']);
  });

  it('refuses an unknown category', () => {
    expect(() => choose('苯', 'W99')).toThrow('major_hazard.unknown_category');
  });

  it('uses the configured fallback β when one is set', () => {
    const choice = choose('三氧化硫', undefined, { ...defaultMajorHazardOptions, fallbackBeta: '1.5' });
    expect([choice.betaText, choice.source]).toEqual(['1.5', 'fallback']);
  });

  it('treats 煤气 like other rows outside Table 3 when the inferred β is switched off', () => {
    const options = { ...defaultMajorHazardOptions, applyInferredTable3Beta: false };
    expect([choose('煤气', undefined, options).betaText, choose('煤气', undefined, options).source]).toEqual([
      '2',
      'table4_default',
    ]);
    expect(choose('煤气', 'W2', options).betaText).toBe('1.5');
  });
});
