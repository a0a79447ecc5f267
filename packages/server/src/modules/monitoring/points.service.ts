import {
  defaultPointThresholds,
  DomainError,
  isNaturalHazardSiteKind,
  pointWarningColour,
  TREND_MAX_SPAN_MS,
  trendBucketSeconds,
  trendResolution,
  trendStepSeconds,
  type DataScope,
  type MonitoringPointDefinition,
  type MonitoringPointType,
  type ToxicGasCode,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { scopeAllows } from '../../platform/scope-sql.ts';
import type { IngestWriters } from './ingest-writers.ts';
import { livePointOf, type LivePoints } from './live-points.ts';
import {
  MONITORABLE_KINDS,
  type MonitoringRepository,
  type PointFilter,
  type PointListRow,
} from './monitoring.repository.ts';
import type { MonitoringSettingsService } from './monitoring-settings.service.ts';
import type { PointsRepository } from './points.repository.ts';
import { readAggregates } from './readings-aggregates.ts';

/** Monitoring points (监测点): their definitions, live state and readings. */
export function createPointsService(deps: {
  db: Db;
  clock: Clock;
  repository: MonitoringRepository;
  pointsRepository: PointsRepository;
  points: LivePoints;
  pipeline: IngestWriters;
  settings: MonitoringSettingsService;
}) {
  const { db, clock, repository, pointsRepository, points, pipeline, settings } = deps;

  async function reloadPoints(ids: readonly string[]): Promise<void> {
    await pipeline.idle();
    const rows = await repository.livePointRows(db, ids);
    const now = clock.now();
    for (const id of ids) points.removeById(id);
    for (const row of rows) {
      const point = livePointOf(row, settings.rulesOfPoint(row), now);
      points.put(point);
    }
  }

  function pointResponse(row: PointListRow) {
    const live = points.get(row.code);
    const last = live?.state.last;
    const lastAt = live && Number.isFinite(live.lastStoredAt) ? live.lastStoredAt : null;
    const now = clock.now().getTime();
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      type: row.type,
      unit: row.unit,
      ...(row.gas ? { gas: row.gas } : {}),
      objectId: row.object_id,
      objectName: row.object_name,
      objectKind: row.object_kind,
      enterpriseId: row.enterprise_id,
      enterpriseName: row.enterprise_name,
      ...(row.responsible_unit ? { responsibleUnit: row.responsible_unit } : {}),
      county: row.county,
      range: { min: row.range_min, max: row.range_max },
      expectedIntervalSeconds: row.expected_interval_seconds,
      thresholds:
        row.thresholds ??
        defaultPointThresholds({
          type: row.type as MonitoringPointType,
          unit: row.unit,
          ...(row.gas ? { gas: row.gas as ToxicGasCode } : {}),
        }),
      thresholdsAreDefaults: row.thresholds === null,
      ...(row.deadband !== null ? { deadband: row.deadband } : {}),
      ...(row.location ? { location: row.location } : {}),
      version: row.version,
      demo: row.demo,
      lastValue: last ? last[1] : null,
      lastAt: lastAt === null ? null : new Date(lastAt).toISOString(),
      online: lastAt !== null && now - lastAt <= 3 * row.expected_interval_seconds * 1000,
      level: live ? pointWarningColour(live.state, live.rules).level : null,
      rules: live
        ? live.rules.map((rule) => ({
            id: rule.id,
            version: rule.version,
            kind: rule.kind,
            colour: rule.colour,
            status: live.state.rules[rule.id]?.status ?? 'normal',
          }))
        : [],
    };
  }

  async function objectInScope(scope: DataScope, objectId: string) {
    const object = await repository.findObject(objectId);
    if (!object || !scopeAllows(scope, object.county, object.enterprise_id)) {
      throw new DomainError('monitoring.site_not_found');
    }
    // A natural-hazard site has no enterprise (decision 0006); every other kind must have one.
    if (
      !MONITORABLE_KINDS.includes(object.kind) ||
      (!object.enterprise_id && !isNaturalHazardSiteKind(object.kind))
    )
      throw new DomainError('monitoring.object_not_monitorable');
    return object;
  }

  return {
    async createPoint(auth: AuthContext, input: MonitoringPointDefinition) {
      const object = await objectInScope(auth.scope, input.objectId);
      const id = await pointsRepository.insertPoint(input, object, clock.now());
      await reloadPoints([id]);
      return pointResponse((await repository.getPoint(auth.scope, id))!);
    },

    async updatePoint(auth: AuthContext, id: string, input: MonitoringPointDefinition) {
      const existing = await repository.getPoint(auth.scope, id);
      if (!existing) throw new DomainError('monitoring.point_not_found');
      const object = await objectInScope(auth.scope, input.objectId);
      await pointsRepository.updatePoint(id, input, object, clock.now());
      await reloadPoints([id]);
      return pointResponse((await repository.getPoint(auth.scope, id))!);
    },

    /** Takes a point out of service; its readings and alarms stay. */
    async disablePoint(auth: AuthContext, id: string): Promise<void> {
      const existing = await repository.getPoint(auth.scope, id);
      if (!existing) throw new DomainError('monitoring.point_not_found');
      await pipeline.idle();
      await pointsRepository.disablePoint(id, clock.now());
      points.remove(existing.code);
    },

    async listPoints(auth: AuthContext, filter: PointFilter, page: number, pageSize: number) {
      const { rows, total } = await repository.listPoints(auth.scope, filter, page, pageSize);
      return { items: rows.map(pointResponse), total, page, pageSize };
    },

    async getPoint(auth: AuthContext, id: string) {
      const row = await repository.getPoint(auth.scope, id);
      if (!row) throw new DomainError('monitoring.point_not_found');
      return pointResponse(row);
    },

    /**
     * A point's trend between two instants, at the resolution the span asks for (the domain's
     * trendResolution: raw ≤ 6 h < minute aggregates ≤ 7 d < hour aggregates, at most 400 days);
     * beyond 2,000 rows re-bucketed. Each reading is [epochMs, value, flags]; for aggregates the value
     * is the bucket's maximum (the peak, as alarms see it) and `aggregates` adds [epochMs, min, avg,
     * max, last, count].
     */
    async readings(auth: AuthContext, id: string, from: Date, to: Date) {
      const row = await repository.getPoint(auth.scope, id);
      if (!row) throw new DomainError('monitoring.point_not_found');
      const span = to.getTime() - from.getTime();
      if (!(from < to) || span > TREND_MAX_SPAN_MS)
        throw new DomainError('request.invalid', {
          fields: [{ path: 'to', code: 'request.invalid', message: 'from < to, at most 400 days' }],
        });
      const pointNo = row.no;
      const resolution = trendResolution(span);
      const response = pointResponse(row);
      const head = {
        point: row.code,
        unit: row.unit,
        range: response.range,
        thresholds: response.thresholds,
      };
      if (resolution === 'raw') {
        const count = await repository.countReadings(pointNo, from, to);
        const bucketSeconds = trendBucketSeconds('raw', span, count);
        const rows = await repository.readings(pointNo, from, to, bucketSeconds);
        return {
          ...head,
          resolution,
          bucketSeconds,
          readings: rows.map((reading) => [Math.round(reading.at), reading.value, reading.flags] as const),
        };
      }
      // At most one row per step: the span in steps decides the re-bucketing without counting.
      const bucketSeconds = trendBucketSeconds(
        resolution,
        span,
        Math.ceil(span / 1000 / trendStepSeconds[resolution]),
      );
      const rows = await readAggregates(db, resolution, pointNo, from, to, bucketSeconds);
      return {
        ...head,
        resolution,
        bucketSeconds,
        readings: rows.map((a) => [Math.round(a.at), a.max, a.n > 0 ? 0 : a.flags] as const),
        aggregates: rows.map((a) => [Math.round(a.at), a.min, a.avg, a.max, a.last, a.n] as const),
      };
    },

    /** Of the given ids, those that are monitoring points of this enterprise (issue 19, defect 5). */
    pointsOfEnterprise(enterpriseId: string, pointIds: readonly string[]): string[] {
      return [...new Set(pointIds)].filter((id) => points.getById(id)?.enterpriseId === enterpriseId);
    },

    /**
     * Whether every point has stayed normal for the configured period (the hazard acceptance
     * guard), with the codes of those that have not.
     */
    pointsNormalSince(pointIds: readonly string[]): { ok: boolean; abnormal: string[] } {
      const now = clock.now().getTime();
      const period = settings.settings.normalMinutesBeforeAcceptance * 60_000;
      const abnormal: string[] = [];
      for (const id of new Set(pointIds)) {
        const point = points.getById(id);
        if (!point) continue;
        const calm = Object.values(point.state.rules).every(
          (rule) =>
            rule.status === 'normal' && (rule.changedAt === undefined || now - rule.changedAt >= period),
        );
        if (!calm) abnormal.push(point.code);
      }
      return { ok: abnormal.length === 0, abnormal };
    },
  };
}

export type PointsService = ReturnType<typeof createPointsService>;
