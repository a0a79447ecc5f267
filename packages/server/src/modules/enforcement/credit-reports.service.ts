import {
  DomainError,
  chinaDate,
  creditReportDeductions,
  creditReportRulesOn,
  type CreditReportDeductionsView,
  type CreditReportFact,
  type CreditReportRuleSet,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { EnterpriseLookup } from '../registry/index.ts';

/** Who may follow the link to a report: those who read the report ledger. */
const reportReaders = ['whistle:handle', 'whistle:identity'];

/**
 * 信用记录 · 举报核查 (issue 16): the deductions an enterprise's verified public reports make under
 * the dated rule (domain `credit-report-deductions.ts`), computed from the whistleblowing module's
 * facts on every read, so a reversed verification takes its deduction with it.
 */
export function createCreditReportsService(deps: {
  clock: Clock;
  enterprises: EnterpriseLookup;
  /** The enterprise's reports verified 属实 or 部分属实, duplicates left out: the whistleblowing port. */
  reportFacts: (enterpriseId: string) => Promise<CreditReportFact[]>;
  rules: readonly CreditReportRuleSet[];
}) {
  return {
    async of(auth: AuthContext, enterpriseId: string): Promise<CreditReportDeductionsView> {
      if (!(await deps.enterprises.findById(enterpriseId, auth.scope)))
        throw new DomainError('enterprise.not_found');
      const today = chinaDate(deps.clock.now());
      const items = creditReportDeductions(await deps.reportFacts(enterpriseId), today, deps.rules);
      const linked = reportReaders.some((p) => auth.permissions.has(p));
      return {
        rule: creditReportRulesOn(today, deps.rules),
        pointsInForce: items.filter((d) => d.inForce).reduce((sum, d) => sum + d.points, 0),
        items: items.map((d) => ({
          recordedOn: d.recordedOn,
          endsOn: d.endsOn,
          inForce: d.inForce,
          points: d.points,
          ruleId: d.ruleId,
          reasonZh: d.reasonZh,
          reasonEn: d.reasonEn,
          reports: d.reports.map((r) => ({
            reportId: linked ? r.reportId : null,
            verifiedOn: r.verifiedOn,
            category: r.category,
            outcome: r.outcome,
          })),
        })),
      };
    },
  };
}

export type CreditReportsService = ReturnType<typeof createCreditReportsService>;
