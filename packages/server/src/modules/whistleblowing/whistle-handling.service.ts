import {
  DomainError,
  WHISTLE_VERIFICATION_DAYS,
  availableWhistleActions,
  chinaDate,
  whistleAddDays,
  whistleOverdue,
  mayRead,
  whistleIdentityLabel,
  whistleDuplicateLinkError,
  whistleDuplicateRewardRefused,
  type WhistleDuplicateRewardRule,
  yuanText,
  type WhistleAction,
  type WhistleDecision,
  type WhistleDetail,
  type WhistleIdentity,
  type WhistleListItem,
  type WhistleObjectionReview,
  type WhistleVerify,
  type RecordLabel,
} from '@anjian/domain';
import type { PoolClient } from 'pg';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import { checkLabelWithin } from '../../platform/scope-sql.ts';
import type { EnforcementFacts } from '../enforcement/index.ts';
import type { PublicPhotoStore } from '../uploads/index.ts';
import type { WhistleEscalationRepository } from './whistle-escalation.repository.ts';
import {
  liveRewardAmount,
  whistleProposal,
  type WhistleIncidentEvidence,
} from './whistle-incident-evidence.ts';
import type { WhistleObjectionService } from './whistle-objections.service.ts';
import type { WhistleRecordsRepository } from './whistle-records.repository.ts';
import type { WhistleFilter, WhistleRecord, WhistleReportsRepository } from './whistle-reports.repository.ts';

const ANONYMOUS_LABEL = '匿名举报人';
const NAMED_LABEL = '实名举报人';

/** Which permission each step needs beyond seeing the report. */
const STEP_PERMISSION: Record<WhistleAction, string> = {
  accept: 'whistle:handle',
  not_accept: 'whistle:handle',
  transfer: 'whistle:handle',
  assign: 'whistle:handle',
  verify: 'whistle:handle',
  reply: 'whistle:handle',
  propose_reward: 'whistle:handle',
  approve_reward: 'whistle:reward',
  pay_reward: 'whistle:reward',
  review_objection: 'whistle:handle',
};

/** The bureau's handling: acceptance, assignment, verification, the reply and the reward. */
export function createWhistleHandlingService(deps: {
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
  reports: WhistleReportsRepository;
  records: WhistleRecordsRepository;
  escalation: Pick<WhistleEscalationRepository, 'ofReport'>;
  enforcement: EnforcementFacts;
  photos: PublicPhotoStore;
  duplicates: { windowDays: number; rewardRule: WhistleDuplicateRewardRule };
  objection: WhistleObjectionService;
  incidents: WhistleIncidentEvidence;
}) {
  const { db, clock, cipher, reports, records, enforcement } = deps;
  const today = () => chinaDate(clock.now());

  function listItem(report: WhistleRecord): WhistleListItem {
    return {
      id: report.id,
      queryCode: report.queryCode,
      channel: report.channel,
      category: report.category,
      status: report.status,
      reporterLabel: report.anonymous ? ANONYMOUS_LABEL : `${NAMED_LABEL} ${report.pseudonym}`,
      anonymous: report.anonymous,
      pseudonym: report.anonymous ? null : report.pseudonym,
      enterpriseId: report.enterpriseId,
      enterpriseName: report.enterpriseName,
      county: report.county,
      assignedCounty: report.assignedCounty,
      receivedOn: report.receivedOn,
      acceptanceDue: report.acceptanceDue,
      verificationDue: report.verificationDue,
      overdue: whistleOverdue(report, today()),
      outcome: report.outcome,
      rewardStatus: report.reward?.status ?? null,
      objectionStatus: report.objection?.status ?? null,
      securityLabel: report.securityLabel,
      demo: report.demo,
    };
  }

  function actionsFor(auth: AuthContext, report: WhistleRecord): WhistleAction[] {
    return availableWhistleActions(
      {
        status: report.status,
        assignedCounty: report.assignedCounty,
        rewardStatus: report.reward?.status ?? null,
        rewardApprovers: report.reward?.approvers ?? [],
        rewardProposedBy: report.reward?.proposedBy ?? null,
        outcomeRewardable: report.outcome === 'true' || report.outcome === 'partly_true',
        objectionPending: report.objection?.status === 'pending',
        cityReviewer: auth.scope.kind === 'city',
      },
      auth.userId,
    ).filter((action) => auth.permissions.has(STEP_PERMISSION[action]));
  }

  async function detail(auth: AuthContext, report: WhistleRecord): Promise<WhistleDetail> {
    const incident = await deps.incidents.linked(auth, report.id);
    return {
      ...listItem(report),
      description: report.description,
      address: report.address,
      lon: report.lon,
      lat: report.lat,
      enterpriseByPin: report.enterpriseByPin,
      verifiedOn: report.verifiedOn,
      occurredOn: report.occurredOn,
      photoIds: report.photoIds,
      videoIds: await deps.photos.videos(report.photoIds),
      decisionReason: report.decisionReason,
      transferredTo: report.transferredTo,
      assignedDeadline: report.assignedDeadline,
      outcomeNote: report.outcomeNote,
      inspectionId: report.inspectionId,
      hazardIds: report.hazardIds,
      penaltyCaseId: report.penaltyCaseId,
      fineYuan: report.fineYuan,
      deaths: incident?.deaths ?? report.deaths,
      accidentClass: incident?.accidentClass ?? report.accidentClass,
      incident,
      messages: await records.messages(report.id),
      escalations: await deps.escalation.ofReport(report.id),
      duplicateOf: report.duplicateOf ? await codeOf(report.duplicateOf) : null,
      duplicates: await reports.duplicatesOf(report.id),
      reward: report.reward
        ? {
            status: report.reward.status,
            amountYuan: report.reward.amountYuan,
            basis: report.reward.basis as NonNullable<WhistleDetail['reward']>['basis'],
            ruleId: report.reward.ruleId,
            source: report.reward.source,
            approvals: report.reward.approvers.length,
            paidOn: report.reward.paidOn,
            ...liveRewardAmount(report, incident),
          }
        : null,
      objection: deps.objection.view(report),
      allowedActions: actionsFor(auth, report),
    };
  }

  async function codeOf(id: string) {
    const original = await reports.find(id, { kind: 'city' });
    return { id, queryCode: original?.queryCode ?? '' };
  }

  async function found(auth: AuthContext, id: string): Promise<WhistleRecord> {
    const report = await reports.find(id, auth.scope);
    if (!report) throw new DomainError('whistle.not_found');
    return report;
  }

  /** Runs a step in one transaction on the locked report, if the step is open to the caller. */
  async function step(
    auth: AuthContext,
    id: string,
    action: WhistleAction,
    work: (tx: PoolClient, report: WhistleRecord) => Promise<void>,
  ): Promise<WhistleDetail> {
    await inTransaction(db, async (tx) => {
      const report = await reports.find(id, auth.scope, tx, true);
      if (!report) throw new DomainError('whistle.not_found');
      if (!actionsFor(auth, report).includes(action)) throw new DomainError('whistle.action_not_allowed');
      await work(tx, report);
    });
    return detail(auth, await found(auth, id));
  }

  const tell = (tx: PoolClient, auth: AuthContext, reportId: string, body: string) =>
    records.addMessage(tx, reportId, {
      from: 'bureau',
      on: today(),
      body,
      photoIds: [],
      writtenBy: auth.userId,
    });

  return {
    async list(auth: AuthContext, filter: WhistleFilter, page: { page: number; pageSize: number }) {
      const result = await reports.list(auth.scope, { ...filter, today: today() }, page);
      return { ...result, items: result.items.map(listItem) };
    },

    async exportRows(auth: AuthContext, filter: WhistleFilter) {
      return (await reports.all(auth.scope, { ...filter, today: today() })).map(listItem);
    },

    get: async (auth: AuthContext, id: string) => detail(auth, await found(auth, id)),

    /** Changes the report's security label (密级), never above the caller's own clearance. */
    async setLabel(auth: AuthContext, id: string, label: RecordLabel) {
      const previous = (await found(auth, id)).securityLabel;
      checkLabelWithin(auth.clearance, label);
      await reports.update(db, id, { security_label: label });
      return { previous, report: await detail(auth, await found(auth, id)) };
    },

    /** 一企一档 举报核查: the enterprise's verified reports, with no reporter and no query code. */
    verifiedOf: (auth: AuthContext, enterpriseId: string) => reports.verifiedOf(auth.scope, enterpriseId),

    /** The ledger counts an unapproved proposal at its incident's figures today, as the drawer shows it. */
    async ledger(auth: AuthContext, year: number) {
      await deps.incidents.refreshUnapproved((id) => reports.find(id, { kind: 'city' }));
      return reports.ledger(auth.scope, year);
    },

    /** The reporter's page shows the drawer's amount too (answers whether the stored one moved). */
    refreshReward: (reportId: string) =>
      deps.incidents.refreshUnapproved((id) => reports.find(id, { kind: 'city' }), [reportId]),

    decide: (auth: AuthContext, id: string, decision: WhistleDecision) =>
      step(auth, id, decision.decision, async (tx, report) => {
        const on = today();
        if (decision.decision === 'accept') {
          await reports.update(tx, report.id, {
            status: 'accepted',
            decided_on: on,
            verification_due: whistleAddDays(on, WHISTLE_VERIFICATION_DAYS),
          });
          await tell(tx, auth, report.id, '您的举报已受理，我局将依法核查并告知结果。');
        } else if (decision.decision === 'not_accept') {
          await reports.update(tx, report.id, {
            status: 'not_accepted',
            decided_on: on,
            decision_reason: decision.reason,
          });
          await tell(tx, auth, report.id, `您的举报不予受理。理由：${decision.reason}`);
        } else {
          await reports.update(tx, report.id, {
            status: 'transferred',
            decided_on: on,
            decision_reason: decision.reason,
            transferred_to: decision.department,
          });
          await tell(tx, auth, report.id, `您的举报不属于本局职责范围，已转交${decision.department}处理。`);
        }
      }),

    assign: (auth: AuthContext, id: string, input: { county: string; deadline: string }) =>
      step(auth, id, 'assign', async (tx, report) => {
        if (auth.scope.kind === 'county' && !auth.scope.counties.includes(input.county))
          throw new DomainError('registry.scope_outside_caller');
        await reports.update(tx, report.id, {
          assigned_county: input.county,
          assigned_deadline: input.deadline,
        });
      }),

    verify: (auth: AuthContext, id: string, input: WhistleVerify) =>
      step(auth, id, 'verify', async (tx, report) => {
        const inspection = input.inspectionId
          ? await enforcement.inspection(input.inspectionId, auth.scope)
          : null;
        if (input.inspectionId && !inspection) throw new DomainError('whistle.linked_record_not_found');
        const penalty = input.penaltyCaseId
          ? await enforcement.penaltyCase(input.penaltyCaseId, auth.scope)
          : null;
        if (input.penaltyCaseId && !penalty) throw new DomainError('whistle.linked_record_not_found');
        // A linked incident's figures replace the typed ones (they are read again for the reward).
        const incident = await deps.incidents.forVerification(auth, report, input.incidentId);
        // The reporter's enterprise stands; one matched from the pin gives way to the enterprise the
        // verifying inspection or case concerns (the verification is the better evidence).
        const verifiedEnterprise = inspection?.enterpriseId ?? penalty?.enterpriseId ?? null;
        const enterpriseId = report.enterpriseByPin
          ? (verifiedEnterprise ?? report.enterpriseId)
          : (report.enterpriseId ?? verifiedEnterprise);
        await reports.update(tx, report.id, {
          status: 'verified',
          outcome: input.outcome,
          outcome_note: input.note,
          verified_on: today(),
          inspection_id: inspection?.id ?? null,
          hazard_ids: inspection?.hazardIds ?? [],
          penalty_case_id: penalty?.id ?? null,
          fine_yuan: penalty?.fineYuan ?? null,
          deaths: incident ? incident.deaths : (input.deaths ?? null),
          accident_class: incident ? incident.accidentClass : (input.accidentClass ?? null),
          enterprise_id: enterpriseId,
          enterprise_by_pin: report.enterpriseByPin && enterpriseId === report.enterpriseId,
        });
        await deps.incidents.link(tx, report.id, incident?.id ?? null);
      }),

    reply: (auth: AuthContext, id: string, body: string) =>
      step(auth, id, 'reply', async (tx, report) => {
        await reports.update(tx, report.id, { status: 'replied', replied_on: today() });
        await tell(tx, auth, report.id, body);
      }),

    /** The city's review of the reporter's objection (upheld reopens the case, rejected keeps it). */
    reviewObjection: (auth: AuthContext, id: string, input: WhistleObjectionReview) =>
      step(auth, id, 'review_objection', (tx, report) => deps.objection.review(tx, auth, report, input)),

    /** Earlier reports of the same enterprise and category within the window that may be the original. */
    async duplicateCandidates(auth: AuthContext, id: string): Promise<WhistleListItem[]> {
      const report = await found(auth, id);
      const similar = await reports.similar(auth.scope, report, deps.duplicates.windowDays);
      return similar.filter((r) => r.duplicateOf === null && r.receivedOn <= report.receivedOn).map(listItem);
    },

    async linkDuplicate(auth: AuthContext, id: string, originalId: string): Promise<WhistleDetail> {
      await inTransaction(db, async (tx) => {
        const report = await reports.find(id, auth.scope, tx, true);
        const original = await reports.find(originalId, auth.scope, tx);
        if (!report || !original) throw new DomainError('whistle.not_found');
        const problem = whistleDuplicateLinkError(
          {
            id: report.id,
            receivedOn: report.receivedOn,
            duplicateOf: report.duplicateOf,
            hasDuplicates: (await reports.duplicatesOf(report.id, tx)).length > 0,
            rewarded: report.reward !== null,
          },
          original,
        );
        if (problem) throw new DomainError(problem as 'whistle.duplicate_chain');
        await reports.update(tx, id, { duplicate_of: originalId });
      });
      return detail(auth, await found(auth, id));
    },

    async unlinkDuplicate(auth: AuthContext, id: string): Promise<WhistleDetail> {
      await inTransaction(db, async (tx) => {
        if (!(await reports.find(id, auth.scope, tx, true))) throw new DomainError('whistle.not_found');
        await reports.update(tx, id, { duplicate_of: null });
      });
      return detail(auth, await found(auth, id));
    },

    proposeReward: (auth: AuthContext, id: string) =>
      step(auth, id, 'propose_reward', async (tx, report) => {
        if (report.duplicateOf) {
          const original = await reports.find(report.duplicateOf, { kind: 'city' }, tx);
          if (whistleDuplicateRewardRefused(deps.duplicates.rewardRule, original))
            throw new DomainError('whistle.duplicate_not_rewarded');
        }
        const proposal = whistleProposal(report, await deps.incidents.linked(auth, report.id, tx));
        if (!proposal.ok)
          throw new DomainError('whistle.reward_not_computable', { details: { reason: proposal.reason } });
        await records.insertReward(tx, {
          reportId: report.id,
          amountYuan: yuanText(proposal.amountFen),
          basis: proposal.basis,
          ruleId: proposal.ruleId,
          source: proposal.source,
          proposedBy: auth.userId,
          at: clock.now(),
        });
      }),

    async approveReward(auth: AuthContext, id: string) {
      const report = await found(auth, id);
      if (
        report.reward &&
        (report.reward.proposedBy === auth.userId || report.reward.approvers.includes(auth.userId))
      )
        throw new DomainError('whistle.same_approver');
      return step(auth, id, 'approve_reward', async (tx, locked) => {
        // The first approval fixes the amount the incident's figures give today (as the drawer showed).
        const live = liveRewardAmount(locked, await deps.incidents.linked(auth, id, tx));
        if (live) await deps.incidents.refreshProposed(tx, id, live);
        await records.approveReward(tx, id, auth.userId);
      });
    },

    payReward: (auth: AuthContext, id: string, input: { paidOn: string; paymentRef: string }) =>
      step(auth, id, 'pay_reward', async (tx, report) => {
        await records.payReward(tx, report.id, { on: input.paidOn, ref: input.paymentRef, by: auth.userId });
        await tell(tx, auth, report.id, `您的举报奖励 ${report.reward!.amountYuan} 元已发放。`);
      }),

    /** The real-name identity, for the custodian role; the route audits every call with its reason. */
    async identity(auth: AuthContext, id: string): Promise<WhistleIdentity & { phoneVerified: boolean }> {
      const report = await found(auth, id);
      // Security labels (decision 0005): the identity is labelled 举报身份, on top of the permission.
      if (!mayRead(auth.clearance, whistleIdentityLabel)) throw new DomainError('auth.forbidden');
      const sealed = report.anonymous ? null : await records.identity(report.id);
      if (!sealed) throw new DomainError('whistle.identity_not_available');
      return {
        name: cipher.decrypt(sealed.nameSealed),
        idNumber: cipher.decrypt(sealed.idNumberSealed),
        phone: cipher.decrypt(sealed.phoneSealed),
        ...(sealed.bankAccountSealed ? { bankAccount: cipher.decrypt(sealed.bankAccountSealed) } : {}),
        phoneVerified: sealed.phoneVerified,
      };
    },

    async photo(auth: AuthContext, id: string, photoId: string) {
      const report = await found(auth, id);
      if (!(await records.photoBelongs(report.id, photoId))) throw new DomainError('upload.not_found');
      const file = await deps.photos.read(photoId);
      if (!file) throw new DomainError('upload.not_found');
      return file;
    },
  };
}

export type WhistleHandlingService = ReturnType<typeof createWhistleHandlingService>;
