import { HiddenHazardError } from './hidden-hazard.errors.ts';
import { hiddenHazardDeadlineEndsAt } from './hidden-hazard-deadline.ts';
import { hiddenHazardReviewerKinds } from './hidden-hazard-parties.ts';
import type {
  HiddenHazardActorKind,
  HiddenHazardEscalationState,
  HiddenHazardSource,
  HiddenHazardStatus,
  HiddenHazardSupervisionLevel,
} from './hidden-hazard-terms.ts';
import type { HiddenHazardLevel } from './hidden-hazard-terms.ts';

const day = 86_400_000;

/** Day thresholds of one hazard level, counted from the end of the deadline day. */
export interface HiddenHazardEscalationThresholds {
  /** Due soon from this many days before the deadline runs out (临期提醒). */
  readonly dueSoonDays: number;
  /** Escalated to the county department this many days after it ran out (0 = at once). */
  readonly countyAfterDays: number;
  /** Escalated to the city department this many days after it ran out; ≥ countyAfterDays. */
  readonly cityAfterDays: number;
}

export interface HiddenHazardEscalationRules {
  readonly general: HiddenHazardEscalationThresholds;
  readonly major: HiddenHazardEscalationThresholds;
  /** Days the reviewer has to check a submitted rectification (on-site review before 销号). */
  readonly acceptanceReviewDays: number;
}

/**
 * Defaults. `acceptanceReviewDays: 10` is the reference's on-site review within 10 days of the
 * application (standards.md §4.6 step 5: V2 provincially, M nationally). The reference gives no
 * reminder or escalation days for hidden hazards (§6.4 and §10 list escalation timers as not
 * found), so the ladders are our assumption, to be set by the bureau: 一般 due soon 3 days before,
 * county after 7 days overdue, city after 30; 重大 — already known to the supervising department —
 * due soon 7 days before, county after 1 day, city after 7.
 */
export const defaultHiddenHazardEscalationRules: HiddenHazardEscalationRules = Object.freeze({
  general: Object.freeze({ dueSoonDays: 3, countyAfterDays: 7, cityAfterDays: 30 }),
  major: Object.freeze({ dueSoonDays: 7, countyAfterDays: 1, cityAfterDays: 7 }),
  acceptanceReviewDays: 10,
});

export interface HiddenHazardEscalationInput {
  readonly level: HiddenHazardLevel;
  readonly status: HiddenHazardStatus;
  readonly source: HiddenHazardSource;
  /** Rectification deadline, YYYY-MM-DD in China Standard Time. */
  readonly deadline?: string | undefined;
  /** Level of the department that listed it (挂牌督办), if listed. */
  readonly supervisionLevel?: HiddenHazardSupervisionLevel | undefined;
  /** When the rectification was submitted for acceptance. */
  readonly submittedAt?: Date | undefined;
}

export type HiddenHazardReminderKind = Exclude<HiddenHazardEscalationState, 'on_time'> | 'review_overdue';

/** A reminder to send once: a worker stores `key` per hazard and skips keys it has sent. */
export interface HiddenHazardReminder {
  /** Stable for one stage of one deadline (or one submission), e.g. `overdue:2025-03-31`. */
  readonly key: string;
  readonly kind: HiddenHazardReminderKind;
  readonly recipients: readonly HiddenHazardActorKind[];
  /** When this stage began. */
  readonly since: Date;
}

export interface HiddenHazardEscalation {
  readonly state: HiddenHazardEscalationState;
  /** Whole days since the deadline ran out; 0 when not overdue. */
  readonly daysOverdue: number;
  /** The next stage boundary, when a worker should look again; null when there is none. */
  readonly nextChangeAt: Date | null;
  readonly reminder: HiddenHazardReminder | null;
}

const stateRank: Readonly<Record<HiddenHazardEscalationState, number>> = {
  on_time: 0,
  due_soon: 1,
  overdue: 2,
  escalated_county: 3,
  escalated_city: 4,
};

const recipientsOf: Readonly<
  Record<Exclude<HiddenHazardEscalationState, 'on_time'>, readonly HiddenHazardActorKind[]>
> = {
  due_soon: ['enterprise'],
  overdue: ['enterprise'],
  escalated_county: ['enterprise', 'county'],
  escalated_city: ['enterprise', 'county', 'city'],
};

function checkThresholds(rules: HiddenHazardEscalationRules): void {
  const whole = (value: number) => Number.isInteger(value) && value >= 0 && value <= 3650;
  const valid =
    [rules.general, rules.major].every(
      (t) =>
        whole(t.dueSoonDays) &&
        whole(t.countyAfterDays) &&
        whole(t.cityAfterDays) &&
        t.countyAfterDays <= t.cityAfterDays,
    ) &&
    whole(rules.acceptanceReviewDays) &&
    rules.acceptanceReviewDays > 0;
  if (!valid) {
    throw new HiddenHazardError('hazard.escalation_rules_invalid', {
      problem: 'days must be whole numbers from 0 to 3650, county ≤ city, review > 0',
      rules,
    });
  }
}

const quiet: HiddenHazardEscalation = {
  state: 'on_time',
  daysOverdue: 0,
  nextChangeAt: null,
  reminder: null,
};

/** Stage boundaries of one deadline, as instants: [due soon, overdue, county, city]. */
function boundaries(
  deadline: string,
  t: HiddenHazardEscalationThresholds,
): readonly [Date, Date, Date, Date] {
  const end = hiddenHazardDeadlineEndsAt(deadline).getTime();
  const at = (offsetDays: number) => new Date(end + offsetDays * day);
  return [at(-t.dueSoonDays), at(0), at(t.countyAfterDays), at(t.cityAfterDays)];
}

const timeStates = ['due_soon', 'overdue', 'escalated_county', 'escalated_city'] as const;

/** The deadline ladder; a listed hazard once overdue is at least at its listing department's stage. */
function deadlineEscalation(
  input: HiddenHazardEscalationInput & { deadline: string },
  thresholds: HiddenHazardEscalationThresholds,
  now: Date,
): HiddenHazardEscalation {
  const stages = boundaries(input.deadline, thresholds);
  let reached = -1;
  stages.forEach((start, index) => {
    if (now.getTime() >= start.getTime()) reached = index;
  });
  let state: HiddenHazardEscalationState = reached < 0 ? 'on_time' : timeStates[reached]!;
  const floor = input.supervisionLevel === 'city' ? 'escalated_city' : 'escalated_county';
  if (input.supervisionLevel && reached >= 1 && stateRank[floor] > stateRank[state]) state = floor;
  const overdueMs = now.getTime() - stages[1].getTime();
  const nextChangeAt = stages.find((start) => start.getTime() > now.getTime()) ?? null;
  if (state === 'on_time') return { ...quiet, nextChangeAt };
  const listed = input.supervisionLevel ? [input.supervisionLevel] : [];
  const recipients = [...new Set([...recipientsOf[state], ...listed])];
  return {
    state,
    daysOverdue: overdueMs >= 0 ? Math.floor(overdueMs / day) : 0,
    nextChangeAt: state === 'escalated_city' ? null : nextChangeAt,
    reminder: { key: `${state}:${input.deadline}`, kind: state, recipients, since: stages[reached]! },
  };
}

/** The on-site review clock of a submitted rectification (standards.md §4.6 step 5). */
function reviewEscalation(
  input: HiddenHazardEscalationInput,
  reviewDays: number,
  now: Date,
): HiddenHazardEscalation {
  if (!input.submittedAt) return quiet;
  const dueAt = new Date(input.submittedAt.getTime() + reviewDays * day);
  if (now.getTime() < dueAt.getTime()) return { ...quiet, nextChangeAt: dueAt };
  const recipients = hiddenHazardReviewerKinds({
    level: input.level,
    source: input.source,
    supervision: input.supervisionLevel ? { level: input.supervisionLevel } : undefined,
  });
  return {
    ...quiet,
    reminder: {
      key: `review_overdue:${input.submittedAt.toISOString()}`,
      kind: 'review_overdue',
      recipients,
      since: dueAt,
    },
  };
}

/**
 * Where an open hazard stands against its deadline at `now`, and the reminder due for that stage.
 * The deadline clock runs while the hazard awaits a plan or is being rectified; once the
 * rectification is submitted it stops and the reviewer's clock runs instead. Boundaries: due soon
 * from exactly `dueSoonDays` before the deadline day ends, overdue from the instant it ends,
 * escalated from exactly N whole days after. Pure and idempotent: same input, same answer and key.
 */
export function evaluateHazardEscalation(
  input: HiddenHazardEscalationInput,
  now: Date,
  rules: HiddenHazardEscalationRules = defaultHiddenHazardEscalationRules,
): HiddenHazardEscalation {
  checkThresholds(rules);
  if (input.status === 'pending_acceptance') return reviewEscalation(input, rules.acceptanceReviewDays, now);
  if ((input.status !== 'reported' && input.status !== 'rectifying') || input.deadline === undefined)
    return quiet;
  return deadlineEscalation({ ...input, deadline: input.deadline }, rules[input.level], now);
}
