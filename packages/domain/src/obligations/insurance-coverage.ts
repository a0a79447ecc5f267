import { calendarDaysBetween } from '../enforcement/calendar-date.ts';
import { parameterOn, type ObligationParameters } from './obligation-parameters.ts';

export const coverageStatuses = [
  'not_required',
  'covered',
  'expiring',
  'below_minimum',
  'uninsured',
] as const;
export type CoverageStatus = (typeof coverageStatuses)[number];
export const coverageStatusNames: Record<CoverageStatus, { zh: string; en: string }> = {
  not_required: { zh: '非强制投保行业', en: 'Not required' },
  covered: { zh: '已投保', en: 'Covered' },
  expiring: { zh: '保单即将到期', en: 'Policy expiring' },
  below_minimum: { zh: '保额低于最低标准', en: 'Cover below the minimum' },
  uninsured: { zh: '未投保或保单已过期', en: 'Uninsured or lapsed' },
};

export interface PolicyTerms {
  readonly startsOn: string;
  readonly endsOn: string;
  /** Death and disability cover per person, 元. */
  readonly perPersonYuan: number;
}

/** Days before a policy ends when the enterprise and the county are reminded. */
export const POLICY_REMINDER_DAYS = 30;

/**
 * An enterprise's 安责险 standing on `today`: units in the mandatory sectors (安全生产法 Art. 51,
 * 应急〔2025〕27号) need a policy in force whose per-person cover meets the minimum in force on the
 * policy's start (40万元 from 2025-03-29, 30万元 before); a policy ending within 30 days is expiring.
 */
export function insuranceCoverage(
  enterprise: { readonly sectors: readonly string[] },
  policies: readonly PolicyTerms[],
  today: string,
  parameters: ObligationParameters,
): { status: CoverageStatus; required: boolean; minimumYuan: number } {
  const minimumYuan = parameterOn(parameters.insuranceMinPerPersonYuan, today);
  const mandatory = parameterOn(parameters.insuranceSectors, today);
  const required = enterprise.sectors.some((s) => mandatory.includes(s));
  const inForce = policies.filter((p) => p.startsOn <= today && today <= p.endsOn);
  const sufficient = inForce.filter(
    (p) => p.perPersonYuan >= parameterOn(parameters.insuranceMinPerPersonYuan, p.startsOn),
  );
  let status: CoverageStatus;
  if (!required) status = 'not_required';
  else if (inForce.length === 0) status = 'uninsured';
  else if (sufficient.length === 0) status = 'below_minimum';
  else {
    const lastEnd = sufficient
      .map((p) => p.endsOn)
      .sort()
      .at(-1)!;
    const renewed = policies.some((p) => p.startsOn > today && p.startsOn <= addOne(lastEnd));
    status = !renewed && calendarDaysBetween(today, lastEnd) < POLICY_REMINDER_DAYS ? 'expiring' : 'covered';
  }
  return { status, required, minimumYuan };
}

function addOne(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
