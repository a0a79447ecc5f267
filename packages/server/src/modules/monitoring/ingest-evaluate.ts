import { evaluatePoint, rollUpSite } from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import type { PointTransition, WarningChange } from './alarm-store.ts';
import type { Draft, PendingReading, Prepared, ReadingsJob, SiteWarningState } from './ingest-types.ts';
import { presetFor, type LivePoint, type LivePoints } from './live-points.ts';

/** What the evaluation of a batch reads: the clock, the live points and the last site warnings. */
export interface EvaluationContext {
  readonly clock: Clock;
  readonly points: LivePoints;
  readonly siteWarnings: ReadonlyMap<string, SiteWarningState>;
  /** The points a tick evaluates (one writer of several); absent: all. */
  readonly owns?: (point: LivePoint) => boolean;
}

/**
 * Evaluates a batch (no batch: a worker tick) over the point states — the committed ones, or
 * those `after` leaves once it commits. Pure computation; nothing changes until `write`.
 */
export function evaluateBatch(
  context: EvaluationContext,
  batch: readonly ReadingsJob[],
  rows: number,
  after: Prepared | null,
): Prepared {
  const now = context.clock.now();
  const baseState = (point: LivePoint) => after?.drafts.get(point)?.state ?? point.state;
  const baseNextCheck = (point: LivePoint) => {
    const draft = after?.drafts.get(point);
    return draft ? draft.nextCheckAt : point.nextCheckAt;
  };
  const storedUpTo = (point: LivePoint) => Math.max(point.lastStoredAt, after?.maxAt.get(point) ?? -Infinity);
  const { fresh, late, repeated, maxAt, byPoint } = splitBatch(batch, storedUpTo);
  const drafts = new Map<LivePoint, Draft>();
  const transitions: PointTransition[] = [];
  const arrivals = new Map<string, number>();
  const draftOf = (point: LivePoint): Draft => {
    let draft = drafts.get(point);
    if (!draft) {
      draft = { state: baseState(point), nextCheckAt: baseNextCheck(point), evaluated: false };
      drafts.set(point, draft);
    }
    return draft;
  };

  if (batch.length > 0) {
    for (const [point, group] of byPoint) {
      let draft: Draft | null = null;
      if (group.length > 1) group.sort((a, b) => a.at - b.at);
      for (const row of group) {
        if (row.quality !== 'ok') continue;
        draft ??= draftOf(point);
        const input = {
          kind: 'reading',
          at: new Date(row.at),
          value: row.value,
          quality: row.quality,
        } as const;
        const result = evaluatePoint(draft.state, input, point.rules, now);
        if (result.ignored) continue;
        draft.state = result.state;
        draft.nextCheckAt = result.nextCheckAt ? result.nextCheckAt.getTime() : null;
        draft.evaluated = true;
        for (const transition of result.transitions) transitions.push({ point, transition });
        if (result.transitions.length > 0 && !arrivals.has(point.id))
          arrivals.set(point.id, ownerOf(batch, row).arrivedAt);
      }
    }
  } else {
    for (const point of context.points.owned(context.owns)) {
      const nextCheckAt = baseNextCheck(point);
      if (nextCheckAt === null || nextCheckAt > now.getTime()) continue;
      const result = evaluatePoint(baseState(point), { kind: 'tick' }, point.rules, now);
      const draft = draftOf(point);
      draft.state = result.state;
      draft.nextCheckAt = result.nextCheckAt ? result.nextCheckAt.getTime() : null;
      draft.evaluated = true;
      for (const transition of result.transitions) transitions.push({ point, transition });
    }
  }
  transitions.sort((a, b) => a.transition.at.getTime() - b.transition.at.getTime());
  const warnings = warningChanges(context, transitions, drafts, now, after);
  return { batch, rows, now, fresh, late, repeated, maxAt, drafts, transitions, arrivals, warnings };
}

/**
 * De-duplicates by (point, time) across the batch; readings newer than anything stored for their
 * point cannot be duplicates (fast COPY path), the others may be (duplicate-aware insert). Also
 * groups the readings by point for the evaluation. Once per reading: no keys are built, and a
 * reading is compared with its point's earlier ones only when it is not newer than all of them.
 */
function splitBatch(batch: readonly ReadingsJob[], storedUpTo: (point: LivePoint) => number) {
  const fresh: PendingReading[] = [];
  const late: PendingReading[] = [];
  const repeated = new Set<PendingReading>();
  const maxAt = new Map<LivePoint, number>();
  const byPoint = new Map<LivePoint, PendingReading[]>();
  for (const job of batch) {
    for (const row of job.rows) {
      let group = byPoint.get(row.point);
      if (!group) byPoint.set(row.point, (group = []));
      const newest = maxAt.get(row.point) ?? -Infinity;
      if (row.at <= newest && group.some((earlier) => earlier.at === row.at)) {
        job.duplicates += 1;
        repeated.add(row);
        continue;
      }
      group.push(row);
      if (row.at > newest) maxAt.set(row.point, row.at);
      (row.at > storedUpTo(row.point) ? fresh : late).push(row);
    }
  }
  return { fresh, late, repeated, maxAt, byPoint };
}

/** The job a reading of the batch came with (looked up only for a reading that changed an alarm). */
function ownerOf(batch: readonly ReadingsJob[], row: PendingReading): ReadingsJob {
  return batch.find((job) => job.rows.includes(row))!;
}

function warningChanges(
  context: EvaluationContext,
  transitions: readonly PointTransition[],
  drafts: Map<LivePoint, Draft>,
  now: Date,
  after: Prepared | null,
): WarningChange[] {
  const sites = new Map<string, LivePoint>();
  for (const { point } of transitions) sites.set(point.objectId, point);
  const changes: WarningChange[] = [];
  for (const [objectId, sample] of sites) {
    const members = context.points.siteMembers(
      objectId,
      (point) => drafts.get(point)?.state ?? after?.drafts.get(point)?.state ?? point.state,
    );
    const warning = rollUpSite(members, presetFor(sample.objectKind));
    // The batch being written may already change the site: compare with what it leaves.
    const pending = after?.warnings.find((change) => change.objectId === objectId);
    const previous = pending
      ? { level: pending.to, signature: JSON.stringify(pending.warning.reasons) }
      : context.siteWarnings.get(objectId);
    const signature = JSON.stringify(warning.reasons);
    if (previous && previous.level === warning.level && previous.signature === signature) continue;
    if (!previous && warning.level === null) continue;
    changes.push({
      objectId,
      county: sample.county,
      enterpriseId: sample.enterpriseId,
      from: previous?.level ?? null,
      to: warning.level,
      warning,
      at: now,
    });
  }
  return changes;
}
