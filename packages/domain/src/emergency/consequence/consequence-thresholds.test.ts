import { describe, expect, it } from 'vitest';
import { defaultThresholds, resolveThreshold } from './consequence-thresholds.ts';
import { ConsequenceError } from './consequence.errors.ts';
import { requireConsequenceChemical } from './find-consequence-chemical.ts';

const chemical = requireConsequenceChemical;

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof ConsequenceError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('defaultThresholds (ALOHA order AEGL → ERPG → IDLH, consequence-models.md §1.10)', () => {
  it('uses the 60-min AEGLs of chlorine, red / orange / yellow', () => {
    const { thresholds, missingTiers } = defaultThresholds(chemical('chlorine'));
    expect(thresholds.map((t) => [t.id, t.ppm, t.colour])).toEqual([
      ['AEGL-3', 20, 'red'],
      ['AEGL-2', 2, 'orange'],
      ['AEGL-1', 0.5, 'yellow'],
    ]);
    // §4 prints 57.96 mg/m³; 20 × 70.91 / 24.4654 = 57.968.
    expect(thresholds[0]?.mgPerM3).toBeCloseTo(57.96, 1);
    expect(missingTiers).toEqual([]);
  });

  it('falls back to ERPG when there is no AEGL (PCl3)', () => {
    const { thresholds } = defaultThresholds(chemical('三氯化磷'));
    expect(thresholds.map((t) => [t.id, t.ppm])).toEqual([
      ['ERPG-3', 15],
      ['ERPG-2', 3],
      ['ERPG-1', 0.5],
    ]);
  });

  it('leaves out a tier without any value and names it (phosphine AEGL-1 NR, no ERPG-1)', () => {
    const { thresholds, missingTiers } = defaultThresholds(chemical('磷化氢'));
    expect(thresholds.map((t) => t.id)).toEqual(['AEGL-3', 'AEGL-2']);
    expect(missingTiers).toEqual([1]);
  });

  it('draws 60 % and 10 % LEL for a flammable gas (propane LEL 2.1 %)', () => {
    const { thresholds } = defaultThresholds(chemical('丙烷'));
    expect(thresholds.map((t) => [t.id, t.ppm, t.tier, t.colour])).toEqual([
      ['LEL60', 12_600, 3, 'red'],
      ['LEL10', 2100, 1, 'yellow'],
    ]);
  });

  it.each(['氮气', '氧气', '三氯氧磷', '汽油', '乙烯'])(
    'has no default for %s: the user must give a concentration',
    (name) => {
      expect(codeOf(() => defaultThresholds(chemical(name)))).toBe('calc.consequence_threshold_unavailable');
    },
  );
});

describe('resolveThreshold', () => {
  it('reads IDLH and ERPG values of the table', () => {
    expect(resolveThreshold(chemical('氨'), 'IDLH')).toMatchObject({ ppm: 300, tier: 2, provenance: 'V' });
    expect(resolveThreshold(chemical('硫化氢'), 'ERPG-2')).toMatchObject({ ppm: 30, tier: 2 });
  });

  it('converts a custom ppm threshold and keeps a custom mg/m³ one', () => {
    const ppm = resolveThreshold(chemical('氯'), { concentrationPpm: 10, tier: 3 });
    expect(ppm).toMatchObject({ id: 'custom', ppm: 10, colour: 'red', label: '10 ppm', provenance: 'user' });
    expect(ppm.mgPerM3).toBeCloseTo(28.98, 2);
    const mg = resolveThreshold(chemical('汽油'), { concentrationMgPerM3: 500, tier: 1, label: 'odour' });
    expect(mg).toMatchObject({ ppm: null, mgPerM3: 500, label: 'odour', colour: 'yellow' });
  });

  it.each([
    ['氯', 'LEL60', 'calc.consequence_threshold_unavailable'],
    ['磷化氢', 'AEGL-1', 'calc.consequence_threshold_unavailable'],
    ['甲烷', 'AEGL-2', 'calc.consequence_threshold_unavailable'],
  ] as const)('%s has no %s', (name, id, code) => {
    expect(codeOf(() => resolveThreshold(chemical(name), id))).toBe(code);
  });

  it.each([
    [{ tier: 2 as const }],
    [{ concentrationPpm: 1, concentrationMgPerM3: 1, tier: 2 as const }],
    [{ concentrationPpm: -1, tier: 2 as const }],
  ])('rejects the custom threshold %j', (custom) => {
    expect(codeOf(() => resolveThreshold(chemical('氯'), custom))).toBe('calc.consequence_invalid_input');
  });

  it('rejects a ppm threshold for a mixture without molar mass', () => {
    expect(codeOf(() => resolveThreshold(chemical('汽油'), { concentrationPpm: 100, tier: 1 }))).toBe(
      'calc.consequence_invalid_input',
    );
  });
});
