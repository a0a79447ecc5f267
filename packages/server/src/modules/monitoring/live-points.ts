import {
  createPointAlarmState,
  defaultAlarmRules,
  hazardousChemicalRollupPreset,
  isNaturalHazardSiteKind,
  naturalHazardRollupPreset,
  pointWarningColour,
  resolvePointRules,
  tailingsRollupPreset,
  type AlarmRule,
  type MonitoringPointType,
  type PointAlarmState,
  type PointForRules,
  type ResolvedAlarmRule,
  type RollupPreset,
  type SiteWarningPoint,
} from '@anjian/domain';

/**
 * A monitoring point as the hot path needs it, kept in memory (tech-measurements.md: keep the
 * latest values in memory; the alarm engine needs them anyway). The database is the record; this
 * is rebuilt from it at start-up and updated after each commit.
 */
export interface LivePoint {
  readonly id: string;
  readonly no: number;
  readonly code: string;
  readonly name: string;
  readonly objectId: string;
  readonly objectKind: string;
  readonly enterpriseId: string | null;
  readonly county: string;
  readonly type: MonitoringPointType;
  readonly unit: string;
  readonly range: { readonly min: number; readonly max: number };
  readonly definition: PointForRules;
  rules: readonly ResolvedAlarmRule[];
  state: PointAlarmState;
  /** Newest stored reading time (epoch ms), any quality: newer readings cannot be duplicates. */
  lastStoredAt: number;
  /** When a worker tick could change an alarm without a new reading (epoch ms). */
  nextCheckAt: number | null;
  /** The state changed since it was last written. */
  dirty: boolean;
}

export interface PointRow {
  id: string;
  no: number;
  code: string;
  name: string;
  object_id: string;
  object_kind: string;
  enterprise_id: string | null;
  county: string;
  type: MonitoringPointType;
  unit: string;
  gas: string | null;
  range_min: number;
  range_max: number;
  expected_interval_seconds: number;
  thresholds: PointForRules['thresholds'] | null;
  deadband: number | null;
  state: PointAlarmState | null;
  next_check: Date | null;
  last_stored: Date | null;
}

/** The rules of a point: the type's defaults, then stored rules of its type or for the point itself. */
export function rulesFor(definition: PointForRules, stored: readonly AlarmRule[]): ResolvedAlarmRule[] {
  const storedIds = new Set(stored.map((rule) => `${rule.id}|${rule.scope.kind}`));
  const defaults = defaultAlarmRules(definition.type).filter((rule) => !storedIds.has(`${rule.id}|type`));
  return [...resolvePointRules(definition, [...defaults, ...stored]).rules];
}

export function definitionOf(row: PointRow): PointForRules {
  return {
    code: row.code,
    type: row.type,
    unit: row.unit,
    ...(row.gas ? { gas: row.gas as NonNullable<PointForRules['gas']> } : {}),
    range: { min: row.range_min, max: row.range_max },
    expectedIntervalSeconds: row.expected_interval_seconds,
    ...(row.thresholds ? { thresholds: row.thresholds } : {}),
    ...(row.deadband !== null ? { deadband: row.deadband } : {}),
  };
}

export function livePointOf(row: PointRow, stored: readonly AlarmRule[], now: Date): LivePoint {
  const definition = definitionOf(row);
  return {
    id: row.id,
    no: row.no,
    code: row.code,
    name: row.name,
    objectId: row.object_id,
    objectKind: row.object_kind,
    enterpriseId: row.enterprise_id,
    county: row.county,
    type: row.type,
    unit: row.unit,
    range: definition.range,
    definition,
    rules: rulesFor(definition, stored),
    state: row.state ?? createPointAlarmState(now),
    lastStoredAt: row.last_stored ? row.last_stored.getTime() : -Infinity,
    nextCheckAt: row.next_check ? row.next_check.getTime() : row.state ? null : now.getTime(),
    dirty: false,
  };
}

/**
 * The roll-up preset of a kind of site: the tailings preset for tailings ponds, the natural-hazard
 * one for geological-hazard sites and forest-fire risk areas, else hazardous chemicals.
 */
export function presetFor(objectKind: string): RollupPreset {
  if (isNaturalHazardSiteKind(objectKind)) return naturalHazardRollupPreset;
  return objectKind === 'tailings_pond' ? tailingsRollupPreset : hazardousChemicalRollupPreset;
}

/** All live points, by code and by object. */
export class LivePoints {
  private readonly byCode = new Map<string, LivePoint>();
  private readonly byId = new Map<string, LivePoint>();
  private readonly byObject = new Map<string, Set<LivePoint>>();

  get size(): number {
    return this.byCode.size;
  }

  get(code: string): LivePoint | undefined {
    return this.byCode.get(code);
  }

  getById(id: string): LivePoint | undefined {
    return this.byId.get(id);
  }

  all(): IterableIterator<LivePoint> {
    return this.byCode.values();
  }

  /** The points `owns` picks (one ingest writer's share, ingest-writers.ts); without it, all. */
  *owned(owns?: (point: LivePoint) => boolean): Generator<LivePoint> {
    for (const point of this.byCode.values()) if (!owns || owns(point)) yield point;
  }

  ofObject(objectId: string): readonly LivePoint[] {
    return [...(this.byObject.get(objectId) ?? [])];
  }

  put(point: LivePoint): void {
    this.remove(point.code);
    this.removeById(point.id);
    this.byCode.set(point.code, point);
    this.byId.set(point.id, point);
    const members = this.byObject.get(point.objectId) ?? new Set();
    members.add(point);
    this.byObject.set(point.objectId, members);
  }

  remove(code: string): void {
    const existing = this.byCode.get(code);
    if (!existing) return;
    this.byCode.delete(code);
    this.byId.delete(existing.id);
    this.byObject.get(existing.objectId)?.delete(existing);
  }

  removeById(id: string): void {
    const existing = this.byId.get(id);
    if (existing) this.remove(existing.code);
  }

  /** The points of a site with their own warning level, for the roll-up (states may be drafts). */
  siteMembers(objectId: string, stateOf: (point: LivePoint) => PointAlarmState): SiteWarningPoint[] {
    return this.ofObject(objectId).map((point) => ({
      id: point.code,
      type: point.type,
      level: pointWarningColour(stateOf(point), point.rules).level,
    }));
  }
}
