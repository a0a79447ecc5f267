import {
  evaluateRepeatedAlarm,
  type Gb6441AccidentTypeCode,
  type MonitoringPointType,
  type RepeatAlarmRules,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import type { HazardAcceptanceGuard, HazardReporter } from '../dual-prevention/index.ts';
import { SYSTEM_USERNAME, systemUserId } from '../users/index.ts';
import type { AlarmChange } from './alarm-store.ts';

/** GB 6441 accident type a repeating alarm of this kind of point could lead to. */
const accidentTypeOf: Partial<Record<MonitoringPointType, Gb6441AccidentTypeCode>> = {
  combustible_gas: '18',
  toxic_gas: '19',
  pressure: '17',
  temperature: '08',
  liquid_level: '08',
  flow: '08',
};

/**
 * The link between alarms and hidden hazards (issue 5 item 9): an alarm that fires N times in a
 * period opens one hidden hazard (source sensor_alarm) linked to its point — once per run of
 * firings, also with several servers (the link row is claimed first) — and a hazard linked to
 * points is accepted only when they have stayed normal for the configured time.
 */
export function createAlarmHazards(deps: {
  db: Db;
  clock: Clock;
  hazards: HazardReporter;
  repeatRules: () => RepeatAlarmRules;
  log: (message: string, error?: unknown) => void;
}) {
  const { db, clock, hazards } = deps;
  let systemAuth: AuthContext | null = null;

  async function asSystem(): Promise<AuthContext> {
    systemAuth ??= {
      sessionId: 'system',
      userId: await systemUserId(db),
      username: SYSTEM_USERNAME,
      roles: [],
      permissions: new Set(['hazard:report']),
      scope: { kind: 'city' },
      clearance: 'sensitive',
      csrfToken: '',
      mustChangePassword: false,
      mustEnrolTotp: false,
    };
    return systemAuth;
  }

  async function openHazardIfRepeated(change: AlarmChange): Promise<string | null> {
    // A hidden hazard (事故隐患) is an enterprise's; a natural-hazard site has none (decision 0006).
    if (change.enterpriseId === null) return null;
    const enterpriseId = change.enterpriseId;
    const now = clock.now();
    const rules = deps.repeatRules();
    const firings = await db.query<{ fired_at: Date }>(
      `SELECT fired_at FROM alarms WHERE point_id = $1 AND rule_id = $2 AND fired_at > $3`,
      [change.pointId, change.ruleId, new Date(now.getTime() - rules.periodHours * 3_600_000)],
    );
    const last = await db.query<{ at: Date | null }>(
      'SELECT max(opened_at) AS at FROM alarm_hazard_links WHERE point_id = $1 AND rule_id = $2',
      [change.pointId, change.ruleId],
    );
    const decision = evaluateRepeatedAlarm(
      firings.rows.map((row) => row.fired_at),
      now,
      { rules, lastHazardOpenedAt: last.rows[0]?.at ?? undefined },
    );
    if (!decision.openHazard || !decision.key) return null;
    const trigger = new Date(decision.key.slice('repeat:'.length));
    const point = await db.query<{
      code: string;
      name: string;
      type: MonitoringPointType;
      object_name: string;
    }>(
      `SELECT p.code, p.name, p.type, o.name AS object_name FROM monitoring_points p
         JOIN regulated_objects o ON o.id = p.object_id WHERE p.id = $1`,
      [change.pointId],
    );
    const info = point.rows[0]!;
    const claimed = await db.query(
      `INSERT INTO alarm_hazard_links (point_id, rule_id, hazard_id, opened_at)
       VALUES ($1, $2, gen_random_uuid(), $3) ON CONFLICT DO NOTHING`,
      [change.pointId, change.ruleId, trigger],
    );
    if (claimed.rowCount !== 1) return null;
    try {
      const hazard = await hazards.report(await asSystem(), {
        enterpriseId,
        source: 'sensor_alarm',
        sourceRef: change.id,
        location: { text: `${info.object_name} · ${info.name}（${info.code}）`.slice(0, 200) },
        description:
          `监测点 ${info.code}（${info.name}）在 ${rules.periodHours} 小时内报警 ${decision.count} 次（规则 ${change.ruleId}），` +
          '由系统自动登记为隐患，请排查原因并整改。',
        category: accidentTypeOf[info.type] ?? '20',
        tickedCriteria: [],
        photos: [],
        linkedPointIds: [change.pointId],
      });
      await db.query(
        'UPDATE alarm_hazard_links SET hazard_id = $4 WHERE point_id = $1 AND rule_id = $2 AND opened_at = $3',
        [change.pointId, change.ruleId, trigger, hazard.id],
      );
      return hazard.id;
    } catch (error) {
      await db.query(
        'DELETE FROM alarm_hazard_links WHERE point_id = $1 AND rule_id = $2 AND opened_at = $3',
        [change.pointId, change.ruleId, trigger],
      );
      throw error;
    }
  }

  // Firings waiting for their repeat check, one per point and rule (the check reads every firing of
  // the period, so a later firing of a waiting pair adds nothing but its alarm id). They are checked
  // one at a time: an alarm storm neither takes the pool's connections from ingestion and the
  // pages nor grows beyond the points × rules there are.
  const waiting = new Map<string, AlarmChange>();
  let draining: Promise<void> | null = null;

  async function drain(): Promise<void> {
    for (let next = waiting.entries().next(); !next.done; next = waiting.entries().next()) {
      const [key, change] = next.value;
      waiting.delete(key);
      await openHazardIfRepeated(change).catch((error: unknown) =>
        deps.log('repeated alarm: hidden hazard not opened', error),
      );
    }
  }

  function start(): void {
    draining ??= drain().finally(() => {
      draining = null;
      if (waiting.size > 0) start(); // handed over while the last check was finishing
    });
  }

  return {
    openHazardIfRepeated,
    /** After a commit: alarms that fired may complete a repeat and open a hazard. */
    onFired(changes: readonly AlarmChange[]): void {
      for (const change of changes) {
        if (change.enterpriseId !== null) waiting.set(`${change.pointId}|${change.ruleId}`, change);
      }
      start();
    },
  };
}

/**
 * The acceptance guard the dual-prevention module is given: a hazard linked to monitoring points is
 * accepted only when each has stayed normal for the configured time (issue 5 item 9).
 */
export function pointsNormalGuard(
  pointsNormal: (pointIds: readonly string[]) => { ok: boolean; abnormal: string[] },
  pointsOfEnterprise: (enterpriseId: string, pointIds: readonly string[]) => string[],
): HazardAcceptanceGuard {
  return {
    linkablePoints: async (enterpriseId, pointIds) => pointsOfEnterprise(enterpriseId, pointIds),
    async canAccept(subject) {
      if (subject.linkedPointIds.length === 0) return { ok: true };
      const answer = pointsNormal(subject.linkedPointIds);
      return answer.ok
        ? { ok: true }
        : { ok: false, code: 'hazard.points_not_normal', details: { points: answer.abnormal } };
    },
  };
}
