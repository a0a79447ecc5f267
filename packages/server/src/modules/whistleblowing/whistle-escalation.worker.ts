import {
  chinaDate,
  dueWhistleEscalationSteps,
  whistleEscalationAudience,
  whistleEscalationStepNames,
  whistleEscalationSubjectNames,
  type WhistleCategory,
  type WhistleEscalationStep,
  type WhistleEscalationSubject,
} from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db, type Queryable } from '../../platform/db.ts';
import { leaderLockKeys, takeRunLock } from '../../platform/leader-lock.ts';
import { serialSchedule } from '../../platform/periodic.ts';
import type { NewNotification, Notifier } from '../notifications/index.ts';
import type {
  WhistleEscalationCandidate,
  WhistleEscalationRepository,
} from './whistle-escalation.repository.ts';

export interface FiredWhistleStep {
  readonly id: string;
  readonly reportId: string;
  readonly subject: WhistleEscalationSubject;
  readonly step: WhistleEscalationStep;
  readonly notified: number;
}

const NO_ENTERPRISE = '00000000-0000-0000-0000-000000000000';
const severity = { reminder: 'info', warning: 'warning', notice: 'danger' } as const;
const categoryNames: Record<WhistleCategory, { zh: string; en: string }> = {
  major_hazard: { zh: '重大事故隐患', en: 'major hidden hazard' },
  illegal_operation: { zh: '安全生产违法行为', en: 'illegal operation' },
  concealed_accident: { zh: '谎报瞒报事故', en: 'concealed accident' },
};

/** What staff read: the matter, the unit and the deadline; never the reporter, the text or the code. */
function notificationOf(
  report: WhistleEscalationCandidate,
  subject: WhistleEscalationSubject,
  step: WhistleEscalationStep,
  deadline: string,
): NewNotification {
  const name = whistleEscalationStepNames[step];
  const what = whistleEscalationSubjectNames[subject];
  const category = categoryNames[report.category];
  return {
    kind: 'whistle.escalation',
    severity: severity[step],
    title: {
      zh: `举报${what.zh}${step === 'reminder' ? '临近' : '已过'}（${name.zh}）`,
      en: `Report ${what.en} ${step === 'reminder' ? 'near' : 'passed'} (${name.en})`,
    },
    body: {
      zh: `${category.zh}：${report.enterpriseName ?? '未指明单位'}，${what.zh} ${deadline}`,
      en: `${category.en}: ${report.enterpriseName ?? 'unit not named'}, ${what.en} ${deadline}`,
    },
    link: `/whistleblowing?open=${report.id}`,
    data: { reportId: report.id, subject, step, deadline },
  };
}

/**
 * The overdue ladder of reports (whistle-escalation.ts in the domain): each run takes a
 * transaction-level advisory lock, so with several processes one runs and the others answer null;
 * each step is a row with a unique key (report, subject, step, deadline), so it fires once across
 * restarts. The handling county's staff (whistle:handle) hear every step, the city bureau from 通报
 * on; a report with no county yet is the city's from the first step.
 */
export function createWhistleEscalationWorker(deps: {
  db: Db;
  clock: Clock;
  escalation: WhistleEscalationRepository;
  notifications: Notifier;
  log?: (message: string, error?: unknown) => void;
}) {
  const { db, clock, escalation, notifications } = deps;

  async function audienceOf(tx: Queryable, county: string | null, step: WhistleEscalationStep) {
    const kinds = county ? whistleEscalationAudience(step) : (['city'] as const);
    return notifications.audienceUserIds(tx, {
      enterpriseId: NO_ENTERPRISE,
      county: county ?? '',
      kinds: [...kinds],
      enterprisePermission: 'whistle:handle',
      bureauPermission: 'whistle:handle',
    });
  }

  async function runOnce(now: Date = clock.now()): Promise<FiredWhistleStep[] | null> {
    const today = chinaDate(now);
    return inTransaction(db, async (tx) => {
      if (!(await takeRunLock(tx, leaderLockKeys.whistleEscalation))) return null;
      const fired: FiredWhistleStep[] = [];
      for (const report of await escalation.candidates(tx)) {
        const due = dueWhistleEscalationSteps(report, today);
        if (!due) continue;
        for (const step of due.steps) {
          const id = await escalation.record(tx, report.id, due.subject, step, due.deadline, now);
          if (!id) continue;
          const users = await audienceOf(tx, report.county, step);
          const notified = await notifications.insertMany(
            tx,
            users,
            notificationOf(report, due.subject, step, due.deadline),
            now,
          );
          await escalation.setNotified(tx, id, notified);
          fired.push({ id, reportId: report.id, subject: due.subject, step, notified });
        }
      }
      return fired;
    });
  }

  const schedule = serialSchedule(
    () => runOnce(),
    (error) => deps.log?.('whistleblowing escalation run failed', error),
  );
  return { runOnce, start: schedule.start, stop: schedule.stop };
}

export type WhistleEscalationWorker = ReturnType<typeof createWhistleEscalationWorker>;
