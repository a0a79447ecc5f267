import { addCalendarDays, addCalendarMonths } from '../enforcement/calendar-date.ts';
import type { HolidayCalendar } from '../enforcement/holiday-calendar.ts';
import { addWorkingDaysProvisionally } from '../enforcement/working-days.ts';
import { parameterOn, type ObligationParameters } from './obligation-parameters.ts';
import {
  agencyReportQualification,
  type AgencyField,
  type AgencyQualification,
  type AgencyReportFlagKind,
  type AgencyReportKind,
} from './obligation-terms.ts';

export interface AgencyQualificationRecord {
  readonly qualification: AgencyQualification;
  readonly fields: readonly AgencyField[];
  readonly validFrom: string;
  readonly validUntil: string;
}

export interface AgencyStaffRegistration {
  readonly registrationNumber: string;
  readonly registeredOn: string;
  /** The day the person left the agency; null while registered. */
  readonly leftOn: string | null;
}

export interface AgencyReportFacts {
  readonly kind: AgencyReportKind;
  readonly field: AgencyField;
  readonly issuedOn: string;
  readonly signers: readonly { readonly registrationNumber: string }[];
  /** The day the agency published the report's information (信息公开); null when not yet. */
  readonly disclosedOn?: string | null;
  /** The first day of on-site work; null when the service had none recorded. */
  readonly onsiteFrom?: string | null;
  /** The day the written notice reached the bureau of the place of work; null when none. */
  readonly noticeOn?: string | null;
}

/** What the time-bound flags are judged against: today, and the working-day calendar. */
export interface AgencyReportClock {
  readonly today: string;
  readonly calendar: HolidayCalendar;
}

/**
 * The day before the anniversary of the issue, the validity in force on the issue date
 * (应急管理部令第1号: 5 years), when the certificate does not print its end.
 */
export function defaultAgencyValidUntil(validFrom: string, parameters: ObligationParameters): string {
  const years = parameterOn(parameters.agencyQualificationYears, validFrom);
  return addCalendarDays(addCalendarMonths(validFrom, years * 12), -1);
}

/**
 * What the bureau acts on in a report an agency filed (令第1号; 安全生产法 Art. 92): issued while the
 * qualification was not in force, under the wrong qualification type, outside the qualification's
 * fields, signed by someone not registered with the agency on the issue date, or by fewer people
 * than required. An empty list means nothing to act on.
 */
export function agencyReportFlags(
  report: AgencyReportFacts,
  agency: AgencyQualificationRecord,
  staff: readonly AgencyStaffRegistration[],
  parameters: ObligationParameters,
  clock?: AgencyReportClock,
): AgencyReportFlagKind[] {
  const flags: AgencyReportFlagKind[] = [];
  const day = report.issuedOn;
  if (day < agency.validFrom || day > agency.validUntil) flags.push('qualification_lapsed');
  if (agencyReportQualification[report.kind] !== agency.qualification) flags.push('wrong_qualification');
  if (!agency.fields.includes(report.field)) flags.push('out_of_scope');
  const registered = (number: string) =>
    staff.some(
      (s) =>
        s.registrationNumber === number && s.registeredOn <= day && (s.leftOn === null || day <= s.leftOn),
    );
  if (report.signers.some((s) => !registered(s.registrationNumber))) flags.push('unregistered_signer');
  const distinct = new Set(report.signers.map((s) => s.registrationNumber)).size;
  if (distinct < parameterOn(parameters.agencyReportMinSigners, day)) flags.push('too_few_signers');
  if (clock && disclosureLate(report, parameters, clock.today)) flags.push('not_disclosed');
  if (clock && noticeLate(report, parameters, clock)) flags.push('late_notice');
  return flags;
}

/** Not published by the last day allowed (issue + the days in force on the issue date), or published after it. */
function disclosureLate(report: AgencyReportFacts, parameters: ObligationParameters, today: string): boolean {
  const due = addCalendarDays(report.issuedOn, parameterOn(parameters.agencyDisclosureDays, report.issuedOn));
  const disclosedOn = report.disclosedOn ?? null;
  return disclosedOn === null ? today > due : disclosedOn > due;
}

/**
 * 令第1号: written notice at least N working days before on-site work — counting N working days on
 * from the notice day (not counted) must not pass the first on-site day. No notice is late once the
 * work has begun; a count past the holiday calendar's years skips weekends only.
 */
function noticeLate(report: AgencyReportFacts, parameters: ObligationParameters, clock: AgencyReportClock) {
  const onsiteFrom = report.onsiteFrom ?? null;
  if (onsiteFrom === null) return false;
  const noticeOn = report.noticeOn ?? null;
  if (noticeOn === null) return clock.today >= onsiteFrom;
  const days = parameterOn(parameters.agencyNoticeWorkingDays, onsiteFrom);
  return addWorkingDaysProvisionally(noticeOn, days, clock.calendar).date > onsiteFrom;
}
