import {
  applyAlarmEvent,
  defaultAlarmEscalationRules,
  defaultPointThresholds,
  defaultRepeatAlarmRules,
  DomainError,
  evaluateAlarmEscalation,
  pointWarningColour,
  type AlarmAction,
  type AlarmActorKind,
  type AlarmEscalationRules,
  type AlarmRule,
  type DataScope,
  type MonitoringPointDefinition,
  type MonitoringPointType,
  type ToxicGasCode,
  type RepeatAlarmRules,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { inTransactionWithEvents, type EventBus } from '../../platform/events/index.ts';
import { scopeAllows } from '../../platform/scope-sql.ts';
import { alarmResponseOf, columnsOf, recordOf } from './alarm-rows.ts';
import type { AlarmChange } from './alarm-store.ts';
import type { Device } from './device-tokens.ts';
import { IngestPipeline, type SiteWarningState } from './ingest-pipeline.ts';
import { LivePoints, livePointOf, rulesFor, type LivePoint } from './live-points.ts';
import {
  MONITORABLE_KINDS,
  type AlarmFilter,
  type MonitoringRepository,
  type PointFilter,
  type PointListRow,
} from './monitoring.repository.ts';
import { prepareReadings } from './telemetry-readings.ts';
import type { Notifier } from '../notifications/index.ts';

/** Settings of the module; numbers the references leave open are configurable (standards.md §6.4). */
export interface MonitoringSettings {
  readonly escalation: AlarmEscalationRules;
  readonly repeat: RepeatAlarmRules;
  /** A hazard linked to points is accepted only after they stayed normal this long (issue 5 item 9). */
  readonly normalMinutesBeforeAcceptance: number;
}

export const defaultMonitoringSettings: MonitoringSettings = {
  escalation: defaultAlarmEscalationRules,
  repeat: defaultRepeatAlarmRules,
  normalMinutesBeforeAcceptance: 60,
};

export interface IngestOptions {
  readonly queueLimit: number;
  readonly batchRows: number;
  readonly lingerMs: number;
}

export const defaultIngestOptions: IngestOptions = { queueLimit: 200_000, batchRows: 10_000, lingerMs: 2 };

/** Who acts on an alarm: the enterprise, the county or the city, by the user's data scope. */
export function alarmActorKindOf(scope: DataScope): Exclude<AlarmActorKind, 'system'> {
  return scope.kind === 'city' ? 'city' : scope.kind === 'county' ? 'county' : 'enterprise';
}

const DAY = 86_400_000;

export function createMonitoringService(deps: {
  db: Db;
  clock: Clock;
  repository: MonitoringRepository;
  events: EventBus;
  ingest?: Partial<IngestOptions>;
  onFired?: (changes: readonly AlarmChange[]) => void;
  /** In-app notifications of escalations (the enterprise, then the county, then the city). */
  notifications?: Notifier;
  log?: (error: unknown) => void;
}) {
  const { db, clock, repository, events } = deps;
  const options = { ...defaultIngestOptions, ...deps.ingest };
  const points = new LivePoints();
  const siteWarnings = new Map<string, SiteWarningState>();
  let settings: MonitoringSettings = defaultMonitoringSettings;
  let storedRules: AlarmRule[] = [];

  const pipeline = new IngestPipeline({
    db,
    clock,
    points,
    events,
    escalation: () => settings.escalation,
    siteWarnings,
    queueLimit: options.queueLimit,
    batchRows: options.batchRows,
    lingerMs: options.lingerMs,
    ...(deps.onFired ? { onFired: deps.onFired } : {}),
    ...(deps.log ? { onError: deps.log } : {}),
  });

  const rulesOfPoint = (point: { code: string; type: string }) =>
    storedRules.filter((rule) =>
      rule.scope.kind === 'point' ? rule.scope.point === point.code : rule.scope.type === point.type,
    );

  async function reloadPoints(ids: readonly string[]): Promise<void> {
    await pipeline.idle();
    const rows = await repository.livePointRows(db, ids);
    const now = clock.now();
    for (const id of ids) points.removeById(id);
    for (const row of rows) {
      const point = livePointOf(row, rulesOfPoint(row), now);
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
    if (!MONITORABLE_KINDS.includes(object.kind) || !object.enterprise_id)
      throw new DomainError('monitoring.object_not_monitorable');
    return object as typeof object & { enterprise_id: string };
  }

  async function visibleAlarm(scope: DataScope, id: string) {
    const row = await repository.getAlarm(db, scope, id);
    if (!row) throw new DomainError('monitoring.alarm_not_found');
    return row;
  }

  return {
    points,
    pipeline,
    get settings() {
      return settings;
    },

    /** Loads points, rules, states and warnings; call before serving. */
    async start(): Promise<void> {
      const stored = await db.query<{ body: MonitoringSettings }>('SELECT body FROM monitoring_settings');
      if (stored.rows[0]) settings = { ...defaultMonitoringSettings, ...stored.rows[0].body };
      storedRules = await repository.storedRules();
      const now = clock.now();
      for (const row of await repository.livePointRows())
        points.put(livePointOf(row, rulesOfPoint(row), now));
      for (const row of await repository.siteWarnings())
        siteWarnings.set(row.object_id, { level: row.level, signature: JSON.stringify(row.reasons) });
    },

    async stop(): Promise<void> {
      await pipeline.idle();
      // With the database away the last states cannot be written: the failure is logged by the
      // pipeline, the next start evaluates from the last snapshot, and shutdown goes on.
      await pipeline.snapshot().catch(() => undefined);
    },

    /** Telemetry from a device: per-reading rejections; resolves after the valid ones are durable. */
    async ingest(device: Device, readings: readonly unknown[], arrivedAt = Date.now()) {
      const prepared = prepareReadings(readings, device.enterpriseId, points, clock.now());
      if (!pipeline.hasRoom(prepared.rows.length)) throw new DomainError('telemetry.busy');
      const counts = await pipeline.submit(prepared.rows, arrivedAt);
      return {
        accepted: counts.stored,
        duplicates: counts.duplicates,
        rejected: prepared.rejected,
        unknownPoints: prepared.unknownPoints,
        flagged: prepared.flagged,
      };
    },

    async createPoint(auth: AuthContext, input: MonitoringPointDefinition) {
      const object = await objectInScope(auth.scope, input.objectId);
      const now = clock.now();
      const result = await db
        .query<{ id: string }>(
          `INSERT INTO monitoring_points (code, name, object_id, enterprise_id, county, type, unit, gas, range_min,
             range_max, expected_interval_seconds, thresholds, deadband, location, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15) RETURNING id`,
          [
            input.code,
            input.name,
            object.id,
            object.enterprise_id,
            object.county,
            input.type,
            input.unit,
            input.gas ?? null,
            input.range.min,
            input.range.max,
            input.expectedIntervalSeconds,
            input.thresholds ? JSON.stringify(input.thresholds) : null,
            input.deadband ?? null,
            input.location ?? null,
            now,
          ],
        )
        .catch((error: { code?: string }) => {
          if (error.code === '23505') throw new DomainError('monitoring.point_code_taken');
          throw error;
        });
      const id = result.rows[0]!.id;
      await reloadPoints([id]);
      return pointResponse((await repository.getPoint(auth.scope, id))!);
    },

    async updatePoint(auth: AuthContext, id: string, input: MonitoringPointDefinition) {
      const existing = await repository.getPoint(auth.scope, id);
      if (!existing) throw new DomainError('monitoring.point_not_found');
      const object = await objectInScope(auth.scope, input.objectId);
      await db
        .query(
          `UPDATE monitoring_points SET code = $2, name = $3, object_id = $4, enterprise_id = $5, county = $6, type = $7,
             unit = $8, gas = $9, range_min = $10, range_max = $11, expected_interval_seconds = $12, thresholds = $13,
             deadband = $14, location = $15, version = version + 1, updated_at = $16
           WHERE id = $1`,
          [
            id,
            input.code,
            input.name,
            object.id,
            object.enterprise_id,
            object.county,
            input.type,
            input.unit,
            input.gas ?? null,
            input.range.min,
            input.range.max,
            input.expectedIntervalSeconds,
            input.thresholds ? JSON.stringify(input.thresholds) : null,
            input.deadband ?? null,
            input.location ?? null,
            clock.now(),
          ],
        )
        .catch((error: { code?: string }) => {
          if (error.code === '23505') throw new DomainError('monitoring.point_code_taken');
          throw error;
        });
      await reloadPoints([id]);
      return pointResponse((await repository.getPoint(auth.scope, id))!);
    },

    /** Takes a point out of service; its readings and alarms stay. */
    async disablePoint(auth: AuthContext, id: string): Promise<void> {
      const existing = await repository.getPoint(auth.scope, id);
      if (!existing) throw new DomainError('monitoring.point_not_found');
      await pipeline.idle();
      await db.query('UPDATE monitoring_points SET disabled_at = $2, updated_at = $2 WHERE id = $1', [
        id,
        clock.now(),
      ]);
      points.remove(existing.code);
    },

    async listPoints(auth: AuthContext, filter: PointFilter, page: number, pageSize: number) {
      const rows = await repository.listPoints(auth.scope, filter, page, pageSize);
      return { items: rows.map(pointResponse), total: rows[0]?.total ?? 0, page, pageSize };
    },

    async getPoint(auth: AuthContext, id: string) {
      const row = await repository.getPoint(auth.scope, id);
      if (!row) throw new DomainError('monitoring.point_not_found');
      return pointResponse(row);
    },

    /** A point's readings between two instants; over 2,000 readings they are bucketed (max per bucket). */
    async readings(auth: AuthContext, id: string, from: Date, to: Date) {
      const row = await repository.getPoint(auth.scope, id);
      if (!row) throw new DomainError('monitoring.point_not_found');
      if (!(from < to) || to.getTime() - from.getTime() > 31 * DAY)
        throw new DomainError('request.invalid', {
          fields: [{ path: 'to', code: 'request.invalid', message: 'from < to, at most 31 days' }],
        });
      const pointNo = row.no;
      const count = await repository.countReadings(pointNo, from, to);
      const bucketSeconds = count > 2000 ? Math.ceil((to.getTime() - from.getTime()) / 1000 / 1000) : 0;
      const rows = await repository.readings(pointNo, from, to, bucketSeconds);
      const response = pointResponse(row);
      return {
        point: row.code,
        unit: row.unit,
        range: response.range,
        thresholds: response.thresholds,
        bucketSeconds,
        readings: rows.map((reading) => [Math.round(reading.at), reading.value, reading.flags] as const),
      };
    },

    async listAlarms(auth: AuthContext, filter: AlarmFilter, page: number, pageSize: number) {
      const rows = await repository.listAlarms(auth.scope, filter, page, pageSize);
      return { items: rows.map(alarmResponseOf), total: rows[0]?.total ?? 0, page, pageSize };
    },

    async getAlarm(auth: AuthContext, id: string) {
      return alarmResponseOf(await visibleAlarm(auth.scope, id));
    },

    /** A person's step on an alarm (acknowledge, handle, clear, close), recorded in its timeline. */
    async actOnAlarm(auth: AuthContext, id: string, action: AlarmAction) {
      const now = clock.now();
      const actor = { kind: alarmActorKindOf(auth.scope), id: auth.username };
      const updated = await inTransactionWithEvents(db, events, async (client, published) => {
        const row = await repository.getAlarm(client, auth.scope, id, true);
        if (!row) throw new DomainError('monitoring.alarm_not_found');
        const { alarm } = applyAlarmEvent(recordOf(row), action, { now, actor });
        const columns = columnsOf(alarm);
        const escalation = alarm.acknowledgedAt ? 'responded' : row.escalation;
        await client.query(
          `UPDATE alarms SET status = $2, acknowledged_at = $3, assignee = $4, cleared_at = $5, cleared_by = $6,
             clear_reason = $7, disposal = $8, closed_at = $9, timeline = $10, escalation = $11, updated_at = $12
           WHERE id = $1`,
          [
            id,
            columns.status,
            columns.acknowledged_at,
            columns.assignee,
            columns.cleared_at,
            columns.cleared_by,
            columns.clear_reason,
            columns.disposal ? JSON.stringify(columns.disposal) : null,
            columns.closed_at,
            JSON.stringify(columns.timeline),
            escalation,
            now,
          ],
        );
        const changed = (await repository.getAlarm(client, auth.scope, id))!;
        published.publish('alarm.changed', {
          id: changed.id,
          pointId: changed.point_id,
          status: changed.status,
          colour: changed.colour,
          county: changed.county,
          enterpriseId: changed.enterprise_id,
          objectId: changed.object_id,
          at: now.toISOString(),
        });
        return changed;
      });
      return alarmResponseOf(updated);
    },

    /** Monitored sites with their four-colour warning and its reasons. */
    async sites(auth: AuthContext) {
      const rows = await repository.sites(auth.scope);
      return rows.map((row) => ({
        objectId: row.object_id,
        objectName: row.object_name,
        objectKind: row.object_kind,
        enterpriseId: row.enterprise_id,
        enterpriseName: row.enterprise_name,
        county: row.county,
        lon: row.lon,
        lat: row.lat,
        level: row.level,
        reasons: row.reasons ?? [],
        items: row.items ?? [],
        pointCount: row.point_count,
        firingCount: row.firing_count,
        demo: row.demo,
      }));
    },

    async warningHistory(auth: AuthContext, objectId: string) {
      const object = await repository.findObject(objectId);
      if (!object || !scopeAllows(auth.scope, object.county, object.enterprise_id))
        throw new DomainError('monitoring.site_not_found');
      const rows = await repository.warningHistory(objectId, 100);
      return rows.map((row) => ({
        from: row.from_level,
        to: row.to_level,
        reasons: row.reasons,
        at: row.at.toISOString(),
      }));
    },

    /** Alarm-noise and data-quality figures (issue 5 item 5) over [from, to). */
    async statistics(auth: AuthContext, from: Date, to: Date) {
      const scope = auth.scope;
      const visible = [...points.all()].filter((point) =>
        scopeAllows(scope, point.county, point.enterpriseId),
      );
      const ids = visible.map((point) => point.id);
      const days = Math.max((to.getTime() - from.getTime()) / DAY, 1 / 24);
      const alarms = await db.query<{
        point_id: string;
        n: number;
        ack: number | null;
        dispose: number | null;
      }>(
        `SELECT point_id, count(*)::int AS n,
                avg(extract(epoch FROM acknowledged_at - fired_at)) FILTER (WHERE acknowledged_at IS NOT NULL) AS ack,
                avg(extract(epoch FROM coalesce(closed_at, cleared_at) - fired_at))
                  FILTER (WHERE fired_at IS NOT NULL AND coalesce(closed_at, cleared_at) IS NOT NULL) AS dispose
           FROM alarms WHERE point_id = ANY($1::uuid[]) AND raised_at >= $2 AND raised_at < $3
          GROUP BY point_id`,
        [ids, from, to],
      );
      const total = alarms.rows.reduce((sum, row) => sum + row.n, 0);
      const weighted = (key: 'ack' | 'dispose') => {
        const rows = alarms.rows.filter((row) => row[key] !== null);
        const n = rows.reduce((sum, row) => sum + row.n, 0);
        return n === 0 ? null : rows.reduce((sum, row) => sum + row[key]! * row.n, 0) / n / 60;
      };
      const byId = new Map(visible.map((point) => [point.id, point]));
      const chattering = alarms.rows
        .filter((row) => row.n / days >= 5)
        .sort((a, b) => b.n - a.n)
        .slice(0, 20)
        .map((row) => ({
          pointId: row.point_id,
          code: byId.get(row.point_id)!.code,
          name: byId.get(row.point_id)!.name,
          alarms: row.n,
        }));
      const now = clock.now().getTime();
      const enterprises = new Map<string, { points: number; online: number }>();
      for (const point of visible) {
        const entry = enterprises.get(point.enterpriseId) ?? { points: 0, online: 0 };
        entry.points += 1;
        if (now - point.lastStoredAt <= 3 * point.definition.expectedIntervalSeconds * 1000)
          entry.online += 1;
        enterprises.set(point.enterpriseId, entry);
      }
      const names = await db.query<{ id: string; name: string }>(
        'SELECT id, name FROM enterprises WHERE id = ANY($1::uuid[])',
        [[...enterprises.keys()]],
      );
      const nameOf = new Map(names.rows.map((row) => [row.id, row.name]));
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        points: visible.length,
        alarms: total,
        alarmsPerPointPerDay: visible.length === 0 ? 0 : total / visible.length / days,
        chatteringPoints: chattering,
        meanAcknowledgeMinutes: weighted('ack'),
        meanDisposeMinutes: weighted('dispose'),
        onlineRate: [...enterprises.entries()]
          .map(([enterpriseId, entry]) => ({
            enterpriseId,
            enterpriseName: nameOf.get(enterpriseId) ?? '',
            points: entry.points,
            online: entry.online,
            rate: entry.points === 0 ? 0 : entry.online / entry.points,
          }))
          .sort((a, b) => a.rate - b.rate),
      };
    },

    /** The rules in force: the stored versions (the type defaults are implied). */
    rules() {
      return storedRules;
    },

    /** Stores a new version of a rule and applies it to the points it concerns. */
    async saveRule(auth: AuthContext, rule: Omit<AlarmRule, 'version'>) {
      const key = rule.scope.kind === 'point' ? rule.scope.point : rule.scope.type;
      if (rule.scope.kind === 'point') {
        const point = points.get(rule.scope.point);
        if (!point || !scopeAllows(auth.scope, point.county, point.enterpriseId))
          throw new DomainError('monitoring.point_not_found');
      } else if (auth.scope.kind !== 'city') {
        throw new DomainError('auth.forbidden');
      }
      const version = Math.max(await repository.ruleVersions(rule.id, rule.scope.kind, key), 1) + 1;
      const full = { ...rule, version } as AlarmRule;
      const affected = [...points.all()].filter((point) =>
        rule.scope.kind === 'point' ? point.code === key : point.type === key,
      );
      for (const point of affected) rulesFor(point.definition, [...rulesOfPoint(point), full]);
      await pipeline.idle();
      await repository.insertRule(full, auth.userId, clock.now());
      storedRules = await repository.storedRules();
      for (const point of affected) point.rules = rulesFor(point.definition, rulesOfPoint(point));
      return full;
    },

    async saveSettings(next: MonitoringSettings) {
      evaluateAlarmEscalation({ status: 'firing', firedAt: new Date(0) }, new Date(0), next.escalation);
      await db.query(
        `INSERT INTO monitoring_settings (id, body, updated_at) VALUES (true, $1, $2)
         ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
        [JSON.stringify(next), clock.now()],
      );
      settings = next;
      return settings;
    },

    /** An enterprise the caller may issue device tokens for. */
    async enterpriseInScope(auth: AuthContext, id: string): Promise<{ id: string; county: string }> {
      const result = await db.query<{ id: string; county: string }>(
        'SELECT id, county FROM enterprises WHERE id = $1',
        [id],
      );
      const row = result.rows[0];
      if (!row || !scopeAllows(auth.scope, row.county, row.id)) throw new DomainError('enterprise.not_found');
      return row;
    },

    /** Duration and no-data rules, without new readings. */
    tick: () => pipeline.tick(),

    /** Escalates firing alarms nobody acknowledged in time to the county, then the city — once each. */
    async escalate(): Promise<number> {
      const now = clock.now();
      const due = await db.query<{
        id: string;
        status: 'firing';
        fired_at: Date;
        escalation: string;
        county: string;
        enterprise_id: string;
        object_id: string;
      }>(
        `SELECT id, status, fired_at, escalation, county, enterprise_id, object_id FROM alarms
          WHERE status = 'firing' AND acknowledged_at IS NULL AND fired_at IS NOT NULL AND respond_by <= $1`,
        [now],
      );
      let changed = 0;
      for (const row of due.rows) {
        const next = evaluateAlarmEscalation(
          { status: row.status, firedAt: row.fired_at },
          now,
          settings.escalation,
        );
        if (next.state === row.escalation || !next.reminder) continue;
        const reminder = next.reminder;
        // The conditional UPDATE is the guarantee: when several processes escalate at once, one wins.
        const done = await inTransactionWithEvents(db, events, async (client, published) => {
          const result = await client.query(
            'UPDATE alarms SET escalation = $2, updated_at = $3 WHERE id = $1 AND escalation = $4',
            [row.id, next.state, now, row.escalation],
          );
          if (result.rowCount !== 1) return false;
          if (deps.notifications) {
            const audience = await deps.notifications.audienceUserIds(client, {
              enterpriseId: row.enterprise_id,
              county: row.county,
              kinds: reminder.recipients.filter((kind) => kind !== 'system') as (
                'enterprise' | 'county' | 'city'
              )[],
              enterprisePermission: 'alarm:handle',
              bureauPermission: 'monitoring:read',
            });
            const toCity = reminder.kind === 'escalated_city';
            await deps.notifications.insertMany(
              client,
              audience,
              {
                kind: `alarm.${reminder.kind}`,
                severity: 'danger',
                title: toCity
                  ? {
                      zh: '报警超时未确认，已升级至市局',
                      en: 'Alarm not acknowledged: escalated to the city',
                    }
                  : {
                      zh: '报警超时未确认，已升级至县（区）局',
                      en: 'Alarm not acknowledged: escalated to the county',
                    },
                body: {
                  zh: `报警自 ${row.fired_at.toISOString()} 起未被确认，请立即处置。`,
                  en: `The alarm has not been acknowledged since ${row.fired_at.toISOString()}; act now.`,
                },
                link: `/monitoring/alarms/${row.id}`,
                data: { alarmId: row.id, state: next.state },
              },
              now,
            );
          }
          published.publish('alarm.escalated', {
            id: row.id,
            state: next.state,
            county: row.county,
            enterpriseId: row.enterprise_id,
            objectId: row.object_id,
            at: now.toISOString(),
          });
          return true;
        });
        if (done) changed += 1;
      }
      return changed;
    },

    /**
     * Whether every point has stayed normal for the configured period (the hazard acceptance
     * guard), with the codes of those that have not.
     */
    pointsNormalSince(pointIds: readonly string[]): { ok: boolean; abnormal: string[] } {
      const now = clock.now().getTime();
      const wanted = new Set(pointIds);
      const period = settings.normalMinutesBeforeAcceptance * 60_000;
      const abnormal: string[] = [];
      for (const point of points.all()) {
        if (!wanted.has(point.id)) continue;
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

export type MonitoringService = ReturnType<typeof createMonitoringService>;
export type { LivePoint };
