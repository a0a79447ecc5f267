import { describe, expect, it } from 'vitest';
import { chooseGb18218Beta } from './beta-factor.ts';
import { defaultMajorHazardOptions } from './major-hazard-options.ts';
import { resolveGb18218Substance } from './substance-lookup.ts';

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

  it('asks for a category for a Table 1 chemical outside Table 3', () => {
    expect(() => choose('液化石油气')).toThrow('major_hazard.beta_category_required');
  });

  it('refuses an unknown category', () => {
    expect(() => choose('苯', 'W99')).toThrow('major_hazard.unknown_category');
  });

  it('uses the configured fallback β when one is set', () => {
    const choice = choose('液化石油气', undefined, { ...defaultMajorHazardOptions, fallbackBeta: '1.5' });
    expect([choice.betaText, choice.source]).toEqual(['1.5', 'fallback']);
  });

  it('treats 煤气 like other rows outside Table 3 when the inferred β is switched off', () => {
    const options = { ...defaultMajorHazardOptions, applyInferredTable3Beta: false };
    expect(() => choose('煤气', undefined, options)).toThrow('major_hazard.beta_category_required');
    expect(choose('煤气', 'J3', options).betaText).toBe('2');
  });
});
