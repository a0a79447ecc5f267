import { describe, expect, it } from 'vitest';
import { consequenceChemicals } from './consequence-chemicals.ts';
import { ConsequenceError } from './consequence.errors.ts';
import { ppmToMgPerM3 } from './concentration-units.ts';
import { findConsequenceChemical, requireConsequenceChemical } from './find-consequence-chemical.ts';

function table(key: string) {
  const chemical = consequenceChemicals.find((c) => c.key === key);
  if (chemical === undefined) throw new Error(key);
  return chemical;
}

describe('unit conversion at 25 °C (consequence-models.md §1.1)', () => {
  // The reference prints 1 ppm in mg/m³ to 4 significant figures.
  it.each([
    ['chlorine', 2.898],
    ['ammonia', 0.6961],
    ['hydrogen_sulfide', 1.393],
    ['phosphine', 1.39],
    ['hydrogen_chloride', 1.49],
    ['carbon_monoxide', 1.145],
    ['sulfur_dioxide', 2.619],
    ['phosphorus_trichloride', 5.613],
  ])('1 ppm of %s = %s mg/m³', (key, mg) => {
    expect(Math.abs(ppmToMgPerM3(1, table(key).molarMassGPerMol ?? NaN) / mg - 1)).toBeLessThan(5e-4);
  });
});

describe('threshold data (consequence-models.md §4)', () => {
  // §4 "Equivalent mass concentrations at 25 °C of the 60-min AEGLs", printed to 3–4 figures: this
  // checks the ppm entered in the table and the molar masses together.
  it.each([
    ['chlorine', [1.45, 5.8, 57.96]],
    ['ammonia', [20.9, 111.4, 765.7]],
    ['hydrogen_sulfide', [0.71, 37.6, 69.6]],
  ] as const)('%s AEGL-1/2/3 = %j mg/m³', (key, mg) => {
    const chemical = table(key);
    const m = chemical.molarMassGPerMol ?? NaN;
    ([1, 2, 3] as const).forEach((tier, i) => {
      expect(ppmToMgPerM3(chemical.aeglPpm?.[tier] ?? NaN, m) / (mg[i] ?? NaN)).toBeCloseTo(1, 2);
    });
  });

  it('phosphine AEGL-2/3 = 2.78 / 5.00 mg/m³, AEGL-1 not recommended', () => {
    const p = table('phosphine');
    expect(p.aeglPpm?.[1]).toBeNull();
    expect(ppmToMgPerM3(p.aeglPpm?.[2] ?? NaN, 34)).toBeCloseTo(2.78, 2);
    expect(ppmToMgPerM3(p.aeglPpm?.[3] ?? NaN, 34)).toBeCloseTo(5.0, 2);
  });

  it.each([
    ['methane', 32.8],
    ['propane', 37.9],
    ['n_butane', 38.0],
    ['acetylene', 26.6],
    ['hydrogen', 3.3],
    ['ammonia', 104],
    ['hydrogen_sulfide', 55.7],
    ['carbon_monoxide', 143],
  ])('LEL of %s = %s g/m³', (key, g) => {
    const chemical = table(key);
    const mg = ppmToMgPerM3(
      (chemical.lowerFlammableLimitVolPct ?? NaN) * 1e4,
      chemical.molarMassGPerMol ?? NaN,
    );
    expect(mg / 1000 / g).toBeCloseTo(1, 2);
  });

  it('keeps the AEGLs by duration for chlorine, ammonia and H2S', () => {
    expect(table('chlorine').aeglByDurationPpm?.[3]).toEqual([50, 28, 20, 10, 7.1]);
    expect(table('ammonia').aeglByDurationPpm?.[2]).toEqual([220, 220, 160, 110, 110]);
    expect(table('hydrogen_sulfide').aeglByDurationPpm?.[1]).toEqual([0.75, 0.6, 0.51, 0.36, 0.33]);
  });

  it('marks the gases the reference calls dense (§1.4)', () => {
    const dense = consequenceChemicals.filter((c) => c.buoyancy === 'dense').map((c) => c.key);
    expect(dense).toEqual(expect.arrayContaining(['chlorine', 'hydrogen_sulfide', 'propane', 'lpg']));
    expect(table('ammonia').buoyancy).toBe('dense_if_liquefied');
    expect(table('hydrogen').buoyancy).toBe('buoyant');
  });

  it('uses the handbook lower heating values (MJ/kg)', () => {
    expect(
      Object.fromEntries(
        consequenceChemicals
          .filter((c) => c.heatOfCombustionMjPerKg !== null)
          .map((c) => [c.key, c.heatOfCombustionMjPerKg]),
      ),
    ).toEqual({
      ammonia: 18.6,
      hydrogen_sulfide: 15.2,
      carbon_monoxide: 10.1,
      propane: 46.35,
      n_butane: 45.7,
      lpg: 46,
      methane: 50,
      acetylene: 48.2,
      hydrogen: 120,
      ethylene: 47.2,
      gasoline: 43.7,
    });
  });

  it('never gives two chemicals the same key, name, alias or CAS number', () => {
    const owner = new Map<string, string>();
    for (const c of consequenceChemicals) {
      for (const name of [c.key, c.nameZh, c.nameEn, ...c.aliases, ...c.cas]) {
        const key = name.toLowerCase();
        expect(owner.get(key) ?? c.key, name).toBe(c.key);
        owner.set(key, c.key);
      }
    }
  });
});

describe('findConsequenceChemical', () => {
  it.each([
    ['氯', 'chlorine'],
    ['液氯', 'chlorine'],
    ['Chlorine', 'chlorine'],
    ['  chlorine ', 'chlorine'],
    ['7782-50-5', 'chlorine'],
    ['7782505', 'chlorine'],
    ['７７８２－５０－５', 'chlorine'],
    ['液氨', 'ammonia'],
    ['7664-41-7', 'ammonia'],
    ['LPG', 'lpg'],
    ['液化石油气', 'lpg'],
    ['68476-85-7', 'lpg'],
    ['天然气', 'methane'],
    ['LNG', 'methane'],
    ['三氯氧磷', 'phosphorus_oxychloride'],
    ['电石气', 'acetylene'],
    ['n-Butane', 'n_butane'],
  ])('%s → %s', (query, key) => {
    expect(findConsequenceChemical(query)?.key).toBe(key);
  });

  it('answers undefined, or the coded error, for a chemical outside the table', () => {
    expect(findConsequenceChemical('苯')).toBeUndefined();
    try {
      requireConsequenceChemical('苯');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConsequenceError);
      expect((error as ConsequenceError).code).toBe('calc.consequence_unknown_chemical');
      expect((error as ConsequenceError).details).toEqual({ chemical: '苯' });
    }
  });
});
