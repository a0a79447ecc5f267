import { checkCreditReportRuleSet, creditReportRuleSets, isoDate } from '@anjian/domain';
import { z } from 'zod';

/**
 * The credit effect of verified public reports (issue 16), parsed once when the module starts (a bad
 * value stops the start naming the variable). CREDIT_REPORT_THRESHOLD (default 2),
 * CREDIT_REPORT_WINDOW_MONTHS (12), CREDIT_REPORT_POINTS (5), CREDIT_REPORT_TERM_MONTHS (12) set a
 * local rule in force from CREDIT_REPORT_RULES_FROM (default 2000-01-01) on; the built-in set stays
 * for earlier days, so a change never rewrites a deduction already recorded.
 */
const envSchema = z.object({
  CREDIT_REPORT_THRESHOLD: z.coerce.number().int().min(1).max(20).optional(),
  CREDIT_REPORT_WINDOW_MONTHS: z.coerce.number().int().min(1).max(120).optional(),
  CREDIT_REPORT_POINTS: z.coerce.number().int().min(0).max(1000).optional(),
  CREDIT_REPORT_TERM_MONTHS: z.coerce.number().int().min(1).max(120).optional(),
  CREDIT_REPORT_RULES_FROM: isoDate().default('2000-01-01'),
});

export function loadCreditReportRules(env: Record<string, string | undefined> = process.env) {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success)
    throw new Error(
      `Invalid configuration:\n${parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  const figures = parsed.data;
  const local = {
    threshold: figures.CREDIT_REPORT_THRESHOLD,
    windowMonths: figures.CREDIT_REPORT_WINDOW_MONTHS,
    points: figures.CREDIT_REPORT_POINTS,
    termMonths: figures.CREDIT_REPORT_TERM_MONTHS,
  };
  if (Object.values(local).every((v) => v === undefined)) return creditReportRuleSets;
  const from = parsed.data.CREDIT_REPORT_RULES_FROM;
  const earlier = creditReportRuleSets.filter((set) => set.validFrom < from);
  const base = earlier.at(-1) ?? creditReportRuleSets[0]!;
  const defined = Object.fromEntries(Object.entries(local).filter(([, v]) => v !== undefined));
  return Object.freeze([
    ...earlier,
    Object.freeze(
      checkCreditReportRuleSet({
        ...base,
        ...defined,
        id: 'local',
        validFrom: from,
        basisZh: '本局设定（CREDIT_REPORT_* 配置）',
        basisEn: 'Set by the bureau (CREDIT_REPORT_* settings)',
        verification: 'NF',
      }),
    ),
  ]);
}
