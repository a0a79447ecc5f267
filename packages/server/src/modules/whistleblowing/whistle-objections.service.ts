import {
  DomainError,
  WHISTLE_VERIFICATION_DAYS,
  chinaDate,
  whistleAddDays,
  whistleObjectionRefusal,
  whistleObjectionReopen,
  whistleObjectionReviewDue,
  whistleObjectionWindow,
  type WhistleObjectionFacts,
  type WhistleObjectionReview,
  type WhistleObjectionRuleSet,
  type WhistleObjectionView,
} from '@anjian/domain';
import type { PoolClient } from 'pg';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import type { WhistleObjectionsRepository } from './whistle-objections.repository.ts';
import type { WhistleRecordsRepository } from './whistle-records.repository.ts';
import type { WhistleRecord, WhistleReportsRepository } from './whistle-reports.repository.ts';

/**
 * 异议与复核 (应急〔2023〕106号): the reporter objects through the code and the secret within the
 * window; the city reviews. Upheld reopens the case at the step the objection was about; rejected
 * tells the reporter why. The rules are `whistle-objection.ts` in the domain.
 */
export function createWhistleObjectionService(deps: {
  db: Db;
  clock: Clock;
  reports: WhistleReportsRepository;
  records: WhistleRecordsRepository;
  objections: WhistleObjectionsRepository;
  rules: readonly WhistleObjectionRuleSet[];
  acceptanceDays: number;
}) {
  const { db, clock, reports, records, objections, rules } = deps;
  const today = () => chinaDate(clock.now());

  const factsOf = (report: WhistleRecord): WhistleObjectionFacts => ({
    status: report.status,
    decidedOn: report.decidedOn,
    repliedOn: report.repliedOn,
    rewardProposedOn: report.reward?.proposedOn ?? null,
    objection: report.objection,
  });

  const tell = (tx: PoolClient, reportId: string, body: string, by: string) =>
    records.addMessage(tx, reportId, { from: 'bureau', on: today(), body, photoIds: [], writtenBy: by });

  async function reopen(tx: PoolClient, report: WhistleRecord, to: 'received' | 'accepted') {
    const on = today();
    if (to === 'received')
      await reports.update(tx, report.id, {
        status: 'received',
        decided_on: null,
        decision_reason: null,
        acceptance_due: whistleAddDays(on, deps.acceptanceDays),
      });
    else
      await reports.update(tx, report.id, {
        status: 'accepted',
        outcome: null,
        verified_on: null,
        replied_on: null,
        verification_due: whistleAddDays(on, WHISTLE_VERIFICATION_DAYS),
      });
  }

  return {
    view(report: WhistleRecord): WhistleObjectionView {
      const window = whistleObjectionWindow(factsOf(report), today(), rules);
      const o = report.objection;
      return {
        phase: window.phase,
        windowEndsOn: window.endsOn,
        filedOn: o?.filedOn ?? null,
        reason: o?.reason ?? null,
        status: o?.status ?? null,
        reviewDue: o?.reviewDue ?? null,
        reviewReason: o?.reviewReason ?? null,
        reviewedOn: o?.reviewedOn ?? null,
        reopenedTo: o?.reopenedTo ?? null,
      };
    },

    /** The reporter's objection; refused (409, nothing written) outside the window or a second time. */
    async file(reportId: string, reason: string): Promise<void> {
      await inTransaction(db, async (tx) => {
        const report = await reports.find(reportId, { kind: 'city' }, tx, true);
        if (!report) throw new DomainError('whistle.not_found');
        const on = today();
        const refusal = whistleObjectionRefusal(factsOf(report), on, rules);
        if (refusal) throw new DomainError(refusal);
        const filed = await objections.insert(tx, {
          reportId,
          filedOn: on,
          reason,
          objectedTo: report.status as 'not_accepted' | 'replied',
          reviewDue: whistleObjectionReviewDue(on, rules),
        });
        if (!filed) throw new DomainError('whistle.objection_already_filed');
      });
    },

    /** The city's review, inside the handling step's transaction on the locked report. */
    async review(tx: PoolClient, auth: AuthContext, report: WhistleRecord, input: WhistleObjectionReview) {
      const reason = input.reason?.trim() ? input.reason.trim() : null;
      if (input.decision === 'reject') {
        await objections.review(tx, report.id, {
          status: 'rejected',
          reason,
          by: auth.userId,
          on: today(),
          reopenedTo: null,
        });
        await tell(tx, report.id, `您的异议经复核不成立，维持原处理结果。理由：${reason}`, auth.userId);
        return;
      }
      const target = whistleObjectionReopen({
        status: report.status,
        rewardStatus: report.reward?.status ?? null,
      });
      if (!target.ok) throw new DomainError(target.code);
      await objections.review(tx, report.id, {
        status: 'upheld',
        reason,
        by: auth.userId,
        on: today(),
        reopenedTo: target.to,
      });
      if (target.dropReward) await objections.dropUnpaidReward(tx, report.id);
      await reopen(tx, report, target.to);
      const next = target.to === 'received' ? '重新作出受理决定' : '重新核查';
      await tell(
        tx,
        report.id,
        `您的异议经复核成立，本局将${next}并再次答复。${reason ? `说明：${reason}` : ''}`,
        auth.userId,
      );
    },
  };
}

export type WhistleObjectionService = ReturnType<typeof createWhistleObjectionService>;
