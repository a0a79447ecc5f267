import { z } from 'zod';

/**
 * What an obligations Excel import did with each row (培训考试成绩, 安责险保单): a row creates a
 * record, updates one already registered, is skipped because the register already says the same,
 * or is refused with the reason. Refused rows write nothing; the others are written.
 */
export const obligationImportOutcomes = ['created', 'updated', 'skipped', 'error'] as const;
export type ObligationImportOutcome = (typeof obligationImportOutcomes)[number];

export const obligationImportRowSchema = z.object({
  row: z.number().int().describe('The Excel row number (the header is row 1)'),
  outcome: z.enum(obligationImportOutcomes),
  subject: z.string().describe('Whom or what the row is about: the person’s name, the policy number'),
  reason: z.string().describe('What was done, or why not, in the caller’s language'),
});
export type ObligationImportRow = z.infer<typeof obligationImportRowSchema>;

export const obligationImportReportSchema = z.object({
  totalRows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  errors: z.number().int(),
  rows: z.array(obligationImportRowSchema),
});
export type ObligationImportReport = z.infer<typeof obligationImportReportSchema>;
