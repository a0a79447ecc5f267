import {
  COCKPIT_TREND_DAYS,
  chinaCalendarDay,
  chinaDate,
  planTargetStatuses,
  yuxiCounties,
  type Cockpit,
  type CockpitEvent,
  type DataScope,
  type IndicatorSummary,
  type Permission,
  type PlanTarget,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { CockpitTargetsRepository } from './cockpit-targets.repository.ts';
import type { CockpitRepository } from './cockpit.repository.ts';

/**
 * The plan's indicators for a scope and year (专栏1), given by the statistics module's door. The
 * cockpit only renders them; how each is computed is the statistics module's.
 */
export interface IndicatorSource {
  summary(scope: DataScope, year: number): Promise<IndicatorSummary>;
}

const eventPermission: Record<CockpitEvent['kind'], Permission> = {
  alarm: 'monitoring:read',
  hazard: 'hazard:read',
  incident: 'emergency:read',
};

/** The Beijing dates of the trend window ending `today`, oldest first. */
function trendDays(today: string): string[] {
  const end = chinaCalendarDay(new Date(`${today}T12:00:00+08:00`)).getTime();
  return Array.from({ length: COCKPIT_TREND_DAYS }, (_, i) =>
    new Date(end - (COCKPIT_TREND_DAYS - 1 - i) * 86_400_000).toISOString().slice(0, 10),
  );
}

/** Day of the Beijing year `today` falls on (1 January = 1) and the year's length. */
function yearProgress(today: string) {
  const year = Number(today.slice(0, 4));
  const start = Date.UTC(year, 0, 1);
  return {
    elapsedDays: (Date.parse(`${today}T00:00:00Z`) - start) / 86_400_000 + 1,
    daysInYear: (Date.UTC(year + 1, 0, 1) - start) / 86_400_000,
  };
}

export function createCockpitService({
  clock,
  cockpit,
  targets,
  indicators,
}: {
  clock: Clock;
  cockpit: CockpitRepository;
  targets: CockpitTargetsRepository;
  indicators: IndicatorSource;
}) {
  return {
    /**
     * The plan targets' figures of an area (a county, or the city), every one of them: the plan
     * module shows a unit the figure its task is tied to, for the unit's own area.
     */
    async targetFigures(scope: DataScope): Promise<PlanTarget[]> {
      const today = chinaDate(clock.now());
      const [online, majorHazards, drillsHeld, definitions] = await Promise.all([
        targets.onlinePoints(scope, clock.now()),
        targets.majorHazards(scope, today),
        targets.drillsHeld(scope, today),
        targets.definitions(),
      ]);
      const counties = scope.kind === 'county' ? scope.counties.length : yuxiCounties.length;
      return planTargetStatuses(
        { online, majorHazards, drillsHeld, counties, progress: yearProgress(today) },
        definitions,
      );
    },

    /** Every figure of the caller's scope, each only when the caller may read the list behind it. */
    async forCaller(auth: AuthContext): Promise<Cockpit> {
      const today = chinaDate(clock.now());
      const month = today.slice(0, 7);
      const monthStart = `${month}-01`;
      const { scope } = auth;
      const may = (permission: Permission) => auth.permissions.has(permission);
      const when = <T>(permission: Permission, load: () => Promise<T>): Promise<T | null> =>
        may(permission) ? load() : Promise.resolve(null);
      const kinds = new Set(
        (Object.keys(eventPermission) as CockpitEvent['kind'][]).filter((kind) => may(eventPermission[kind])),
      );

      const [
        summary,
        incidents,
        hazards,
        liveAlarms,
        inspectionsThisMonth,
        alarmTrend,
        hazardTrend,
        incidentTrend,
        mapAlarms,
        mapIncidents,
        events,
        demo,
        online,
        majorHazards,
        drillsHeld,
        targetRows,
      ] = await Promise.all([
        indicators.summary(scope, Number(today.slice(0, 4))),
        when('emergency:read', () => cockpit.incidentCounts(scope, monthStart)),
        when('hazard:read', () => cockpit.hazardCounts(scope)),
        when('monitoring:read', () => cockpit.liveAlarms(scope)),
        when('enforcement:read', () => cockpit.inspectionsSince(scope, monthStart)),
        when('monitoring:read', () => cockpit.trend('alarms', scope, today)),
        when('hazard:read', () => cockpit.trend('hazards', scope, today)),
        when('emergency:read', () => cockpit.trend('incidents', scope, today)),
        when('monitoring:read', () => cockpit.mapAlarms(scope)),
        when('emergency:read', () => cockpit.mapIncidents(scope)),
        cockpit.recentEvents(scope, kinds),
        cockpit.includesDemo(scope),
        when('monitoring:read', () => targets.onlinePoints(scope, clock.now())),
        when('hazard:read', () => targets.majorHazards(scope, today)),
        when('emergency:read', () => targets.drillsHeld(scope, today)),
        targets.definitions(),
      ]);
      const counties = scope.kind === 'county' ? scope.counties.length : yuxiCounties.length;
      return {
        today,
        month,
        includesDemo: demo || summary.includesDemo,
        indicators: summary,
        targets: planTargetStatuses(
          {
            online,
            majorHazards,
            drillsHeld: drillsHeld ?? null,
            counties,
            progress: yearProgress(today),
          },
          targetRows,
        ),
        figures: {
          accidentsThisMonth: incidents?.sinceMonth ?? null,
          openMajorHazards: hazards?.major ?? null,
          supervisedHazards: hazards?.supervised ?? null,
          liveAlarms,
          inspectionsThisMonth,
          incidentsInProgress: incidents?.open ?? null,
        },
        trend: { days: trendDays(today), alarms: alarmTrend, hazards: hazardTrend, incidents: incidentTrend },
        map: { alarms: mapAlarms, incidents: mapIncidents },
        events,
      };
    },
  };
}

export type CockpitService = ReturnType<typeof createCockpitService>;
