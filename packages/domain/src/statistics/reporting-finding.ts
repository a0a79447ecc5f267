import { z } from 'zod';

/**
 * A reporting finding on a counted accident (生产安全事故报告和调查处理条例 第三十六条: 迟报、漏报、
 * 谎报或者瞒报): set by the statistics staff with a reason. 瞒报 and 谎报 veto the county in the
 * yearly assessment (国办发〔2016〕64号, assessment-vetoes.ts); 迟报 is recorded and does not veto.
 */
export const reportingFindings = ['concealed', 'false_report', 'late'] as const;
export type ReportingFinding = (typeof reportingFindings)[number];

export const reportingFindingNames: Record<ReportingFinding, { zh: string; en: string }> = {
  concealed: { zh: '瞒报', en: 'concealed' },
  false_report: { zh: '谎报', en: 'falsely reported' },
  late: { zh: '迟报', en: 'reported late' },
};

/** The findings that veto a county's yearly assessment. */
export const vetoReportingFindings: readonly ReportingFinding[] = ['concealed', 'false_report'];

export const reportingFindingInputSchema = z
  .object({
    finding: z.enum(reportingFindings),
    reason: z.string().trim().min(5).max(1000).describe('Why: the investigation or document that found it'),
  })
  .strict();

export const reportingFindingSchema = z.object({
  accidentId: z.string(),
  finding: z.enum(reportingFindings),
  reason: z.string(),
  setBy: z.string(),
  setAt: z.string(),
});
