import { z } from 'zod';
import { bool, int } from './config-values.ts';

/** Obligations (issue 17): the expiry and review reminders sent to the enterprise and the county. */
export interface ObligationsConfig {
  /** A certificate's expiry or review, or a policy's end, this many days ahead (or fewer) is reminded. */
  readonly reminderDays: number;
  /** How often the reminder run looks (seconds); 0 turns the reminders off. */
  readonly reminderIntervalSeconds: number;
  /** Whether a run also texts the enterprise's safety manager (when an SMS gateway is configured). */
  readonly reminderSms: boolean;
}

const obligationsSchema = z.object({
  OBLIGATION_REMINDER_DAYS: int(1, 365).default(30),
  OBLIGATION_REMINDER_INTERVAL_SECONDS: int(0, 7 * 86_400).default(86_400),
  OBLIGATION_REMINDER_SMS: bool.default(true),
});

/** The OBLIGATION_* variables, spread into config.ts's environment schema. */
export const obligationsVariables = obligationsSchema.shape;

export function obligationsOf(e: z.output<typeof obligationsSchema>): ObligationsConfig {
  return Object.freeze({
    reminderDays: e.OBLIGATION_REMINDER_DAYS,
    reminderIntervalSeconds: e.OBLIGATION_REMINDER_INTERVAL_SECONDS,
    reminderSms: e.OBLIGATION_REMINDER_SMS,
  });
}
