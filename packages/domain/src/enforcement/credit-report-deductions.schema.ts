import { z } from 'zod';
import { whistleCategories } from '../whistleblowing/whistle.schema.ts';

/** 信用记录 · 举报核查: the deductions verified reports made for one enterprise, and the rule in force. */
export const creditReportDeductionsQuerySchema = z.object({ enterpriseId: z.uuid() });

export const creditReportDeductionSchema = z.object({
  recordedOn: z.string().describe('The day of the report that completed the count'),
  endsOn: z.string().describe('The last day in force'),
  inForce: z.boolean(),
  points: z.number().int(),
  ruleId: z.string(),
  reasonZh: z.string(),
  reasonEn: z.string(),
  reports: z.array(
    z.object({
      reportId: z
        .uuid()
        .nullable()
        .describe('For the link to the report; null unless the caller may read reports'),
      verifiedOn: z.string(),
      category: z.enum(whistleCategories),
      outcome: z.enum(['true', 'partly_true']),
    }),
  ),
});

export const creditReportDeductionsSchema = z.object({
  rule: z.object({
    id: z.string(),
    validFrom: z.string(),
    threshold: z.number().int(),
    windowMonths: z.number().int(),
    points: z.number().int(),
    termMonths: z.number().int(),
    basisZh: z.string(),
    basisEn: z.string(),
    verification: z.enum(['V2', 'V1', 'M', 'NF']),
  }),
  pointsInForce: z.number().int().describe('Points of the deductions in force today'),
  items: z.array(creditReportDeductionSchema),
});
export type CreditReportDeductionsView = z.infer<typeof creditReportDeductionsSchema>;
