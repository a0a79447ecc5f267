import type { PoolClient } from 'pg';
import type { Notifier } from '../notifications/index.ts';
import type { AlarmChange } from './alarm-store.ts';

/**
 * A natural-hazard site has no enterprise to act first on its alarms (decision 0006): when one of
 * its points fires, the county's officers on monitoring are told at once, in the batch's own
 * transaction (the notice exists exactly when the alarm does).
 */
export function siteAlarmNotices(notifier: Notifier, now: () => Date) {
  return async (client: PoolClient, changes: readonly AlarmChange[]): Promise<void> => {
    const fired = changes.filter((change) => change.fired && change.enterpriseId === null);
    if (fired.length === 0) return;
    const names = await client.query<{ id: string; point: string; object: string }>(
      `SELECT a.id, p.name AS point, o.name AS object FROM alarms a
         JOIN monitoring_points p ON p.id = a.point_id JOIN regulated_objects o ON o.id = a.object_id
        WHERE a.id = ANY ($1::uuid[])`,
      [fired.map((change) => change.id)],
    );
    const byId = new Map(names.rows.map((row) => [row.id, row]));
    for (const change of fired) {
      const name = byId.get(change.id);
      if (!name) continue;
      const audience = await notifier.audienceUserIds(client, {
        enterpriseId: null,
        county: change.county,
        kinds: ['county'],
        enterprisePermission: 'alarm:handle',
        bureauPermission: 'monitoring:read',
      });
      await notifier.insertMany(
        client,
        audience,
        {
          kind: 'alarm.site_fired',
          severity: 'danger',
          title: { zh: '隐患点监测报警', en: 'Hazard-site monitoring alarm' },
          body: {
            zh: `${name.object}的监测点“${name.point}”报警，请通知责任单位并组织受威胁群众避险。`,
            en: `Point "${name.point}" at ${name.object} raised an alarm: tell the responsible unit and move the people at risk.`,
          },
          link: `/monitoring/alarms/${change.id}`,
          data: { alarmId: change.id },
        },
        now(),
      );
    }
  };
}
