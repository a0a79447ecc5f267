import { DomainError } from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { scopeAllows } from '../../platform/scope-sql.ts';
import type { AlarmsRepository } from './alarms.repository.ts';
import type { LivePoints } from './live-points.ts';
import type { MonitoringRepository } from './monitoring.repository.ts';
import type { MonitoringSettingsRepository } from './monitoring-settings.repository.ts';

const DAY = 86_400_000;

/** Monitored sites with their four-colour warning, and the alarm-noise and data-quality figures. */
export function createSitesService(deps: {
  clock: Clock;
  repository: MonitoringRepository;
  alarmsRepository: AlarmsRepository;
  settingsRepository: MonitoringSettingsRepository;
  points: LivePoints;
}) {
  const { clock, repository, alarmsRepository, settingsRepository, points } = deps;
  return {
    /** Monitored sites with their four-colour warning and its reasons. */
    async sites(auth: AuthContext) {
      const rows = await repository.sites(auth.scope);
      return rows.map((row) => ({
        objectId: row.object_id,
        objectName: row.object_name,
        objectKind: row.object_kind,
        enterpriseId: row.enterprise_id,
        enterpriseName: row.enterprise_name,
        ...(row.responsible_unit ? { responsibleUnit: row.responsible_unit } : {}),
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
      const alarms = await alarmsRepository.figures(ids, from, to);
      const total = alarms.reduce((sum, row) => sum + row.n, 0);
      const weighted = (key: 'ack' | 'dispose') => {
        const rows = alarms.filter((row) => row[key] !== null);
        const n = rows.reduce((sum, row) => sum + row.n, 0);
        return n === 0 ? null : rows.reduce((sum, row) => sum + row[key]! * row.n, 0) / n / 60;
      };
      const byId = new Map(visible.map((point) => [point.id, point]));
      const chattering = alarms
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
        // The online rate is per enterprise: points of natural-hazard sites have none (decision 0006).
        if (point.enterpriseId === null) continue;
        const entry = enterprises.get(point.enterpriseId) ?? { points: 0, online: 0 };
        entry.points += 1;
        if (now - point.lastStoredAt <= 3 * point.definition.expectedIntervalSeconds * 1000)
          entry.online += 1;
        enterprises.set(point.enterpriseId, entry);
      }
      const nameOf = await settingsRepository.enterpriseNames([...enterprises.keys()]);
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
  };
}

export type SitesService = ReturnType<typeof createSitesService>;
