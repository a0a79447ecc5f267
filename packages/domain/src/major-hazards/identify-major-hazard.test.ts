import { describe, expect, it } from 'vitest';
import { identifyMajorHazard, type MajorHazardItemInput } from './identify-major-hazard.ts';
import { MajorHazardError } from './major-hazard.errors.ts';
import { majorHazardResponseSchema } from './major-hazard.schema.ts';

const unit = (items: MajorHazardItemInput[], exposedPopulation = 0) =>
  identifyMajorHazard({ items, exposedPopulation });

function errorOf(action: () => unknown): MajorHazardError {
  try {
    action();
  } catch (error) {
    if (error instanceof MajorHazardError) return error;
    throw error;
  }
  throw new Error('expected a MajorHazardError');
}

describe('identifyMajorHazard: S and the S ≥ 1 threshold', () => {
  const q = (substance: string, quantityTonnes: string | number) => ({ substance, quantityTonnes });
  it.each<[string, string, boolean, MajorHazardItemInput[]]>([
    ['chlorine at its Q (5 t)', '1.0000', true, [q('氯', '5')]],
    ['phosgene at its Q (0.3 t)', '1.0000', true, [q('光气', 0.3)]],
    ['ammonia by CAS at its Q (10 t)', '1.0000', true, [q('7664-41-7', '10')]],
    ['chlorine 3 t + ammonia 4 t', '1.0000', true, [q('氯', 3), q('氨', 4)]],
    ['three times 0.1 t of phosgene', '1.0000', true, [q('光气', '0.1'), q('光气', '0.1'), q('光气', '0.1')]],
    [
      '0.7 + 0.2 + 0.1 t of Q = 1 t gases (floating point sums to 0.9999999999999999)',
      '1.0000',
      true,
      [q('氟化氢', 0.7), q('二氧化氮', 0.2), q('磷化氢', 0.1)],
    ],
    ['chlorine 4.99999999999999999 t (a float reads 5)', '0.9999', false, [q('氯', '4.99999999999999999')]],
    [
      '0.7 + 0.2 + 0.0999999999999999999 t of Q = 1 t gases',
      '0.9999',
      false,
      [q('氟化氢', '0.7'), q('二氧化氮', '0.2'), q('磷化氢', '0.0999999999999999999')],
    ],
    ['hydrogen sulfide 4.9 t', '0.9800', false, [q('硫化氢', '4.9')]],
  ])('%s → S = %s, major: %s', (_name, s, isMajor, items) => {
    const result = unit(items, 10);
    expect([result.s, result.isMajor]).toEqual([s, isMajor]);
  });

  it('does not grade a unit below the threshold and needs no β for it', () => {
    const result = unit([{ substance: '液化石油气', quantityTonnes: '49.99' }], 500);
    expect(result).toMatchObject({ s: '0.9998', isMajor: false, alpha: null, r: null, level: null });
    expect(result.items[0]).toMatchObject({ code: 'T1-52', ratio: '0.9998', beta: null, betaSource: null });
  });
});

describe('identifyMajorHazard: R and the level', () => {
  it.each([
    // chlorine: Q = 5 t, β = 4. R = α × 4 × q/5.
    ['12.4999', 29, '1.0', '9.9999', 4],
    ['12.5', 29, '1.0', '10.0000', 3],
    ['12.5', 30, '1.2', '12.0000', 3],
    ['31.2499999', 100, '2.0', '49.9999', 3],
    ['31.25', 100, '2.0', '50.0000', 2],
    ['41.6666666', 49, '1.2', '39.9999', 3],
    ['62.4999999', 100, '2.0', '99.9999', 2],
    ['62.5', 100, '2.0', '100.0000', 1],
    ['62.5', 99, '1.5', '75.0000', 2],
    ['125', 0, '0.5', '50.0000', 2],
    ['5', 0, '0.5', '2.0000', 4],
  ])('chlorine %s t with %i people → α = %s, R = %s, level %i', (q, people, alpha, r, level) => {
    const result = unit([{ substance: '液氯', quantityTonnes: q }], people);
    expect([result.alpha, result.r, result.level]).toEqual([alpha, r, level]);
  });

  it('sums a mixture of Table 3 gases, a Table 1 chemical with its category and a Table 2 category', () => {
    const result = unit(
      [
        { substance: '硫化氢', quantityTonnes: '10' }, // 10/5 = 2, β 5
        { substance: '7782-50-5', quantityTonnes: '10' }, // 10/5 = 2, β 4
        { substance: '液化石油气', quantityTonnes: '100', betaCategory: 'W2' }, // 100/50 = 2, β 1.5
        { substance: 'W5.3', quantityTonnes: '500' }, // 500/1000 = 0.5, β 1
      ],
      100,
    );
    // S = 6.5; Σβ·q/Q = 10 + 8 + 3 + 0.5 = 21.5; R = 2 × 21.5 = 43 → 三级
    expect(result).toMatchObject({ s: '6.5000', isMajor: true, alpha: '2.0', r: '43.0000', level: 3 });
    expect(result.items.map((item) => [item.code, item.ratio, item.beta, item.betaSource])).toEqual([
      ['T1-10', '2.0000', '5', 'table3'],
      ['T1-12', '2.0000', '4', 'table3'],
      ['T1-52', '2.0000', '1.5', 'table4_category'],
      ['W5.3', '0.5000', '1', 'table4_category'],
    ]);
  });

  it('grades chlorine 3 t + ammonia 4 t with 60 people as 四级 (R = 1.5 × 3.2 = 4.8)', () => {
    const result = unit(
      [
        { substance: '氯', quantityTonnes: 3 },
        { substance: '氨', quantityTonnes: 4 },
      ],
      60,
    );
    expect([result.s, result.alpha, result.r, result.level]).toEqual(['1.0000', '1.5', '4.8000', 4]);
  });

  it('truncates display values instead of rounding them up to a threshold', () => {
    const result = identifyMajorHazard(
      { items: [{ substance: '氯', quantityTonnes: '4.99999' }], exposedPopulation: 0 },
      { displayPlaces: 2 },
    );
    expect([result.s, result.isMajor]).toEqual(['0.99', false]);
  });
});

describe('identifyMajorHazard: steps', () => {
  it('explains a single chlorine tank step by step in both languages', () => {
    const result = unit([{ substance: '液氯', quantityTonnes: '15' }], 120);
    expect(result.steps).toEqual([
      {
        kind: 'ratio',
        zh: '第1项 氯（表1第12项，CAS 7782-50-5）：q/Q = 15 t / 5 t = 3.0000',
        en: 'Item 1 Chlorine (Table 1 row 12, CAS 7782-50-5): q/Q = 15 t / 5 t = 3.0000',
      },
      { kind: 'sum', zh: 'S = 3.0000（精确值比较）', en: 'S = 3.0000 (compared exactly)' },
      {
        kind: 'identification',
        zh: 'S = 3.0000 ≥ 1，该单元构成危险化学品重大危险源，进行分级',
        en: 'S = 3.0000 ≥ 1: the unit is a major hazard source; it is graded',
      },
      {
        kind: 'beta',
        zh: '第1项 氯：列入表3（毒性气体校正系数），β = 4',
        en: 'Item 1 Chlorine: listed in Table 3 (toxic gases), β = 4',
      },
      {
        kind: 'alpha',
        zh: '厂区外500 m范围内暴露人员 120 人，属“100人以上”档，α = 2.0',
        en: '120 people exposed within 500 m outside the plant: band "100 or more", α = 2.0',
      },
      {
        kind: 'r',
        zh: 'R = α × Σ(βᵢ × qᵢ/Qᵢ) = 2.0 × (4 × 3.0000) = 2.0 × 12.0000 = 24.0000',
        en: 'R = α × Σ(βᵢ × qᵢ/Qᵢ) = 2.0 × (4 × 3.0000) = 2.0 × 12.0000 = 24.0000',
      },
      {
        kind: 'level',
        zh: 'R = 24.0000，10 ≤ R < 50，为三级重大危险源',
        en: 'R = 24.0000; 10 ≤ R < 50: level 3 major hazard source',
      },
    ]);
  });

  it('tells the user to check the condition of a row found by its bare name', () => {
    const [step] = unit([{ substance: '甲醛', quantityTonnes: '1' }]).steps;
    expect(step?.zh).toBe(
      '第1项 甲醛(含量>90%)（表1第8项，CAS 50-00-0；按名称匹配到带条件的条目，请确认满足条件）：q/Q = 1 t / 5 t = 0.2000',
    );
  });

  it('says which β was assumed from the configured fallback', () => {
    const result = identifyMajorHazard(
      { items: [{ substance: '三氧化硫', quantityTonnes: '75' }], exposedPopulation: 0 },
      { fallbackBeta: '1' },
    );
    expect(result.steps.find((step) => step.kind === 'beta')?.zh).toBe(
      '第1项 三氧化硫：未列入表3且未指定危险性类别，按配置的默认值取值（需核实），β = 1',
    );
    expect(result.items[0]?.betaSource).toBe('fallback');
  });

  it('produces answers that fit the response schema', () => {
    const major = unit(
      [
        { substance: '氯', quantityTonnes: '5' },
        { substance: 'J1', quantityTonnes: '1' },
      ],
      40,
    );
    const minor = unit([{ substance: '氯', quantityTonnes: '1' }]);
    expect(majorHazardResponseSchema.parse(major)).toEqual(major);
    expect(majorHazardResponseSchema.parse(minor)).toEqual(minor);
  });
});

describe('identifyMajorHazard: β of Table 1 chemicals from their default hazard category', () => {
  // Hand-computed: S = Σ q/Q; R = α·Σ β·q/Q; levels by R (≥100 一级, ≥50 二级, ≥10 三级, else 四级).
  it.each<[string, MajorHazardItemInput[], number, string, string, string, number, string[]]>([
    // LPG 100 t / Q 50 = 2; β 1.5 (W2); α 0.5 (nobody) → R = 0.5 × 3 = 1.5
    [
      '液化石油气 100 t',
      [{ substance: '液化石油气', quantityTonnes: '100' }],
      0,
      '2.0000',
      '0.5',
      '1.5000',
      4,
      ['W2'],
    ],
    // 汽油 1000/200 = 5, 甲醇 600/500 = 1.2 → S 6.2; β 1 each (W5.3); α 1.2 (40 people) → R 7.44
    [
      '汽油 1000 t + 甲醇 600 t',
      [
        { substance: '汽油', quantityTonnes: '1000' },
        { substance: '甲醇', quantityTonnes: '600' },
      ],
      40,
      '6.2000',
      '1.2',
      '7.4400',
      4,
      ['W5.3', 'W5.3'],
    ],
    // 二氟化氧 2/1 = 2; J1 (β 4) beats W4 (β 1); α 2.0 (150 people) → R = 2 × 8 = 16
    [
      '二氟化氧 2 t',
      [{ substance: '二氟化氧', quantityTonnes: '2' }],
      150,
      '2.0000',
      '2.0',
      '16.0000',
      3,
      ['J1'],
    ],
    // 硝酸铵(>0.2%) 10/5 = 2, β 2 (W1.1); 氯 10/5 = 2, β 4 (Table 3) → S 4, Σβq/Q 12; α 1.5 → R 18
    [
      '硝酸铵 10 t + 氯 10 t',
      [
        { substance: 'T1-43', quantityTonnes: '10' },
        { substance: '氯', quantityTonnes: '10' },
      ],
      60,
      '4.0000',
      '1.5',
      '18.0000',
      3,
      ['W1.1', ''],
    ],
    // 乙炔 40/1 = 40, β 1.5 (W2); α 2.0 → R = 2 × 60 = 120
    [
      '乙炔 40 t',
      [{ substance: '乙炔', quantityTonnes: '40' }],
      100,
      '40.0000',
      '2.0',
      '120.0000',
      1,
      ['W2'],
    ],
  ])('%s', (_label, items, population, s, alpha, r, level, categories) => {
    const result = unit(items, population);
    expect([result.s, result.alpha, result.r, result.level]).toEqual([s, alpha, r, level]);
    expect(result.items.map((item) => item.betaCategory ?? '')).toEqual(categories);
  });

  it('says which default category set β, and that an unconfirmed one is to be checked', () => {
    const result = unit([{ substance: '二氟化氧', quantityTonnes: '2' }]);
    expect(result.items[0]).toMatchObject({
      betaSource: 'table4_default',
      betaCategory: 'J1',
      betaDefaultCategories: ['J1', 'W4'],
      betaDefaultConfirmed: false,
    });
    expect(result.steps.find((step) => step.kind === 'beta')?.zh).toBe(
      '第1项 二氟化氧：未列入表3，按GHS分类的默认危险性类别 J1、W4 中校正系数最大的 J1（急性毒性）取表4，默认类别待核实，β = 4',
    );
  });

  it('uses the category the caller gives instead of the default', () => {
    const result = unit([{ substance: '苯', quantityTonnes: '100', betaCategory: 'W5.1' }]);
    expect([result.items[0]?.beta, result.items[0]?.betaSource, result.r]).toEqual([
      '1.5',
      'table4_category',
      '1.5000',
    ]);
  });
});

describe('identifyMajorHazard: errors', () => {
  it('names the unknown substance', () => {
    const error = errorOf(() =>
      unit([
        { substance: '氯', quantityTonnes: 1 },
        { substance: '水', quantityTonnes: 1 },
      ]),
    );
    expect([error.code, error.details]).toEqual(['major_hazard.unknown_substance', { input: '水' }]);
  });

  it('asks which nitrocellulose row is meant', () => {
    expect(errorOf(() => unit([{ substance: '硝化棉', quantityTonnes: 1 }])).code).toBe(
      'major_hazard.ambiguous_substance',
    );
  });

  it('asks for the category of a Table 1 chemical without a default category once the unit is major', () => {
    const error = errorOf(() => unit([{ substance: '三氧化硫', quantityTonnes: 75 }]));
    expect([error.code, error.details]).toEqual([
      'major_hazard.beta_category_required',
      { input: '三氧化硫', code: 'T1-26' },
    ]);
  });

  it.each(['0', 0, '-1', -1, 'abc', '', Number.NaN])('refuses quantity %j', (quantityTonnes) => {
    const error = errorOf(() => unit([{ substance: '氯', quantityTonnes }]));
    expect([error.code, error.details]).toEqual([
      'major_hazard.invalid_quantity',
      { index: 0, input: quantityTonnes },
    ]);
  });

  it('refuses a negative population', () => {
    expect(errorOf(() => unit([{ substance: '氯', quantityTonnes: 1 }], -1)).code).toBe(
      'major_hazard.invalid_population',
    );
  });
});
