import { describe, expect, it } from 'vitest';
import { majorHazardRequestSchema } from './major-hazard.schema.ts';

const valid = { items: [{ substance: '液氯', quantityTonnes: '12.5' }], exposedPopulation: 0 };

describe('majorHazardRequestSchema', () => {
  it.each([
    ['a decimal string quantity', valid],
    ['a number quantity', { items: [{ substance: '氯', quantityTonnes: 0.3 }], exposedPopulation: 120 }],
    [
      'a category for β',
      {
        items: [{ substance: '液化石油气', quantityTonnes: '60', betaCategory: 'W2' }],
        exposedPopulation: 5,
      },
    ],
    [
      'a tiny positive quantity',
      { items: [{ substance: 'J1', quantityTonnes: '0.000000000001' }], exposedPopulation: 0 },
    ],
  ])('accepts %s', (_name, body) => {
    expect(majorHazardRequestSchema.safeParse(body).success).toBe(true);
  });

  it('trims the substance and the quantity text', () => {
    const parsed = majorHazardRequestSchema.parse({
      items: [{ substance: ' 氯 ', quantityTonnes: ' 5 ' }],
      exposedPopulation: 0,
    });
    expect(parsed.items[0]).toEqual({ substance: '氯', quantityTonnes: '5' });
  });

  it.each([
    ['no items', { items: [], exposedPopulation: 0 }],
    ['a zero quantity', { items: [{ substance: '氯', quantityTonnes: '0' }], exposedPopulation: 0 }],
    [
      'a zero decimal quantity',
      { items: [{ substance: '氯', quantityTonnes: '0.000' }], exposedPopulation: 0 },
    ],
    ['a zero number quantity', { items: [{ substance: '氯', quantityTonnes: 0 }], exposedPopulation: 0 }],
    ['a negative quantity', { items: [{ substance: '氯', quantityTonnes: '-1' }], exposedPopulation: 0 }],
    [
      'an exponent in the text',
      { items: [{ substance: '氯', quantityTonnes: '1e3' }], exposedPopulation: 0 },
    ],
    [
      'a thousands separator',
      { items: [{ substance: '氯', quantityTonnes: '1,000' }], exposedPopulation: 0 },
    ],
    ['an empty substance', { items: [{ substance: ' ', quantityTonnes: '1' }], exposedPopulation: 0 }],
    [
      'an unknown category',
      { items: [{ substance: '苯', quantityTonnes: '1', betaCategory: 'W12' }], exposedPopulation: 0 },
    ],
    ['a fractional population', { ...valid, exposedPopulation: 1.5 }],
    ['a negative population', { ...valid, exposedPopulation: -1 }],
    ['a missing population', { items: valid.items }],
    ['an unknown field', { ...valid, enterpriseId: 'x' }],
  ])('refuses %s', (_name, body) => {
    expect(majorHazardRequestSchema.safeParse(body).success).toBe(false);
  });

  it('describes its fields for the OpenAPI document', () => {
    expect(majorHazardRequestSchema.shape.exposedPopulation.description).toMatch(/500 m/);
  });
});
