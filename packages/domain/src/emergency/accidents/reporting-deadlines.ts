import { AccidentError } from './accident.errors.ts';
import type { AccidentLevel } from './accident-level.ts';

/**
 * Reporting time limits of 国务院令第493号 Arts. 9–11 (standards.md §3.2):
 * - Art. 9: people on site report to the unit's responsible person at once; the responsible person
 *   reports within 1 hour of receiving that report to the 应急管理 department (and the other
 *   departments with supervisory duty) of the county level or above where the accident happened.
 * - Art. 10: departments pass the report up level by level — 一般 to the districted city, 较大 to the
 *   province, 重大/特别重大 to the State Council level — and notify the police, labour and
 *   social security, the trade union and the procuratorate.
 * - Art. 11: each level takes at most 2 hours.
 */
export type AccidentReportingStepId =
  'site_to_unit' | 'unit_to_county' | 'county_to_city' | 'city_to_province' | 'province_to_state';

export interface AccidentReportingStep {
  readonly id: AccidentReportingStepId;
  readonly fromZh: string;
  readonly fromEn: string;
  readonly toZh: string;
  readonly toEn: string;
  /** Time allowed for this step, counted from when the reporter received the report; 0 = at once. */
  readonly limitMinutes: number;
  /** What the limit counts from: the accident, the unit learning of it, or the previous step. */
  readonly countsFrom: 'occurred' | 'unit_informed' | AccidentReportingStepId;
  /** The latest lawful time if every earlier step used its whole allowance. */
  readonly latestAt: Date;
  /** Bodies the receiving department notifies as well (Art. 10); empty for the unit. */
  readonly recipientAlsoNotifiesZh: readonly string[];
  readonly recipientAlsoNotifiesEn: readonly string[];
  readonly noteZh?: string;
  readonly noteEn?: string;
}

export interface AccidentReportingPlan {
  readonly level: AccidentLevel;
  readonly steps: readonly AccidentReportingStep[];
  /** Minimum follow-up reports (续报) per day while the accident is being handled. */
  readonly followUpReportsPerDay: number;
}

export interface AccidentReportingOptions {
  /**
   * Minimum follow-up reports per day by level, from 《生产安全事故信息报告和处置办法》 (one source:
   * 一般 once, 重大/特别重大 twice). The source does not name 较大; once a day is our assumption.
   */
  readonly followUpReportsPerDay: Readonly<Record<AccidentLevel, number>>;
}

export const defaultAccidentReportingOptions: AccidentReportingOptions = Object.freeze({
  followUpReportsPerDay: Object.freeze({ general: 1, larger: 1, major: 2, especially_major: 2 }),
});

const notifyZh = ['公安机关', '劳动保障行政部门', '工会', '人民检察院'];
const notifyEn = ['public security', 'labour and social security', 'trade union', 'procuratorate'];

type StepTemplate = Omit<AccidentReportingStep, 'latestAt' | 'countsFrom'>;

const governmentSteps: readonly StepTemplate[] = [
  {
    id: 'county_to_city',
    fromZh: '县级应急管理部门',
    fromEn: 'county emergency management department',
    toZh: '设区的市级应急管理部门',
    toEn: 'city (districted city) emergency management department',
    limitMinutes: 120,
    recipientAlsoNotifiesZh: notifyZh,
    recipientAlsoNotifiesEn: notifyEn,
  },
  {
    id: 'city_to_province',
    fromZh: '设区的市级应急管理部门',
    fromEn: 'city emergency management department',
    toZh: '省级应急管理部门',
    toEn: 'provincial emergency management department',
    limitMinutes: 120,
    recipientAlsoNotifiesZh: notifyZh,
    recipientAlsoNotifiesEn: notifyEn,
  },
  {
    id: 'province_to_state',
    fromZh: '省级应急管理部门',
    fromEn: 'provincial emergency management department',
    toZh: '国务院应急管理部门',
    toEn: 'State Council emergency management department',
    limitMinutes: 120,
    recipientAlsoNotifiesZh: notifyZh,
    recipientAlsoNotifiesEn: notifyEn,
  },
];

const unitSteps: readonly StepTemplate[] = [
  {
    id: 'site_to_unit',
    fromZh: '事故现场有关人员',
    fromEn: 'people at the scene',
    toZh: '本单位负责人',
    toEn: "the unit's responsible person",
    limitMinutes: 0,
    recipientAlsoNotifiesZh: [],
    recipientAlsoNotifiesEn: [],
  },
  {
    id: 'unit_to_county',
    fromZh: '事故单位负责人',
    fromEn: "the unit's responsible person",
    toZh: '事故发生地县级以上应急管理部门和负有安全生产监督管理职责的有关部门',
    toEn: 'the county-or-higher emergency management department and other supervising departments where it happened',
    limitMinutes: 60,
    recipientAlsoNotifiesZh: notifyZh,
    recipientAlsoNotifiesEn: notifyEn,
    noteZh: '情况紧急时，事故现场有关人员可以直接向上述部门报告',
    noteEn: 'In an emergency, people at the scene may report to these departments directly',
  },
];

/** How many government hand-overs after the county each level needs (Art. 10). */
const onwardSteps: Readonly<Record<AccidentLevel, number>> = {
  general: 1,
  larger: 2,
  major: 3,
  especially_major: 3,
};

const minute = 60_000;

/**
 * The reporting chain of an accident of `level`, each step with its limit and its latest time.
 * `unitInformedAt` is when the unit's responsible person received the on-site report (defaults to
 * the accident time, as that report is due at once).
 */
export function planAccidentReporting(
  input: {
    level: AccidentLevel;
    occurredAt: Date;
    unitInformedAt?: Date;
    /** When steps were made: the next level's clock runs from its receipt, if before the deadline. */
    sentAt?: Partial<Record<AccidentReportingStepId, Date>>;
  },
  options: AccidentReportingOptions = defaultAccidentReportingOptions,
): AccidentReportingPlan {
  const { level, occurredAt } = input;
  const unitInformedAt = input.unitInformedAt ?? occurredAt;
  const invalid = [occurredAt, unitInformedAt].some((time) => Number.isNaN(time.getTime()));
  if (invalid || unitInformedAt < occurredAt) {
    throw new AccidentError('accident.invalid_time', { occurredAt, unitInformedAt });
  }
  const steps: AccidentReportingStep[] = [];
  for (const template of [...unitSteps, ...governmentSteps.slice(0, onwardSteps[level])]) {
    const previous = steps.at(-1);
    // Art. 9: the unit's hour runs from when its responsible person was told; Art. 11: each
    // government level from when it received the report, at the latest the previous deadline.
    const fromUnit = template.id === 'unit_to_county';
    const received = previous && input.sentAt?.[previous.id];
    const start = fromUnit
      ? unitInformedAt
      : previous && received && received < previous.latestAt
        ? received
        : (previous?.latestAt ?? occurredAt);
    steps.push({
      ...template,
      countsFrom: fromUnit ? 'unit_informed' : (previous?.id ?? 'occurred'),
      latestAt: new Date(start.getTime() + template.limitMinutes * minute),
    });
  }
  return { level, steps, followUpReportsPerDay: options.followUpReportsPerDay[level] };
}
