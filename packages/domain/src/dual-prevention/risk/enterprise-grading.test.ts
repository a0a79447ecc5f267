import { describe, expect, it } from 'vitest';
import {
  defaultEnterpriseGradingRules,
  gradeEnterprise,
  type EnterpriseGradingInput,
  type EnterpriseGradingRules,
} from './enterprise-grading.ts';
import { RiskCalculationError } from './risk-calculation-error.ts';

type Accident = EnterpriseGradingInput['accidents'][number];

const base: EnterpriseGradingInput = {
  assessedOn: '2025-06-01',
  checklistScore: 80,
  operatingSince: null,
  fullTimeFireOrRescueTeam: false,
  standardisationGrade: null,
  accidents: [],
  newProcessWithoutTrials: false,
  plantWithoutFormalDesign: false,
  specialOperatorsUnqualified: false,
};

function accident(occurredOn: string, fields: Partial<Accident> = {}): Accident {
  return { occurredOn, level: 'general', deaths: 0, injured: 1, sociallySignificant: false, ...fields };
}

function grade(fields: Partial<EnterpriseGradingInput>, rules?: EnterpriseGradingRules) {
  return gradeEnterprise({ ...base, ...fields }, rules);
}

function errorOf(action: () => unknown): RiskCalculationError {
  try {
    action();
  } catch (error) {
    if (error instanceof RiskCalculationError) return error;
    throw error;
  }
  throw new Error('expected a RiskCalculationError');
}

describe('colour from the score (应急〔2018〕19号: blue ≥ 90, yellow ≥ 75, orange ≥ 60, red < 60)', () => {
  it.each([
    [100, 'blue', 4],
    [90, 'blue', 4],
    [89.99, 'yellow', 3],
    [75, 'yellow', 3],
    [74.99, 'orange', 2],
    [60, 'orange', 2],
    [59.99, 'red', 1],
    [0, 'red', 1],
  ] as const)('%s → %s (level %s)', (checklistScore, colour, level) => {
    expect(grade({ checklistScore })).toMatchObject({
      score: checklistScore,
      scoreColour: colour,
      colour,
      level,
      redReasons: [],
      adjustments: [],
    });
  });

  it('adds exactly, without floating-point drift at a threshold', () => {
    // 64.1 − 4.1 is 59.99999999999999 in floating point, which would be red.
    const rules: EnterpriseGradingRules = {
      ...defaultEnterpriseGradingRules,
      deduction: { ...defaultEnterpriseGradingRules.deduction, fatalAccident: 4.1 },
    };
    const accidents = [accident('2024-01-01', { deaths: 1 })];
    expect(grade({ checklistScore: 64.1, accidents }, rules)).toMatchObject({ score: 60, colour: 'orange' });
  });
});

describe('bonus items (V1 defaults)', () => {
  it.each([
    [{ fullTimeFireOrRescueTeam: true }, [{ item: 'fire_or_rescue_team', points: 3 }], 90, 'blue'],
    [{ standardisationGrade: 1 }, [{ item: 'standardisation', points: 15 }], 100, 'blue'],
    [{ standardisationGrade: 2 }, [{ item: 'standardisation', points: 5 }], 92, 'blue'],
    [{ standardisationGrade: 3 }, [{ item: 'standardisation', points: 2 }], 89, 'yellow'],
    [{ operatingSince: '2020-06-01' }, [{ item: 'accident_free', points: 5 }], 92, 'blue'],
  ] as const)('%j → %j', (fields, adjustments, score, colour) => {
    expect(grade({ checklistScore: 87, ...fields })).toMatchObject({ adjustments, score, colour });
  });

  it('caps the score at 100 and keeps the bonus items listed', () => {
    const result = grade({ checklistScore: 95, standardisationGrade: 1, fullTimeFireOrRescueTeam: true });
    expect(result.score).toBe(100);
    expect(result.adjustments).toEqual([
      { item: 'fire_or_rescue_team', points: 3 },
      { item: 'standardisation', points: 15 },
    ]);
    expect(
      grade(
        { checklistScore: 95, standardisationGrade: 1 },
        { ...defaultEnterpriseGradingRules, clampScore: false },
      ).score,
    ).toBe(110);
  });

  it('gives the accident-free bonus only after five full years without any accident', () => {
    expect(grade({ operatingSince: '2020-06-01' }).adjustments).toEqual([
      { item: 'accident_free', points: 5 },
    ]);
    expect(grade({ operatingSince: '2020-06-02' }).adjustments).toEqual([]);
    expect(grade({ operatingSince: null }).adjustments).toEqual([]);
    const oldAccident = [accident('2020-05-31', { injured: 0 })];
    expect(grade({ operatingSince: '2010-01-01', accidents: oldAccident }).adjustments).toEqual([
      { item: 'accident_free', points: 5 },
    ]);
    const recentAccident = [accident('2020-06-01', { injured: 0 })];
    expect(grade({ operatingSince: '2010-01-01', accidents: recentAccident }).adjustments).toEqual([]);
  });
});

describe('accident deductions within 3 years (V1 defaults)', () => {
  it.each([
    [accident('2023-01-10', { deaths: 1 }), [{ item: 'fatal_accident', points: -8 }], 72],
    [accident('2022-06-01', { deaths: 2 }), [{ item: 'fatal_accident', points: -8 }], 72],
    [accident('2022-05-31', { deaths: 2 }), [], 80],
    [accident('2024-03-03', { level: 'larger', deaths: 3 }), [{ item: 'larger_accident', points: -10 }], 70],
    [
      accident('2024-03-03', { level: 'larger', deaths: 1, injured: 12 }),
      [{ item: 'larger_accident', points: -10 }],
      70,
    ],
    [
      accident('2024-03-03', { injured: 0, sociallySignificant: true }),
      [{ item: 'socially_significant_accident', points: -5 }],
      75,
    ],
    [accident('2024-03-03', { injured: 2, sociallySignificant: true }), [], 80],
    [accident('2024-03-03', { injured: 0 }), [], 80],
    [accident('2025-06-02', { level: 'larger', deaths: 5 }), [], 80],
  ] as const)('%j → %j', (item, adjustments, score) => {
    expect(grade({ accidents: [item] })).toMatchObject({ adjustments, score, redReasons: [] });
  });

  it('deducts each kind once by default, once per accident when configured', () => {
    const accidents = [accident('2023-01-10', { deaths: 1 }), accident('2024-01-10', { deaths: 1 })];
    expect(grade({ accidents }).score).toBe(72);
    const perAccident = {
      ...defaultEnterpriseGradingRules,
      deduction: { ...defaultEnterpriseGradingRules.deduction, perAccident: true },
    };
    expect(grade({ accidents }, perAccident)).toMatchObject({
      score: 64,
      adjustments: [{ item: 'fatal_accident', points: -16 }],
    });
  });

  it('never goes below 0', () => {
    expect(grade({ checklistScore: 5, accidents: [accident('2024-01-01', { deaths: 1 })] }).score).toBe(0);
  });
});

describe('automatically red whatever the score', () => {
  it.each([
    [{ newProcessWithoutTrials: true }, ['new_process_without_trials']],
    [{ plantWithoutFormalDesign: true }, ['plant_without_formal_design']],
    [{ specialOperatorsUnqualified: true }, ['special_operators_unqualified']],
    [{ accidents: [accident('2022-06-01', { level: 'major', deaths: 10 })] }, ['major_accident']],
    [{ accidents: [accident('2024-01-01', { level: 'especially_major', deaths: 30 })] }, ['major_accident']],
    [
      {
        accidents: [accident('2022-06-01', { level: 'larger' }), accident('2025-06-01', { level: 'larger' })],
      },
      ['larger_accidents'],
    ],
    [
      { accidents: [accident('2024-06-01', { deaths: 1 }), accident('2025-05-01', { deaths: 2 })] },
      ['fatal_general_accidents'],
    ],
    [
      {
        newProcessWithoutTrials: true,
        specialOperatorsUnqualified: true,
        accidents: [accident('2024-01-01', { level: 'major' })],
      },
      ['new_process_without_trials', 'special_operators_unqualified', 'major_accident'],
    ],
  ] as const)('%j → %j', (fields, redReasons) => {
    const result = grade({ checklistScore: 100, ...fields });
    expect(result).toMatchObject({ colour: 'red', level: 1, redReasons });
  });

  it.each([
    [{ accidents: [accident('2022-05-31', { level: 'major', deaths: 10 })] }],
    [
      {
        accidents: [accident('2022-05-31', { level: 'larger' }), accident('2025-06-01', { level: 'larger' })],
      },
    ],
    [{ accidents: [accident('2024-05-31', { deaths: 1 }), accident('2025-05-01', { deaths: 2 })] }],
    [{ accidents: [accident('2024-06-01', { deaths: 0 }), accident('2025-05-01', { deaths: 0 })] }],
    [{ accidents: [accident('2025-06-02', { level: 'major', deaths: 12 })] }],
  ])('%j is not automatically red', (fields) => {
    expect(grade({ checklistScore: 100, ...fields }).redReasons).toEqual([]);
  });

  it('keeps the score and its colour next to the red result', () => {
    const result = grade({ checklistScore: 95, plantWithoutFormalDesign: true });
    expect(result).toMatchObject({ score: 95, scoreColour: 'blue', colour: 'red' });
  });
});

describe('configured rules', () => {
  it('uses other colour cut-offs and windows', () => {
    const rules: EnterpriseGradingRules = {
      ...defaultEnterpriseGradingRules,
      minimumScore: { blue: 85, yellow: 70, orange: 50 },
      redWhen: { ...defaultEnterpriseGradingRules.redWhen, majorAccidentWithinYears: 5 },
    };
    expect(grade({ checklistScore: 85 }, rules).colour).toBe('blue');
    expect(grade({ checklistScore: 50 }, rules).colour).toBe('orange');
    expect(grade({ accidents: [accident('2020-06-01', { level: 'major' })] }, rules).redReasons).toEqual([
      'major_accident',
    ]);
  });

  it.each([
    [{ minimumScore: { blue: 75, yellow: 75, orange: 60 } }],
    [{ minimumScore: { blue: 90, yellow: 75, orange: -1 } }],
    [{ minimumScore: { blue: 90.005, yellow: 75, orange: 60 } }],
    [{ reassessWithinYears: 0 }],
    [{ deduction: { ...defaultEnterpriseGradingRules.deduction, fatalAccident: -8 } }],
    [
      {
        redWhen: {
          ...defaultEnterpriseGradingRules.redWhen,
          largerAccidents: { count: 1.5, withinYears: 3 },
        },
      },
    ],
  ])('rejects rules %j', (override) => {
    const rules = { ...defaultEnterpriseGradingRules, ...override } as EnterpriseGradingRules;
    expect(errorOf(() => grade({}, rules)).code).toBe('calc.risk_table_invalid');
  });
});

describe('reassessment date (at least every 3 years)', () => {
  it.each([
    ['2025-06-01', '2028-06-01'],
    ['2024-02-29', '2027-02-28'],
    ['2025-12-31', '2028-12-31'],
  ])('%s → %s', (assessedOn, reassessBy) => {
    expect(grade({ assessedOn }).reassessBy).toBe(reassessBy);
  });
});

describe('invalid input', () => {
  it.each([
    [{ checklistScore: 100.5 }, 'checklistScore'],
    [{ checklistScore: -1 }, 'checklistScore'],
    [{ checklistScore: 89.555 }, 'checklistScore'],
    [{ assessedOn: '2025-13-01' }, 'assessedOn'],
    [{ assessedOn: '2025/06/01' }, 'assessedOn'],
    [{ standardisationGrade: 4 }, 'standardisationGrade'],
    [{ accidents: [accident('2024-01-01', { deaths: -1 })] }, 'accidents.0.deaths'],
    [{ accidents: [{ ...accident('2024-01-01'), level: 'small' }] }, 'accidents.0.level'],
  ])('%j → field %s', (fields, path) => {
    const error = errorOf(() => gradeEnterprise({ ...base, ...fields } as EnterpriseGradingInput));
    expect(error.code).toBe('calc.grading_invalid_input');
    expect(error.fields.map((field) => field.path)).toContain(path);
  });
});
