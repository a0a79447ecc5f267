import {
  defaultAlarmEscalationRules,
  defaultRepeatAlarmRules,
  DomainError,
  evaluateAlarmEscalation,
  type AlarmEscalationRules,
  type AlarmRule,
  type RepeatAlarmRules,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { scopeAllows } from '../../platform/scope-sql.ts';
import type { IngestWriters } from './ingest-writers.ts';
import { rulesFor, type LivePoints } from './live-points.ts';
import type { MonitoringRepository } from './monitoring.repository.ts';
import type { MonitoringSettingsRepository } from './monitoring-settings.repository.ts';

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

/** The module's settings and its stored alarm rules, both held in memory for the hot path. */
export function createMonitoringSettingsService(deps: {
  clock: Clock;
  repository: MonitoringRepository;
  settingsRepository: MonitoringSettingsRepository;
  points: LivePoints;
  pipeline: IngestWriters;
}) {
  const { clock, repository, settingsRepository, points, pipeline } = deps;
  let settings: MonitoringSettings = defaultMonitoringSettings;
  let storedRules: AlarmRule[] = [];

  const rulesOfPoint = (point: { code: string; type: string }) =>
    storedRules.filter((rule) =>
      rule.scope.kind === 'point' ? rule.scope.point === point.code : rule.scope.type === point.type,
    );

  return {
    get settings() {
      return settings;
    },
    rulesOfPoint,

    /** Loads the stored settings and rules. */
    async load(): Promise<void> {
      const stored = await settingsRepository.load<MonitoringSettings>();
      if (stored) settings = { ...defaultMonitoringSettings, ...stored };
      storedRules = await repository.storedRules();
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
      await settingsRepository.save(next, clock.now());
      settings = next;
      return settings;
    },
  };
}

export type MonitoringSettingsService = ReturnType<typeof createMonitoringSettingsService>;
