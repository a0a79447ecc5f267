import {
  chinaDate,
  dueMilestoneSteps,
  planEscalationOffsets,
  planEscalationStepNames,
  type PlanEscalationStep,
} from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import { leaderLockKeys, takeRunLock } from '../../platform/leader-lock.ts';
import { serialSchedule } from '../../platform/periodic.ts';
import type { NewNotification, Notifier } from '../notifications/index.ts';
import type { MilestoneCandidate, PlanEscalationRepository } from './plan-escalation.repository.ts';
import { coordinators, membersOf } from './plan-members.ts';

export interface FiredPlanStep {
  readonly id: string;
  readonly milestoneId: string;
  readonly step: PlanEscalationStep;
  readonly notified: number;
}

const severity = { reminder: 'info', warning: 'warning', notice: 'danger', interview: 'danger' } as const;

function notificationOf(m: MilestoneCandidate, step: PlanEscalationStep): NewNotification {
  const name = planEscalationStepNames[step];
  const due = step === 'reminder' ? '临近' : '逾期未完成';
  return {
    kind: 'plan.escalation',
    severity: severity[step],
    title: {
      zh: `规划任务节点${due}（${name.zh}）`,
      en: `Plan milestone ${step === 'reminder' ? 'due soon' : 'overdue'} (${name.en})`,
    },
    body: {
      zh: `${m.organisationName}：${m.taskTitle}——${m.title}，节点日期 ${m.dueDate}`,
      en: `${m.organisationName}: ${m.taskTitle} — ${m.title}, due ${m.dueDate}`,
    },
    link: `/plan/assignments/${m.assignmentId}`,
    data: { milestoneId: m.id, assignmentId: m.assignmentId, step },
  };
}

/**
 * The overdue-milestone ladder (提醒 → 警示 → 通报 → 约谈, milestone-escalation.ts): each run takes a
 * transaction-level advisory lock, so with several processes one runs and the others answer null;
 * each step is a row with a unique key (milestone, step), so it fires once across restarts. The
 * unit's accounts hear every step, the 安委办 from 警示 on.
 */
export function createPlanEscalationWorker(deps: {
  db: Db;
  clock: Clock;
  escalation: PlanEscalationRepository;
  notifications: Notifier;
  log?: (message: string, error?: unknown) => void;
}) {
  const { db, clock, escalation, notifications } = deps;

  async function runOnce(now: Date = clock.now()): Promise<FiredPlanStep[] | null> {
    const today = chinaDate(now);
    const horizon = new Date(Date.parse(`${today}T00:00:00Z`) - planEscalationOffsets.reminder * 86_400_000);
    return inTransaction(db, async (tx) => {
      if (!(await takeRunLock(tx, leaderLockKeys.planEscalation))) return null;
      const fired: FiredPlanStep[] = [];
      const office = await coordinators(tx);
      for (const milestone of await escalation.candidates(tx, horizon.toISOString().slice(0, 10))) {
        for (const step of dueMilestoneSteps(milestone.dueDate, today)) {
          const id = await escalation.record(tx, milestone.id, step, now, 0);
          if (!id) continue;
          const unit = await membersOf(tx, milestone.organisationId);
          const audience = [...new Set(step === 'reminder' ? unit : [...unit, ...office])];
          const notified = await notifications.insertMany(tx, audience, notificationOf(milestone, step), now);
          await escalation.setNotified(tx, id, notified);
          fired.push({ id, milestoneId: milestone.id, step, notified });
        }
      }
      return fired;
    });
  }

  const schedule = serialSchedule(
    () => runOnce(),
    (error) => deps.log?.('plan escalation run failed', error),
  );
  return { runOnce, start: schedule.start, stop: schedule.stop };
}

export type PlanEscalationWorker = ReturnType<typeof createPlanEscalationWorker>;
