import {
  applyAlarmEvent,
  DomainError,
  evaluateAlarmEscalation,
  type AlarmAction,
  type AlarmActorKind,
  type DataScope,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { inTransactionWithEvents, type EventBus } from '../../platform/events/index.ts';
import type { Notifier } from '../notifications/index.ts';
import { alarmResponseOf, columnsOf, recordOf } from './alarm-rows.ts';
import type { AlarmsRepository } from './alarms.repository.ts';
import type { AlarmFilter, MonitoringRepository } from './monitoring.repository.ts';
import type { MonitoringSettingsService } from './monitoring-settings.service.ts';

/**
 * Who an escalation reminder goes to; a natural-hazard site's alarm has no enterprise, so its
 * enterprise step goes to the county (decision 0006).
 */
function recipientsOf(
  recipients: readonly string[],
  enterpriseId: string | null,
): ('enterprise' | 'county' | 'city')[] {
  const kinds = recipients
    .filter((kind) => kind !== 'system')
    .map((kind) => (kind === 'enterprise' && enterpriseId === null ? 'county' : kind));
  return [...new Set(kinds)] as ('enterprise' | 'county' | 'city')[];
}

/** Who acts on an alarm: the enterprise, the county or the city, by the user's data scope. */
export function alarmActorKindOf(scope: DataScope): Exclude<AlarmActorKind, 'system'> {
  return scope.kind === 'city' ? 'city' : scope.kind === 'county' ? 'county' : 'enterprise';
}

/** The alarm queue, people's steps on an alarm, and escalation of the unacknowledged. */
export function createAlarmsService(deps: {
  db: Db;
  clock: Clock;
  events: EventBus;
  repository: MonitoringRepository;
  alarmsRepository: AlarmsRepository;
  settings: MonitoringSettingsService;
  notifications?: Notifier | undefined;
}) {
  const { db, clock, events, repository, alarmsRepository, settings } = deps;

  async function visibleAlarm(scope: DataScope, id: string) {
    const row = await repository.getAlarm(db, scope, id);
    if (!row) throw new DomainError('monitoring.alarm_not_found');
    return row;
  }

  return {
    async listAlarms(auth: AuthContext, filter: AlarmFilter, page: number, pageSize: number) {
      const { rows, total } = await repository.listAlarms(auth.scope, filter, page, pageSize);
      return { items: rows.map(alarmResponseOf), total, page, pageSize };
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
        const escalation = alarm.acknowledgedAt ? 'responded' : row.escalation;
        await alarmsRepository.updateLifecycle(client, id, columnsOf(alarm), escalation, now);
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

    /** Escalates firing alarms nobody acknowledged in time to the county, then the city — once each. */
    async escalate(): Promise<number> {
      const now = clock.now();
      const due = await alarmsRepository.dueForEscalation(now);
      let changed = 0;
      for (const row of due) {
        const next = evaluateAlarmEscalation(
          { status: row.status, firedAt: row.fired_at },
          now,
          settings.settings.escalation,
        );
        if (next.state === row.escalation || !next.reminder) continue;
        const reminder = next.reminder;
        // The conditional UPDATE is the guarantee: when several processes escalate at once, one wins.
        const done = await inTransactionWithEvents(db, events, async (client, published) => {
          if (!(await alarmsRepository.escalateFrom(client, row.id, row.escalation, next.state, now)))
            return false;
          if (deps.notifications) {
            const audience = await deps.notifications.audienceUserIds(client, {
              enterpriseId: row.enterprise_id,
              county: row.county,
              kinds: recipientsOf(reminder.recipients, row.enterprise_id),
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
  };
}

export type AlarmsService = ReturnType<typeof createAlarmsService>;
