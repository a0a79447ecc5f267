import { addCalendarDays, addCalendarMonths, calendarDaysBetween } from '../enforcement/calendar-date.ts';
import { parameterOn, type ObligationParameters } from './obligation-parameters.ts';
import type { CertificateKind, CertificateStatus } from './obligation-terms.ts';

/**
 * Expiry and review dates a certificate gets when the card does not print them: 特种作业操作证 6
 * years with a 复审 every 3 (总局令第30号); the managers' assessment certificates 3 years, no review.
 * The validity is the day before the anniversary (有效期至), figures as in force on the issue date.
 */
export function defaultCertificateDates(
  kind: CertificateKind,
  issuedOn: string,
  parameters: ObligationParameters,
): { expiresOn: string; reviewDueOn: string | null } {
  const years =
    kind === 'special_operation'
      ? parameterOn(parameters.specialCertificateYears, issuedOn)
      : parameterOn(parameters.managerCertificateYears, issuedOn);
  const expiresOn = addCalendarDays(addCalendarMonths(issuedOn, years * 12), -1);
  if (kind !== 'special_operation') return { expiresOn, reviewDueOn: null };
  const review = parameterOn(parameters.specialReviewYears, issuedOn);
  const reviewDueOn = addCalendarDays(addCalendarMonths(issuedOn, review * 12), -1);
  return { expiresOn, reviewDueOn: reviewDueOn < expiresOn ? reviewDueOn : null };
}

export interface CertificateDates {
  readonly expiresOn: string;
  readonly reviewDueOn: string | null;
  /** The day the last 复审 was passed: a review due on or before it is done. */
  readonly reviewedOn?: string | null;
}

export interface CertificateStanding {
  readonly status: CertificateStatus;
  /** Days to the next date the holder must act on (review or expiry); negative once past. */
  readonly daysToAct: number;
  /** The date that decides the status. */
  readonly actBy: string;
}

/**
 * A certificate on `today`: expired, review overdue (a missed 复审 voids a 特种作业操作证 — Art. 25),
 * expiring or review due within the reminder window (60 days: the application window), else valid.
 */
export function certificateStanding(
  certificate: CertificateDates,
  today: string,
  parameters: ObligationParameters,
): CertificateStanding {
  const window = parameterOn(parameters.reminderDays, today);
  const review =
    certificate.reviewDueOn && !(certificate.reviewedOn && certificate.reviewedOn <= certificate.reviewDueOn)
      ? certificate.reviewDueOn
      : null;
  const actBy = review && review < certificate.expiresOn ? review : certificate.expiresOn;
  const daysToAct = calendarDaysBetween(today, actBy);
  const isReview = actBy === review && review !== certificate.expiresOn;
  let status: CertificateStatus;
  if (today > certificate.expiresOn) status = 'expired';
  else if (isReview && daysToAct < 0) status = 'review_overdue';
  else if (daysToAct <= window) status = isReview ? 'review_due' : 'expiring';
  else status = 'valid';
  return { status, daysToAct, actBy };
}

/** Whether the holder may work under it today (valid, or only due for its review or renewal). */
export function certificateInForce(status: CertificateStatus): boolean {
  return status === 'valid' || status === 'review_due' || status === 'expiring';
}
