import {
  alarmRuleSchema,
  type AlarmRule,
  type AlarmRuleKind,
  type AlarmThresholdLevel,
  type MonitoringPointType,
  type WarningColour,
} from '@anjian/domain';

/*
 * The alarm-rule form (报警规则) as plain data: what the user typed, the rule it makes (without
 * version — the server assigns the next one), and the problems the domain's schema finds, as
 * message keys under `monitoring.rules.problems.` so they show in the UI language.
 */

export interface ScheduleWindowDraft {
  days: number[];
  start: string;
  end: string;
}

export interface RuleDraft {
  id: string;
  scopeKind: 'type' | 'point';
  type: MonitoringPointType;
  point: string;
  kind: AlarmRuleKind;
  enabled: boolean;
  description: string;
  level: AlarmThresholdLevel;
  value: number | null;
  deadband: number | null;
  holdSeconds: number | null;
  direction: 'rise' | 'fall' | 'either';
  limitPerMinute: number | null;
  windowSeconds: number | null;
  epsilon: number | null;
  intervals: number | null;
  missedIntervals: number | null;
  /** '' = the default colour of the level or kind; 'none' = no site colour (a device fault). */
  colour: WarningColour | 'none' | '';
  scheduled: boolean;
  windows: ScheduleWindowDraft[];
}

/** A rule as POST takes it: every kind without its version. */
export type RuleInput = AlarmRule extends infer R
  ? R extends AlarmRule
    ? Omit<R, 'version'>
    : never
  : never;

export interface RuleProblem {
  /** Dotted path of the form field, e.g. `holdSeconds` or `schedule.windows.0.end`. */
  path: string;
  /** Key under `monitoring.rules.problems.` */
  key: 'required' | 'tooSmall' | 'tooBig' | 'format' | 'time' | 'sameTime' | 'invalid';
  params: Record<string, string | number>;
}

export function emptyRuleDraft(type: MonitoringPointType = 'liquid_level'): RuleDraft {
  return {
    id: '',
    scopeKind: 'type',
    type,
    point: '',
    kind: 'duration',
    enabled: true,
    description: '',
    level: 'H',
    value: null,
    deadband: null,
    holdSeconds: 60,
    direction: 'rise',
    limitPerMinute: null,
    windowSeconds: 60,
    epsilon: 0,
    intervals: 10,
    missedIntervals: 3,
    colour: '',
    scheduled: false,
    windows: [],
  };
}

/** A new window: working days, office hours. */
export function newScheduleWindow(): ScheduleWindowDraft {
  return { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' };
}

/** A suggested id for the draft, e.g. `liquid_level.h.duration` (ids are lower case). */
export function suggestedRuleId(draft: RuleDraft): string {
  const subject = draft.scopeKind === 'type' ? draft.type : draft.point.trim();
  const leveled = draft.kind === 'threshold' || draft.kind === 'duration';
  return [subject, leveled ? draft.level : null, draft.kind === 'threshold' ? null : draft.kind]
    .filter((part): part is string => Boolean(part))
    .join('.')
    .toLowerCase()
    .replace(/[^a-z0-9_.-]/g, '_');
}

const numberOrUndefined = (value: number | null) => (value === null ? undefined : value);

/** The rule the form describes, as POST /api/v1/monitoring/rules takes it. */
export function ruleFromDraft(draft: RuleDraft): RuleInput {
  const optional = (entries: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
  const colour = draft.colour === '' ? undefined : draft.colour === 'none' ? null : draft.colour;
  const base = optional({
    id: draft.id.trim(),
    scope:
      draft.scopeKind === 'type'
        ? { kind: 'type', type: draft.type }
        : { kind: 'point', point: draft.point.trim() },
    enabled: draft.enabled ? undefined : false,
    description: draft.description.trim() || undefined,
    schedule: draft.scheduled
      ? { windows: draft.windows.map((w) => ({ days: [...w.days].sort(), start: w.start, end: w.end })) }
      : undefined,
  });
  const byKind: Record<AlarmRuleKind, Record<string, unknown>> = {
    threshold: {
      level: draft.level,
      value: numberOrUndefined(draft.value),
      deadband: numberOrUndefined(draft.deadband),
    },
    duration: {
      level: draft.level,
      value: numberOrUndefined(draft.value),
      deadband: numberOrUndefined(draft.deadband),
      holdSeconds: draft.holdSeconds,
    },
    rate_of_change: {
      direction: draft.direction,
      limitPerMinute: draft.limitPerMinute,
      windowSeconds: draft.windowSeconds,
      deadband: numberOrUndefined(draft.deadband),
    },
    stuck: { epsilon: draft.epsilon, intervals: draft.intervals },
    no_data: { missedIntervals: draft.missedIntervals },
  };
  return { ...base, kind: draft.kind, ...optional({ ...byKind[draft.kind], colour }) } as RuleInput;
}

/** The form filled from a stored or default rule, to save its next version. */
export function draftFromRule(rule: AlarmRule | RuleInput): RuleDraft {
  const draft = emptyRuleDraft(rule.scope.kind === 'type' ? rule.scope.type : 'liquid_level');
  Object.assign(draft, {
    id: rule.id,
    scopeKind: rule.scope.kind,
    point: rule.scope.kind === 'point' ? rule.scope.point : '',
    kind: rule.kind,
    enabled: rule.enabled !== false,
    description: rule.description ?? '',
    colour: rule.colour === null ? 'none' : (rule.colour ?? ''),
    scheduled: rule.schedule !== undefined,
    windows: (rule.schedule?.windows ?? []).map((w) => ({ days: [...w.days], start: w.start, end: w.end })),
  });
  if (rule.kind === 'threshold' || rule.kind === 'duration') {
    Object.assign(draft, { level: rule.level, value: rule.value ?? null, deadband: rule.deadband ?? null });
  }
  if (rule.kind === 'duration') draft.holdSeconds = rule.holdSeconds;
  if (rule.kind === 'rate_of_change') {
    Object.assign(draft, {
      direction: rule.direction,
      limitPerMinute: rule.limitPerMinute,
      windowSeconds: rule.windowSeconds,
      deadband: rule.deadband ?? null,
    });
  }
  if (rule.kind === 'stuck') Object.assign(draft, { epsilon: rule.epsilon, intervals: rule.intervals });
  if (rule.kind === 'no_data') draft.missedIntervals = rule.missedIntervals;
  return draft;
}

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  minimum?: unknown;
  maximum?: unknown;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path) at = at === null || typeof at !== 'object' ? undefined : (at as never)[key];
  return at;
}

function problemOf(issue: Issue, rule: unknown): RuleProblem {
  const path = issue.path.map(String).join('.');
  const last = String(issue.path.at(-1) ?? '');
  const value = valueAt(rule, issue.path);
  if (value === '' || (issue.code === 'invalid_type' && (value === undefined || value === null)))
    return { path, key: 'required', params: {} };
  if (issue.code === 'too_small') {
    const min = Number(issue.minimum);
    if (last === 'days' || last === 'windows' || last === 'id') return { path, key: 'required', params: {} };
    return { path, key: 'tooSmall', params: { n: min } };
  }
  if (issue.code === 'too_big') return { path, key: 'tooBig', params: { n: Number(issue.maximum) } };
  if (last === 'start' || last === 'end') {
    return issue.message === 'start and end must differ'
      ? { path, key: 'sameTime', params: {} }
      : { path, key: 'time', params: {} };
  }
  if (issue.code === 'invalid_format') return { path, key: 'format', params: {} };
  return { path, key: 'invalid', params: {} };
}

/** What the domain's schema finds wrong with the draft (checked as version 1); empty when fine. */
export function ruleDraftProblems(draft: RuleDraft): RuleProblem[] {
  const rule = ruleFromDraft(draft);
  const parsed = alarmRuleSchema.safeParse({ ...rule, version: 1 });
  if (parsed.success) return [];
  const seen = new Set<string>();
  return parsed.error.issues
    .map((issue) => problemOf(issue, rule))
    .filter((problem) => {
      if (seen.has(problem.path)) return false;
      seen.add(problem.path);
      return true;
    });
}

/** The form field a problem belongs to: `scope.point` → `point`, `schedule.windows.0.end` kept. */
export function problemField(path: string): string {
  if (path === 'scope.point') return 'point';
  if (path === 'scope.type') return 'type';
  return path;
}
