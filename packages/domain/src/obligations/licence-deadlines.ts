import { addWorkingDaysProvisionally } from '../enforcement/working-days.ts';
import type { HolidayCalendar } from '../enforcement/holiday-calendar.ts';
import type { DatedParameter } from './obligation-parameters.ts';
import { parameterOn } from './obligation-parameters.ts';
import { licenceSteps, type LicenceStep } from './obligation-terms.ts';

/** A licence kind's statutory limits, in working days (工作日). */
export interface LicenceTimeLimits {
  /** From the application to the acceptance decision (受理). */
  readonly acceptWorkingDays: number;
  /** From acceptance to the licensing decision. */
  readonly decideWorkingDays: number;
}

const general: DatedParameter<LicenceTimeLimits> = [
  {
    from: '2004-07-01',
    value: { acceptWorkingDays: 5, decideWorkingDays: 20 },
    sourceZh: '行政许可法第三十二条（5日内告知补正）、第四十二条（20个工作日内作出决定）',
    sourceEn:
      'Administrative Licensing Law Art. 32 (5 days to ask for missing papers) and Art. 42 (20 working days)',
    mark: 'U',
  },
];

/**
 * The limits per licence type (the registry's licence-type codes). Sources and marks as in
 * shared/reference/co-governance-and-obligations.md §5; unverified ones are the bureau's to confirm.
 */
export const defaultLicenceTimeLimits: Readonly<Record<string, DatedParameter<LicenceTimeLimits>>> = {
  safety_production: [
    {
      from: '2014-07-29',
      value: { acceptWorkingDays: 5, decideWorkingDays: 45 },
      sourceZh: '《安全生产许可证条例》第七条：自收到申请之日起45日内审查完毕（培训教材作工作日）',
      sourceEn:
        'Work Safety Licence Regulations Art. 7: 45 days from receipt (working days per a training text)',
      mark: 'V',
    },
  ],
  hazchem_use: [
    {
      from: '2013-05-01',
      value: { acceptWorkingDays: 5, decideWorkingDays: 45 },
      sourceZh: '《危险化学品安全使用许可证实施办法》：自受理之日起45日内作出决定',
      sourceEn: 'Hazardous-chemical use licence rules: decision within 45 days of acceptance',
      mark: 'V',
    },
  ],
  hazchem_trading: [
    {
      from: '2012-09-01',
      value: { acceptWorkingDays: 5, decideWorkingDays: 30 },
      sourceZh: '《危险化学品经营许可证管理办法》：5个工作日内决定是否受理，受理后30个工作日内作出决定',
      sourceEn: 'Hazardous-chemical trading licence rules: 5 working days to accept, 30 to decide',
      mark: 'V',
    },
  ],
  fireworks_wholesale: [
    {
      from: '2013-10-01',
      value: { acceptWorkingDays: 5, decideWorkingDays: 30 },
      sourceZh: '《烟花爆竹经营许可实施办法》：批发许可30个工作日（待核实）',
      sourceEn: 'Fireworks trading licence rules: wholesale 30 working days (unverified)',
      mark: 'U',
    },
  ],
  fireworks_retail: [
    {
      from: '2013-10-01',
      value: { acceptWorkingDays: 5, decideWorkingDays: 20 },
      sourceZh: '《烟花爆竹经营许可实施办法》：零售许可20个工作日（待核实）',
      sourceEn: 'Fireworks trading licence rules: retail 20 working days (unverified)',
      mark: 'U',
    },
  ],
  other: general,
};

export interface LicenceApplicationDates {
  readonly submittedOn: string;
  readonly acceptedOn: string | null;
}

export interface LicenceDeadlines {
  readonly acceptBy: string;
  /** Counted from acceptance; before it, from the last day acceptance may take. */
  readonly decideBy: string;
  readonly limits: LicenceTimeLimits;
  /** A count ran past the holiday calendar's years (weekends alone were skipped there). */
  readonly provisional: boolean;
}

/**
 * The deadlines of a licence application, counted in working days with the State Council's holiday
 * arrangements (放假调休): the day of the event itself is not counted (行政许可法 Art. 82 [U]).
 */
export function licenceDeadlines(
  licenceType: string,
  dates: LicenceApplicationDates,
  calendar: HolidayCalendar,
  limits: Readonly<Record<string, DatedParameter<LicenceTimeLimits>>> = defaultLicenceTimeLimits,
): LicenceDeadlines {
  const value = parameterOn(limits[licenceType] ?? limits['other'] ?? general, dates.submittedOn);
  const accept = addWorkingDaysProvisionally(dates.submittedOn, value.acceptWorkingDays, calendar);
  const decide = addWorkingDaysProvisionally(
    dates.acceptedOn ?? accept.date,
    value.decideWorkingDays,
    calendar,
  );
  return {
    acceptBy: accept.date,
    decideBy: decide.date,
    limits: value,
    provisional: accept.provisional || decide.provisional,
  };
}

/** The step after `current`, or null once decided: the steps are walked in order, none skipped. */
export function nextLicenceStep(current: LicenceStep): LicenceStep | null {
  return licenceSteps[licenceSteps.indexOf(current) + 1] ?? null;
}
