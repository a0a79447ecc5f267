import { z } from 'zod';
import { type CreditListRules, defaultCreditListRules } from './credit-list-rules.ts';

/*
 * The parts of the credit-list rules a bureau sets through the API: the term on the list (3 years by
 * default, 应急管理部令第11号, V2) and the objection period after the notice (NF, the bureau's own).
 */
export const creditListSettingsSchema = z
  .object({
    listingTermYears: z.int().min(1).max(10).describe('Years on the list from the listing decision'),
    objectionPeriodWorkingDays: z
      .int()
      .min(1)
      .max(30)
      .describe('Working days after the notice for the party to object'),
  })
  .strict();

export type CreditListSettings = z.output<typeof creditListSettingsSchema>;

export const defaultCreditListSettings: CreditListSettings = Object.freeze({
  listingTermYears: defaultCreditListRules.listingTerm.amount,
  objectionPeriodWorkingDays: defaultCreditListRules.objectionPeriod.amount,
});

/** The rules with the bureau's settings applied; a changed figure is marked as the bureau's (NF). */
export function creditListRulesOf(settings: CreditListSettings): CreditListRules {
  const { listingTerm, objectionPeriod } = defaultCreditListRules;
  const termChanged = settings.listingTermYears !== listingTerm.amount;
  return {
    ...defaultCreditListRules,
    listingTerm: {
      ...listingTerm,
      amount: settings.listingTermYears,
      ...(termChanged ? { verification: 'NF' as const } : {}),
    },
    objectionPeriod: { ...objectionPeriod, amount: settings.objectionPeriodWorkingDays },
  };
}
