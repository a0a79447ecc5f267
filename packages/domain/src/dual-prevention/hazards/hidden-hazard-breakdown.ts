import { z } from 'zod';
import { hiddenHazardDeadlineEndsAt } from './hidden-hazard-deadline.ts';
import { hiddenHazardStatisticsSchema } from './hidden-hazard.schema.ts';
import {
  type HiddenHazardEscalationState,
  type HiddenHazardLevel,
  type HiddenHazardStatus,
  hiddenHazardLevels,
  openHiddenHazardStatuses,
} from './hidden-hazard-terms.ts';

/*
 * The hazard ledger's breakdown for the statistics page: open, closed and overdue hazards by county,
 * sector and level, the rectification rate (整改率) and the on-time rate (按期整改率).
 */

const overdueStates: readonly HiddenHazardEscalationState[] = [
  'overdue',
  'escalated_county',
  'escalated_city',
];

export interface HiddenHazardBreakdownInput {
  readonly level: HiddenHazardLevel;
  readonly status: HiddenHazardStatus;
  readonly escalation: HiddenHazardEscalationState;
  readonly county: string;
  /** Regulatory sectors of the enterprise; a hazard counts in each. */
  readonly sectors: readonly string[];
  /** The deadline when the hazard was closed (after extensions). */
  readonly deadline?: string | undefined;
  /** When the accepted rectification was submitted. */
  readonly submittedAt?: Date | undefined;
}

interface Tally {
  total: number;
  open: number;
  closed: number;
  overdue: number;
}

export interface HiddenHazardRate {
  readonly numerator: number;
  readonly denominator: number;
  /** numerator ÷ denominator rounded to 4 decimals; null when the denominator is 0. */
  readonly rate: number | null;
}

export interface HiddenHazardBreakdown {
  readonly overdue: { general: number; major: number; total: number };
  readonly closed: { general: number; major: number; total: number };
  readonly byLevel: Record<HiddenHazardLevel, Tally>;
  readonly byCounty: (Tally & { key: string })[];
  readonly bySector: (Tally & { key: string })[];
  readonly rectificationRate: HiddenHazardRate;
  readonly onTimeRate: HiddenHazardRate;
}

const tally = (): Tally => ({ total: 0, open: 0, closed: 0, overdue: 0 });

function rateOf(numerator: number, denominator: number): HiddenHazardRate {
  return {
    numerator,
    denominator,
    rate: denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000,
  };
}

function keyed(map: Map<string, Tally>): (Tally & { key: string })[] {
  return [...map.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, counts]) => ({ key, ...counts }));
}

function onTime(hazard: HiddenHazardBreakdownInput): boolean {
  return (
    hazard.submittedAt !== undefined &&
    hazard.submittedAt.getTime() < hiddenHazardDeadlineEndsAt(hazard.deadline!).getTime()
  );
}

/**
 * Counts per level, county and sector. Overdue = open and past its deadline; 整改率 = closed ÷ every
 * hazard not dismissed as unfounded; 按期整改率 = closed hazards whose accepted rectification was
 * submitted before their (possibly extended) deadline ran out ÷ closed hazards that had a deadline.
 */
export function breakDownHiddenHazards(hazards: Iterable<HiddenHazardBreakdownInput>): HiddenHazardBreakdown {
  const byLevel = Object.fromEntries(hiddenHazardLevels.map((level) => [level, tally()])) as Record<
    HiddenHazardLevel,
    Tally
  >;
  const byCounty = new Map<string, Tally>();
  const bySector = new Map<string, Tally>();
  let counted = 0;
  let closedWithDeadline = 0;
  let closedOnTime = 0;
  const add = (map: Map<string, Tally>, key: string) => map.get(key) ?? map.set(key, tally()).get(key)!;
  for (const hazard of hazards) {
    const isOpen = openHiddenHazardStatuses.includes(hazard.status);
    const isClosed = hazard.status === 'closed';
    const isOverdue = isOpen && overdueStates.includes(hazard.escalation);
    const sectors = hazard.sectors.length > 0 ? [...new Set(hazard.sectors)] : [''];
    for (const counts of [
      byLevel[hazard.level],
      add(byCounty, hazard.county),
      ...sectors.map((s) => add(bySector, s)),
    ]) {
      counts.total += 1;
      if (isOpen) counts.open += 1;
      if (isClosed) counts.closed += 1;
      if (isOverdue) counts.overdue += 1;
    }
    if (hazard.status !== 'dismissed') counted += 1;
    if (isClosed && hazard.deadline !== undefined) {
      closedWithDeadline += 1;
      if (onTime(hazard)) closedOnTime += 1;
    }
  }
  const byLevelOf = (pick: keyof Tally) => ({
    general: byLevel.general[pick],
    major: byLevel.major[pick],
    total: byLevel.general[pick] + byLevel.major[pick],
  });
  return {
    overdue: byLevelOf('overdue'),
    closed: byLevelOf('closed'),
    byLevel,
    byCounty: keyed(byCounty),
    bySector: keyed(bySector),
    rectificationRate: rateOf(byLevelOf('closed').total, counted),
    onTimeRate: rateOf(closedOnTime, closedWithDeadline),
  };
}

const countsSchema = z.object({ general: z.int().min(0), major: z.int().min(0), total: z.int().min(0) });
const tallySchema = z.object({
  total: z.int().min(0),
  open: z.int().min(0),
  closed: z.int().min(0),
  overdue: z.int().min(0).describe('Open and past the deadline'),
});
const rateSchema = z.object({
  numerator: z.int().min(0),
  denominator: z.int().min(0),
  rate: z.number().min(0).max(1).nullable().describe('Rounded to 4 decimals; null when nothing to count'),
});

/** Answer of `GET /api/v1/hazards/statistics`: the counts plus the breakdown. */
export const hiddenHazardStatisticsResponseSchema = hiddenHazardStatisticsSchema.extend({
  overdue: countsSchema.describe('Open hazards past their deadline'),
  closed: countsSchema.describe('Closed (accepted) hazards'),
  byLevel: z.object({ general: tallySchema, major: tallySchema }),
  byCounty: z.array(tallySchema.extend({ key: z.string().describe('County code') })),
  bySector: z.array(
    tallySchema.extend({
      key: z.string().describe('Regulatory sector code; "" for enterprises without one'),
    }),
  ),
  rectificationRate: rateSchema.describe('整改率: closed ÷ all but dismissed'),
  onTimeRate: rateSchema.describe('按期整改率: closed by the deadline ÷ closed with a deadline'),
});
