import { z } from 'zod';
import {
  defaultHiddenHazardEscalationRules,
  evaluateHazardEscalation,
  type HiddenHazardEscalationRules,
} from './deadline-escalation.ts';
import { HiddenHazardError } from './hidden-hazard.errors.ts';
import { hiddenHazardDeadlineEndsAt } from './hidden-hazard-deadline.ts';
import type {
  HiddenHazardActorKind,
  HiddenHazardLevel,
  HiddenHazardStatus,
  HiddenHazardSupervisionLevel,
} from './hidden-hazard-terms.ts';

/*
 * The escalation ladder of a deadline (standards.md §4.6 step 6: "overdue rectification: escalation
 * (约谈, 督办函, 通报 …) — provincial variations"): 提醒 before the deadline, 警示 when it runs out,
 * 通报 N days overdue, 约谈 M days overdue. The steps are the stages of deadline-escalation.ts
 * (due soon, overdue, escalated to the county, to the city) under the names the bureau uses, so the
 * hazard's escalation state and the ladder always agree; N and M are its county and city days.
 */

export const escalationSteps = ['reminder', 'warning', 'notice', 'interview'] as const;
export type EscalationStep = (typeof escalationSteps)[number];

/** What runs against a deadline: the rectification deadline, or the 挂牌督办 deadline. */
export const escalationSubjects = ['deadline', 'supervision'] as const;
export type EscalationSubject = (typeof escalationSubjects)[number];

export const escalationStepNames: Readonly<Record<EscalationStep, { zh: string; en: string }>> = {
  reminder: { zh: '提醒', en: 'Reminder' },
  warning: { zh: '警示', en: 'Warning' },
  notice: { zh: '通报', en: 'Notice' },
  interview: { zh: '约谈', en: 'Interview' },
};

const days = z.int().min(0).max(3650);
const ladderDaysSchema = z
  .object({
    reminderDaysBefore: days.describe('提醒: this many days before the deadline day ends'),
    noticeAfterDays: days.describe('通报 (N): this many whole days after the deadline ran out'),
    interviewAfterDays: days.describe('约谈 (M): this many whole days after the deadline ran out; ≥ N'),
  })
  .strict();

/** Body and answer of `/api/v1/hazards/escalation-settings`. */
export const hazardEscalationSettingsSchema = z
  .object({
    general: ladderDaysSchema.describe('一般事故隐患'),
    major: ladderDaysSchema.describe('重大事故隐患 (also every 挂牌督办 deadline)'),
    acceptanceReviewDays: z
      .int()
      .min(1)
      .max(3650)
      .describe('Days the reviewer has to check a submitted rectification'),
  })
  .strict()
  .describe('Escalation ladder days (提醒, 通报 N, 约谈 M) per hazard level');

export type HazardEscalationSettings = z.infer<typeof hazardEscalationSettingsSchema>;

export function escalationRulesOf(settings: HazardEscalationSettings): HiddenHazardEscalationRules {
  const level = (s: HazardEscalationSettings['general']) => ({
    dueSoonDays: s.reminderDaysBefore,
    countyAfterDays: s.noticeAfterDays,
    cityAfterDays: s.interviewAfterDays,
  });
  const rules = {
    general: level(settings.general),
    major: level(settings.major),
    acceptanceReviewDays: settings.acceptanceReviewDays,
  };
  // Throws hazard.escalation_rules_invalid when N > M or a value is out of range.
  evaluateHazardEscalation({ level: 'general', status: 'closed', source: 'self_check' }, new Date(0), rules);
  return rules;
}

export function escalationSettingsOf(rules: HiddenHazardEscalationRules): HazardEscalationSettings {
  const level = (t: HiddenHazardEscalationRules['general']) => ({
    reminderDaysBefore: t.dueSoonDays,
    noticeAfterDays: t.countyAfterDays,
    interviewAfterDays: t.cityAfterDays,
  });
  return {
    general: level(rules.general),
    major: level(rules.major),
    acceptanceReviewDays: rules.acceptanceReviewDays,
  };
}

export const defaultHazardEscalationSettings: HazardEscalationSettings = escalationSettingsOf(
  defaultHiddenHazardEscalationRules,
);

/** What the ladder needs of one hazard. */
export interface EscalationLadderInput {
  readonly level: HiddenHazardLevel;
  readonly status: HiddenHazardStatus;
  /** Rectification deadline, YYYY-MM-DD (China Standard Time). */
  readonly deadline?: string | undefined;
  /** 挂牌督办, while not 核销. */
  readonly supervision?:
    | {
        readonly level: HiddenHazardSupervisionLevel;
        readonly deadline?: string | undefined;
        readonly closed: boolean;
      }
    | undefined;
}

/** One step due now: fire it once under `key`. */
export interface DueEscalationStep {
  readonly subject: EscalationSubject;
  readonly step: EscalationStep;
  /** The deadline the step belongs to; a new deadline is a new ladder. */
  readonly deadline: string;
  /** When the step became due. */
  readonly dueAt: Date;
  readonly recipients: readonly HiddenHazardActorKind[];
  /** Unique per hazard: `${subject}:${step}:${deadline}`. */
  readonly key: string;
}

const dayMs = 86_400_000;

const baseRecipients: Readonly<Record<EscalationStep, readonly HiddenHazardActorKind[]>> = {
  reminder: ['enterprise'],
  warning: ['enterprise'],
  notice: ['enterprise', 'county'],
  interview: ['enterprise', 'county', 'city'],
};

/** The highest step of one deadline reached at `now`, or null before the reminder. */
function highestStep(
  deadline: string,
  thresholds: HiddenHazardEscalationRules['general'],
  now: Date,
): { step: EscalationStep; dueAt: Date } | null {
  const end = hiddenHazardDeadlineEndsAt(deadline).getTime();
  const starts: readonly [EscalationStep, number][] = [
    ['reminder', end - thresholds.dueSoonDays * dayMs],
    ['warning', end],
    ['notice', end + thresholds.countyAfterDays * dayMs],
    ['interview', end + thresholds.cityAfterDays * dayMs],
  ];
  let reached: { step: EscalationStep; dueAt: Date } | null = null;
  for (const [step, at] of starts) if (now.getTime() >= at) reached = { step, dueAt: new Date(at) };
  return reached;
}

function stepOf(
  subject: EscalationSubject,
  deadline: string,
  thresholds: HiddenHazardEscalationRules['general'],
  now: Date,
  listedBy: HiddenHazardSupervisionLevel | undefined,
): DueEscalationStep | null {
  const reached = highestStep(deadline, thresholds, now);
  if (!reached) return null;
  const listed = listedBy ? [listedBy] : [];
  return {
    subject,
    step: reached.step,
    deadline,
    dueAt: reached.dueAt,
    recipients: [...new Set([...baseRecipients[reached.step], ...listed])],
    key: `${subject}:${reached.step}:${deadline}`,
  };
}

const runningStatuses: readonly HiddenHazardStatus[] = ['reported', 'rectifying'];

/**
 * The ladder steps due at `now` for one hazard: at most one per subject, the highest reached — a
 * worker that was stopped for a while does not send a reminder after the deadline. The clocks run
 * while the hazard awaits a plan or is being rectified (as in deadline-escalation.ts); 挂牌督办
 * deadlines run on the 重大 days until 核销. Pure: the caller fires each `key` once.
 */
export function dueEscalationSteps(
  hazard: EscalationLadderInput,
  now: Date,
  rules: HiddenHazardEscalationRules = defaultHiddenHazardEscalationRules,
): DueEscalationStep[] {
  if (!runningStatuses.includes(hazard.status)) return [];
  const due: DueEscalationStep[] = [];
  const supervision = hazard.supervision && !hazard.supervision.closed ? hazard.supervision : undefined;
  if (hazard.deadline) {
    const step = stepOf('deadline', hazard.deadline, rules[hazard.level], now, supervision?.level);
    if (step) due.push(step);
  }
  if (supervision?.deadline) {
    const step = stepOf('supervision', supervision.deadline, rules.major, now, supervision.level);
    if (step) due.push(step);
  }
  return due;
}

/** The latest date whose ladder could have started by `now`: deadlines after it need no look yet. */
export function escalationHorizon(now: Date, rules: HiddenHazardEscalationRules): string {
  const ahead = Math.max(rules.general.dueSoonDays, rules.major.dueSoonDays) + 1;
  return new Date(now.getTime() + 8 * 3_600_000 + ahead * dayMs).toISOString().slice(0, 10);
}

export function checkEscalationSettings(settings: HazardEscalationSettings): HiddenHazardEscalationRules {
  try {
    return escalationRulesOf(settings);
  } catch (error) {
    if (error instanceof HiddenHazardError) throw error;
    throw new HiddenHazardError('hazard.escalation_rules_invalid', { settings });
  }
}
