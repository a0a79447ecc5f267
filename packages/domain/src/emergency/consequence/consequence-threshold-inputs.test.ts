import { describe, expect, it } from 'vitest';
import { consequenceChemicals } from './consequence-chemicals.ts';
import {
  availableStandardThresholds,
  defaultDispersionThresholds,
  dispersionThresholdRequest,
} from './consequence-threshold-inputs.ts';
import { calculateVce } from './vce-calculator.ts';
import { vceRequestSchema } from './vce.schema.ts';

const chemical = (key: string) => consequenceChemicals.find((c) => c.key === key)!;

describe('dispersion threshold inputs', () => {
  it('pre-fills the calculator defaults: AEGL-3/2/1 for chlorine, 60 % and 10 % LEL for propane', () => {
    expect(defaultDispersionThresholds(chemical('chlorine')).map((r) => [r.tier, r.standard])).toEqual([
      [3, 'AEGL-3'],
      [2, 'AEGL-2'],
      [1, 'AEGL-1'],
    ]);
    expect(defaultDispersionThresholds(chemical('propane')).map((r) => [r.tier, r.standard])).toEqual([
      [3, 'LEL60'],
      [1, 'LEL10'],
    ]);
  });

  it('gives gasoline (no standard level, no molar mass) a concentration in mg/m³ to fill in', () => {
    expect(defaultDispersionThresholds(chemical('gasoline'))).toEqual([
      { tier: 3, standard: null, value: null, unit: 'mg_per_m3' },
    ]);
    expect(availableStandardThresholds(chemical('gasoline'))).toEqual([]);
    expect(availableStandardThresholds(chemical('chlorine'))).toEqual([
      'AEGL-3',
      'AEGL-2',
      'AEGL-1',
      'ERPG-3',
      'ERPG-2',
      'ERPG-1',
      'IDLH',
    ]);
  });

  it('turns the rows into the footprint request and refuses a row without a value', () => {
    expect(
      dispersionThresholdRequest([
        { tier: 3, standard: 'ERPG-3', value: null, unit: 'ppm' },
        { tier: 2, standard: null, value: 500, unit: 'mg_per_m3' },
        { tier: 1, standard: null, value: 5, unit: 'ppm' },
      ]),
    ).toEqual(['ERPG-3', { tier: 2, concentrationMgPerM3: 500 }, { tier: 1, concentrationPpm: 5 }]);
    expect(() => dispersionThresholdRequest([{ tier: 3, standard: null, value: null, unit: 'ppm' }])).toThrow(
      expect.objectContaining({ code: 'calc.consequence_invalid_input' }),
    );
  });
});

describe('the VCE model as people read it', () => {
  it('names its overpressure curve in words, never by its id', () => {
    const answer = calculateVce(vceRequestSchema.parse({ chemical: '液化石油气', fuelMassKg: 1000 }));
    expect(answer.model.zh).toBe('蒸气云爆炸 TNT 当量法（1.8·α 地面爆炸系数，国内能量比例距离超压曲线）');
    expect(answer.model.en).toContain('Chinese energy-scaled curve');
    expect(answer.model.zh).not.toContain('cn_energy_scaled');
    expect(answer.zones.map((z) => [z.overpressureKpa, z.label.zh])).toEqual([
      [44, '重伤边界'],
      [17, '轻伤边界'],
    ]);
  });
});
