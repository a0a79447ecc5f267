import { z } from 'zod';
import { fromHundredths, toHundredths } from './hundredths.ts';
import { RiskCalculationError } from './risk-calculation-error.ts';
import type { RiskColour, RiskLevel } from './risk-level.ts';
import { isoDate } from '../../common/dates.schema.ts';

/*
 * 危险化学品生产储存企业安全风险评估诊断分级指南（试行）(应急〔2018〕19号), as far as standards.md §2.4
 * states it: a 100-point score, four colours, and conditions that make an enterprise red whatever
 * its score (V2). The bonus and deduction items come from one source (V1) and are unconfirmed, so
 * every number is in `EnterpriseGradingRules`; how they combine (once per kind or per accident,
 * whether the score is capped at 100, whether a window includes its first day) is not stated [NF]
 * and is configurable too.
 */

/** 生产安全事故报告和调查处理条例 Art. 3: 一般, 较大, 重大, 特别重大. */
export const gradingAccidentLevels = ['general', 'larger', 'major', 'especially_major'] as const;
export type GradingAccidentLevel = (typeof gradingAccidentLevels)[number];

const points = z.number().min(0).max(100);

export const enterpriseGradingInputSchema = z
  .object({
    assessedOn: isoDate().describe('Date of the assessment (YYYY-MM-DD); accident windows end on it'),
    checklistScore: points.describe(
      'Score of the guideline checklist before the bonus and accident items below, 0–100, at most two decimals',
    ),
    operatingSince: z.iso
      .date()
      .nullable()
      .describe('Start of operation; null when unknown (then no accident-free bonus is given)'),
    fullTimeFireOrRescueTeam: z.boolean().describe('Has its own full-time fire or emergency rescue team'),
    standardisationGrade: z
      .literal([1, 2, 3])
      .nullable()
      .describe('安全生产标准化 grade (1 highest); null when not graded'),
    accidents: z
      .array(
        z.object({
          occurredOn: isoDate(),
          level: z.enum(gradingAccidentLevels),
          deaths: z.int().min(0),
          injured: z.int().min(0),
          sociallySignificant: z.boolean().describe('Caused considerable public concern (社会影响较大)'),
        }),
      )
      .max(1000)
      .readonly()
      .describe('Production-safety accidents of the enterprise; those after assessedOn are ignored'),
    newProcessWithoutTrials: z
      .boolean()
      .describe(
        'A new process went into industrial production without laboratory, pilot and industrial trials',
      ),
    plantWithoutFormalDesign: z
      .boolean()
      .describe('A plant in service has neither a formal design nor a safety design diagnosis'),
    specialOperatorsUnqualified: z
      .boolean()
      .describe('Special-operation staff lack a valid certificate or senior-high (or equivalent) education'),
  })
  .refine((input) => toHundredths(input.checklistScore) !== null, {
    path: ['checklistScore'],
    message: 'at most two decimals',
  });

export type EnterpriseGradingInput = z.infer<typeof enterpriseGradingInputSchema>;

export interface EnterpriseGradingRules {
  /** Lowest score of each colour; below `orange` is red. V2: 90, 75, 60. */
  readonly minimumScore: { readonly blue: number; readonly yellow: number; readonly orange: number };
  /** Accident history that makes the enterprise red whatever its score. V2. */
  readonly redWhen: {
    readonly majorAccidentWithinYears: number;
    readonly largerAccidents: { readonly count: number; readonly withinYears: number };
    readonly fatalGeneralAccidents: { readonly count: number; readonly withinYears: number };
  };
  /** V1, unconfirmed. */
  readonly bonus: {
    readonly fireOrRescueTeam: number;
    readonly standardisation: Readonly<Record<1 | 2 | 3, number>>;
    readonly accidentFree: { readonly years: number; readonly points: number };
  };
  /**
   * V1, unconfirmed. `fatalAccident`: a 一般 accident with 1–2 deaths (a 较大 one is deducted as
   * `largerAccident` only); `sociallySignificantAccident`: one without casualties. `perAccident`
   * false deducts each kind once, true once per accident [NF].
   */
  readonly deduction: {
    readonly withinYears: number;
    readonly fatalAccident: number;
    readonly largerAccident: number;
    readonly sociallySignificantAccident: number;
    readonly perAccident: boolean;
  };
  /** Keep the final score within 0–100 [NF]. */
  readonly clampScore: boolean;
  /** Re-assess at least every this many years. V2: 3. */
  readonly reassessWithinYears: number;
}

export const defaultEnterpriseGradingRules: EnterpriseGradingRules = {
  minimumScore: { blue: 90, yellow: 75, orange: 60 },
  redWhen: {
    majorAccidentWithinYears: 3,
    largerAccidents: { count: 2, withinYears: 3 },
    fatalGeneralAccidents: { count: 2, withinYears: 1 },
  },
  bonus: {
    fireOrRescueTeam: 3,
    standardisation: { 1: 15, 2: 5, 3: 2 },
    accidentFree: { years: 5, points: 5 },
  },
  deduction: {
    withinYears: 3,
    fatalAccident: 8,
    largerAccident: 10,
    sociallySignificantAccident: 5,
    perAccident: false,
  },
  clampScore: true,
  reassessWithinYears: 3,
};

export const enterpriseRedReasons = [
  'new_process_without_trials',
  'plant_without_formal_design',
  'special_operators_unqualified',
  'major_accident',
  'larger_accidents',
  'fatal_general_accidents',
] as const;
export type EnterpriseRedReason = (typeof enterpriseRedReasons)[number];

export const enterpriseGradingItems = [
  'fire_or_rescue_team',
  'standardisation',
  'accident_free',
  'fatal_accident',
  'larger_accident',
  'socially_significant_accident',
] as const;
export type EnterpriseGradingItem = (typeof enterpriseGradingItems)[number];

export interface EnterpriseGradingResult {
  /** Checklist score plus adjustments (clamped to 0–100 by default), exact to the hundredth. */
  readonly score: number;
  /** Colour from the score alone. */
  readonly scoreColour: RiskColour;
  /** Final colour: red when any red reason applies, else the score colour. */
  readonly colour: RiskColour;
  readonly level: RiskLevel;
  readonly redReasons: readonly EnterpriseRedReason[];
  /** Bonus (positive) and deduction (negative) items applied, in points. */
  readonly adjustments: readonly { readonly item: EnterpriseGradingItem; readonly points: number }[];
  /** Latest date of the next assessment. */
  readonly reassessBy: string;
}

type Accident = EnterpriseGradingInput['accidents'][number];

/** The same calendar day `years` earlier or later, as YYYY-MM-DD; 29 February becomes the 28th. */
function shiftYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthDay = date.slice(5) === '02-29' && !isLeap ? '02-28' : date.slice(5);
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

/** Accidents on or after the same day `years` before the assessment, up to the assessment day. */
function within(accidents: readonly Accident[], assessedOn: string, years: number): Accident[] {
  const from = shiftYears(assessedOn, -years);
  return accidents.filter((accident) => accident.occurredOn >= from && accident.occurredOn <= assessedOn);
}

function rulesError(problem: string, rules: unknown): RiskCalculationError {
  return new RiskCalculationError('calc.risk_table_invalid', { details: { problem, rules } });
}

function ruleHundredths(value: number): number {
  const hundredths = toHundredths(value);
  if (hundredths === null || hundredths < 0) {
    throw rulesError('grading points must be non-negative with at most two decimals', value);
  }
  return hundredths;
}

function checkRules(rules: EnterpriseGradingRules): void {
  const { blue, yellow, orange } = rules.minimumScore;
  if (!(ruleHundredths(blue) > ruleHundredths(yellow) && ruleHundredths(yellow) > ruleHundredths(orange))) {
    throw rulesError('minimumScore must be descending: blue > yellow > orange', rules.minimumScore);
  }
  const { redWhen, bonus, deduction } = rules;
  const wholes = [
    redWhen.majorAccidentWithinYears,
    redWhen.largerAccidents.withinYears,
    redWhen.largerAccidents.count,
    redWhen.fatalGeneralAccidents.withinYears,
    redWhen.fatalGeneralAccidents.count,
    bonus.accidentFree.years,
    deduction.withinYears,
    rules.reassessWithinYears,
  ];
  if (!wholes.every((value) => Number.isInteger(value) && value >= 1 && value <= 100)) {
    throw rulesError('years and counts must be whole numbers from 1 to 100', rules);
  }
}

function redReasonsOf(input: EnterpriseGradingInput, rules: EnterpriseGradingRules): EnterpriseRedReason[] {
  const { redWhen } = rules;
  const isMajor = (a: Accident) => a.level === 'major' || a.level === 'especially_major';
  const conditions: Record<EnterpriseRedReason, boolean> = {
    new_process_without_trials: input.newProcessWithoutTrials,
    plant_without_formal_design: input.plantWithoutFormalDesign,
    special_operators_unqualified: input.specialOperatorsUnqualified,
    major_accident: within(input.accidents, input.assessedOn, redWhen.majorAccidentWithinYears).some(isMajor),
    larger_accidents:
      within(input.accidents, input.assessedOn, redWhen.largerAccidents.withinYears).filter(
        (a) => a.level === 'larger',
      ).length >= redWhen.largerAccidents.count,
    fatal_general_accidents:
      within(input.accidents, input.assessedOn, redWhen.fatalGeneralAccidents.withinYears).filter(
        (a) => a.level === 'general' && a.deaths > 0,
      ).length >= redWhen.fatalGeneralAccidents.count,
  };
  return enterpriseRedReasons.filter((reason) => conditions[reason]);
}

function isAccidentFree(input: EnterpriseGradingInput, years: number): boolean {
  const from = shiftYears(input.assessedOn, -years);
  return (
    input.operatingSince !== null &&
    input.operatingSince <= from &&
    within(input.accidents, input.assessedOn, years).length === 0
  );
}

function adjustmentsOf(input: EnterpriseGradingInput, rules: EnterpriseGradingRules) {
  const { bonus, deduction } = rules;
  const recent = within(input.accidents, input.assessedOn, deduction.withinYears);
  const times = (matching: number) => (deduction.perAccident ? matching : Math.min(matching, 1));
  const grade = input.standardisationGrade;
  // [how many times, hundredths of a point each]
  const items: Record<EnterpriseGradingItem, [number, number]> = {
    fire_or_rescue_team: [input.fullTimeFireOrRescueTeam ? 1 : 0, ruleHundredths(bonus.fireOrRescueTeam)],
    standardisation: [
      grade === null ? 0 : 1,
      grade === null ? 0 : ruleHundredths(bonus.standardisation[grade]),
    ],
    accident_free: [
      isAccidentFree(input, bonus.accidentFree.years) ? 1 : 0,
      ruleHundredths(bonus.accidentFree.points),
    ],
    fatal_accident: [
      times(recent.filter((a) => a.level === 'general' && a.deaths >= 1 && a.deaths <= 2).length),
      -ruleHundredths(deduction.fatalAccident),
    ],
    larger_accident: [
      times(recent.filter((a) => a.level === 'larger').length),
      -ruleHundredths(deduction.largerAccident),
    ],
    socially_significant_accident: [
      times(recent.filter((a) => a.sociallySignificant && a.deaths === 0 && a.injured === 0).length),
      -ruleHundredths(deduction.sociallySignificantAccident),
    ],
  };
  return enterpriseGradingItems
    .map((item) => ({ item, hundredths: items[item][0] * items[item][1] }))
    .filter((adjustment) => adjustment.hundredths !== 0);
}

function colourOfScore(hundredths: number, rules: EnterpriseGradingRules): RiskColour {
  const { blue, yellow, orange } = rules.minimumScore;
  if (hundredths >= ruleHundredths(blue)) return 'blue';
  if (hundredths >= ruleHundredths(yellow)) return 'yellow';
  if (hundredths >= ruleHundredths(orange)) return 'orange';
  return 'red';
}

const levelOfColour: Readonly<Record<RiskColour, RiskLevel>> = { red: 1, orange: 2, yellow: 3, blue: 4 };

function parseInput(input: unknown): EnterpriseGradingInput {
  const parsed = enterpriseGradingInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new RiskCalculationError('calc.grading_invalid_input', {
    fields: parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      code: issue.code,
      message: issue.message,
    })),
  });
}

/** The enterprise's score, colour and the reasons for it, under `rules` (defaults from §2.4). */
export function gradeEnterprise(
  input: EnterpriseGradingInput,
  rules: EnterpriseGradingRules = defaultEnterpriseGradingRules,
): EnterpriseGradingResult {
  const checked = parseInput(input);
  checkRules(rules);
  const adjustments = adjustmentsOf(checked, rules);
  const raw = adjustments.reduce((sum, a) => sum + a.hundredths, toHundredths(checked.checklistScore) ?? 0);
  const score = rules.clampScore ? Math.min(10_000, Math.max(0, raw)) : raw;
  const scoreColour = colourOfScore(score, rules);
  const redReasons = redReasonsOf(checked, rules);
  const colour = redReasons.length > 0 ? 'red' : scoreColour;
  return {
    score: fromHundredths(score),
    scoreColour,
    colour,
    level: levelOfColour[colour],
    redReasons,
    adjustments: adjustments.map(({ item, hundredths }) => ({ item, points: fromHundredths(hundredths) })),
    reassessBy: shiftYears(checked.assessedOn, rules.reassessWithinYears),
  };
}
