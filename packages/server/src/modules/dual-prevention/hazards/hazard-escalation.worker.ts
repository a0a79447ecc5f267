import {
  checkEscalationSettings,
  dueEscalationSteps,
  escalationHorizon,
  escalationStepNames,
  type DueEscalationStep,
} from '@anjian/domain';
import type { Clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { inTransactionWithEvents, type EventBus } from '../../../platform/events/index.ts';
import { serialSchedule } from '../../../platform/periodic.ts';
import type { NewNotification, Notifier, WebhookOutbox } from '../../notifications/index.ts';
import type { EscalationCandidate, HazardEscalationRepository } from './hazard-escalation.repository.ts';

export interface FiredStep extends DueEscalationStep {
  readonly id: string;
  readonly hazardId: string;
  readonly notified: number;
}

const severity = { reminder: 'info', warning: 'warning', notice: 'danger', interview: 'danger' } as const;
const titles = {
  deadline: {
    reminder: { zh: '隐患整改期限临近（提醒）', en: 'Hazard deadline approaching (reminder)' },
    warning: { zh: '隐患整改期限已到（警示）', en: 'Hazard deadline reached (warning)' },
    notice: { zh: '隐患逾期未整改（通报）', en: 'Hazard overdue (notice)' },
    interview: { zh: '隐患逾期未整改（约谈）', en: 'Hazard overdue (interview)' },
  },
  supervision: {
    reminder: { zh: '挂牌督办期限临近（提醒）', en: 'Supervision deadline approaching (reminder)' },
    warning: { zh: '挂牌督办期限已到（警示）', en: 'Supervision deadline reached (warning)' },
    notice: { zh: '挂牌督办逾期（通报）', en: 'Supervision overdue (notice)' },
    interview: { zh: '挂牌督办逾期（约谈）', en: 'Supervision overdue (interview)' },
  },
} as const;

function notificationOf(hazard: EscalationCandidate, step: DueEscalationStep): NewNotification {
  const text = hazard.description.length > 60 ? `${hazard.description.slice(0, 60)}…` : hazard.description;
  return {
    kind: 'hazard.escalation',
    severity: severity[step.step],
    title: titles[step.subject][step.step],
    body: {
      zh: `${hazard.enterpriseName}：${text}，${step.subject === 'deadline' ? '整改' : '督办'}期限 ${step.deadline}`,
      en: `${hazard.enterpriseName}: ${text}; ${step.subject === 'deadline' ? 'rectification' : 'supervision'} deadline ${step.deadline}`,
    },
    link: `/hazards/${hazard.id}`,
    data: {
      hazardId: hazard.id,
      step: step.step,
      subject: step.subject,
      deadline: step.deadline,
      enterpriseName: hazard.enterpriseName,
    },
  };
}

/**
 * The escalation ladder's worker: every run looks at the open hazards whose deadline is near or
 * past and fires each step due (提醒, 警示, 通报, 约谈) once — the step row's unique key (hazard,
 * subject, step, deadline) is the guarantee, across restarts and across servers (the hazard row is
 * locked while its steps fire, so two processes running at once wait for each other and the second
 * finds the step recorded). Firing a step, its notifications, its webhook outbox row and its
 * `hazard.escalated` event is one transaction; the webhook is POSTed after.
 */
export function createHazardEscalationWorker(deps: {
  db: Db;
  clock: Clock;
  escalation: HazardEscalationRepository;
  notifications: Notifier;
  webhook: WebhookOutbox;
  webhookUrl: string | null;
  events: EventBus;
  log?: (message: string, error?: unknown) => void;
}) {
  const { db, clock, escalation, notifications, webhook, webhookUrl, events } = deps;

  async function fire(hazardId: string, now: Date, rules: ReturnType<typeof checkEscalationSettings>) {
    return inTransactionWithEvents(db, events, async (tx, published) => {
      const hazard = await escalation.lockCandidate(tx, hazardId);
      if (!hazard) return [];
      const fired: FiredStep[] = [];
      for (const step of dueEscalationSteps(hazard, now, rules)) {
        const id = await escalation.recordStep(tx, hazard.id, step, hazard.status, now);
        if (!id) continue;
        const users = await notifications.audienceUserIds(tx, {
          enterpriseId: hazard.enterpriseId,
          county: hazard.county,
          kinds: step.recipients,
          enterprisePermission: 'hazard:read',
          bureauPermission: 'hazard:supervise',
        });
        const notified = await notifications.insertMany(tx, users, notificationOf(hazard, step), now);
        if (webhookUrl) {
          await webhook.enqueue(
            tx,
            webhookUrl,
            {
              event: 'hazard.escalation',
              id,
              hazardId: hazard.id,
              enterpriseId: hazard.enterpriseId,
              enterpriseName: hazard.enterpriseName,
              county: hazard.county,
              level: hazard.level,
              subject: step.subject,
              step: step.step,
              stepName: escalationStepNames[step.step].zh,
              deadline: step.deadline,
              dueAt: step.dueAt.toISOString(),
              firedAt: now.toISOString(),
              recipients: step.recipients,
            },
            now,
          );
        }
        published.publish('hazard.escalated', {
          id,
          hazardId: hazard.id,
          county: hazard.county,
          enterpriseId: hazard.enterpriseId,
          subject: step.subject,
          step: step.step,
          notified,
          at: now.toISOString(),
        });
        fired.push({ ...step, id, hazardId: hazard.id, notified });
      }
      return fired;
    });
  }

  /** One pass at `now`: fires what is due, then posts the webhooks due. */
  async function runOnce(now: Date = clock.now()) {
    const rules = checkEscalationSettings(await escalation.settings());
    const fired: FiredStep[] = [];
    for (const id of await escalation.candidateIds(escalationHorizon(now, rules))) {
      fired.push(...(await fire(id, now, rules)));
    }
    const deliveries = await webhook.deliverDue(now);
    return { fired, ...deliveries };
  }

  const schedule = serialSchedule(
    () => runOnce(),
    (error) => deps.log?.('hazard escalation run failed', error),
  );
  return { runOnce, start: schedule.start, stop: schedule.stop };
}

export type HazardEscalationWorker = ReturnType<typeof createHazardEscalationWorker>;
