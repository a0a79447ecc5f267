import { randomUUID } from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import { hashPassword } from '../../platform/crypto.ts';
import { inTransaction, type Db, type Queryable } from '../../platform/db.ts';
import { systemUserId } from '../users/system-author.ts';

const DEMO_KEY = 'demo.teams';

/** The demo team leader's account (演示): README and docs/emergency.md name it. */
export const DEMO_TEAM_LEADER = { username: 'demo_team_leader', password: 'Yuxi#Team2026' } as const;

const LEAD_TEAM = '玉溪市危险化学品应急救援队（演示）';
const SECOND_TEAM = '研和工业园区危化品救援中队（演示）';

/** The demo incident's site: 研和工业园区 (approximate). */
const SITE = { lon: 102.5, lat: 24.27 };

type Step = { kind: 'status' | 'position'; minutesAgo: number; status?: string; lon: number; lat: number };

/** A straight track from `from` towards the site, `share` of the way, one fix a minute. */
function track(from: { lon: number; lat: number }, minutes: number, share: number, startAgo: number): Step[] {
  return Array.from({ length: minutes + 1 }, (_, i) => {
    const f = (share * i) / minutes;
    return {
      kind: 'position' as const,
      minutesAgo: startAgo - i,
      lon: Number((from.lon + (SITE.lon - from.lon) * f).toFixed(6)),
      lat: Number((from.lat + (SITE.lat - from.lat) * f).toFixed(6)),
    };
  });
}

async function operations(tx: Queryable, taskId: string, userId: string, steps: Step[], now: Date) {
  for (const step of steps) {
    const at = new Date(now.getTime() - step.minutesAgo * 60_000);
    const id = randomUUID();
    const position = { lon: step.lon, lat: step.lat, accuracyM: 15 };
    const body =
      step.kind === 'status'
        ? { kind: 'status', id, at: at.toISOString(), status: step.status, position }
        : { kind: 'position', id, at: at.toISOString(), position };
    await tx.query(
      `INSERT INTO dispatch_task_operations (id, task_id, user_id, kind, at, received_at, status, lon, lat, accuracy_m, body)
       VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8, 15, $9)`,
      [id, taskId, userId, step.kind, at, step.status ?? null, step.lon, step.lat, JSON.stringify(body)],
    );
  }
}

/**
 * 应急联动 (演示): a team leader's account linked to the city's hazmat team, an open demo incident
 * (a chlorine leak in 研和工业园区, not counted in the statistics) with two teams dispatched — one on
 * its way with a track of a fix a minute, one on scene — and the command's instruction with the zones.
 */
export async function loadDemoTeams(deps: { db: Db; clock: Clock }): Promise<boolean> {
  const { db, clock } = deps;
  const done = await db.query('SELECT 1 FROM settings WHERE key = $1', [DEMO_KEY]);
  if (done.rowCount) return false;
  const teams = await db.query<{ id: string; name: string; lon: number; lat: number }>(
    'SELECT id, name, lon, lat FROM emergency_resources WHERE demo AND kind = $1 AND name = ANY ($2::text[])',
    ['team', [LEAD_TEAM, SECOND_TEAM]],
  );
  const lead = teams.rows.find((t) => t.name === LEAD_TEAM);
  const second = teams.rows.find((t) => t.name === SECOND_TEAM);
  if (!lead || !second) return false;
  const now = clock.now();
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  const passwordHash = await hashPassword(DEMO_TEAM_LEADER.password);
  const system = await systemUserId(db);

  await inTransaction(db, async (tx) => {
    await tx.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
      DEMO_KEY,
      JSON.stringify({ loadedAt: now.toISOString() }),
    ]);
    const leader = await tx.query<{ id: string }>(
      `INSERT INTO users (username, display_name, organisation, scope_kind, password_hash, password_changed_at,
                          must_change_password, created_at, updated_at)
       VALUES ($1, '张队长（演示）', $2, 'city', $3, $4, false, $4, $4)
       ON CONFLICT ((lower(username))) DO NOTHING RETURNING id`,
      [DEMO_TEAM_LEADER.username, LEAD_TEAM, passwordHash, now],
    );
    const leaderId = leader.rows[0]?.id;
    if (!leaderId) return;
    await tx.query(`INSERT INTO user_roles (user_id, role_code) VALUES ($1, 'rescue_team')`, [leaderId]);
    await tx.query(
      'INSERT INTO rescue_team_members (team_id, user_id, leader, created_at) VALUES ($1, $2, true, $3)',
      [lead.id, leaderId, now],
    );

    const incident = await tx.query<{ id: string }>(
      `INSERT INTO incidents (occurred_at, notified_at, county, location, lon, lat, accident_type, original, description,
                              reporter, created_by, created_at, updated_at, sector, counts_as_production, count_reason,
                              stat_serious_injuries, stat_loss_wan, stat_level)
       VALUES ($1, $1, '530402', '红塔区研和工业园区某化工企业液氯储罐区（演示）', $2, $3, 'WSA10023',
               '{"deaths":0,"seriousInjuries":2,"directLossWan":"50"}',
               '液氯储罐底阀泄漏，两名操作人员吸入中毒，已送医（演示数据）', '企业值班长（演示）', $4, $5, $5,
               'chemicals', false, '演示数据，不计入统计', 2, 50, 'general')
       RETURNING id`,
      [ago(45), SITE.lon, SITE.lat, system, ago(40)],
    );
    const incidentId = incident.rows[0]!.id;
    const event = (minutesAgo: number, kind: string, text: string) =>
      tx.query(
        `INSERT INTO incident_events (incident_id, at, actor, kind, text) VALUES ($1, $2, 'system', $3, $4)`,
        [incidentId, ago(minutesAgo), kind, text],
      );
    await event(40, 'report', '事故首报（演示）');
    // The command's recorded consequence zones (西风 2 m/s, D 类): two plume footprints east of the
    // site, as the team's phone and "cameras in the zones" read them.
    const east = (m: number) => m / (111_320 * Math.cos((SITE.lat * Math.PI) / 180));
    const north = (m: number) => m / 110_574;
    const footprint = (lengthM: number, halfWidthM: number): [number, number][] => [
      [SITE.lon, SITE.lat - north(halfWidthM / 4)],
      [SITE.lon + east(lengthM), SITE.lat - north(halfWidthM)],
      [SITE.lon + east(lengthM), SITE.lat + north(halfWidthM)],
      [SITE.lon, SITE.lat + north(halfWidthM / 4)],
      [SITE.lon, SITE.lat - north(halfWidthM / 4)],
    ];
    const zones = [
      {
        key: 'demo-aegl3',
        label: { zh: 'AEGL-3（60 分钟）', en: 'AEGL-3 (60 min)' },
        colour: 'red',
        extentM: 600,
        shape: { kind: 'polygon', ring: footprint(600, 80) },
      },
      {
        key: 'demo-aegl2',
        label: { zh: 'AEGL-2（60 分钟）', en: 'AEGL-2 (60 min)' },
        colour: 'orange',
        extentM: 1500,
        shape: { kind: 'polygon', ring: footprint(1500, 220) },
      },
    ];
    const summary =
      '氯气泄漏后果区域（演示）：西风 2 m/s，AEGL-3 下风向 600 m，AEGL-2 下风向 1500 m，疏散半径 1500 m';
    await tx.query(
      `INSERT INTO incident_zone_sets (incident_id, version, computed_at, computed_by, model, inputs, centre_lon, centre_lat,
                                       zones, evacuation_radius_m)
       VALUES ($1, 1, $2, 'system', $3, $4, $5, $6, $7, 1500)`,
      [
        incidentId,
        ago(35),
        JSON.stringify({ id: 'gaussian-plume', zh: '高斯烟羽模型（演示）', en: 'Gaussian plume (demo)' }),
        JSON.stringify({
          chemical: '氯',
          rateKgPerS: 1,
          windSpeedMPerS: 2,
          windFromDeg: 270,
          stability: 'D',
        }),
        SITE.lon,
        SITE.lat,
        JSON.stringify(zones),
      ],
    );
    await event(35, 'note', summary);

    const task = async (teamId: string, status: string, minutesAgo: number, note: string) =>
      (
        await tx.query<{ id: string }>(
          `INSERT INTO dispatch_tasks (incident_id, resource_id, status, note, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [incidentId, teamId, status, note, ago(minutesAgo), ago(1)],
        )
      ).rows[0]!.id;
    const leadTask = await task(lead.id, 'en_route', 35, '携带堵漏器材和正压式空气呼吸器（演示）');
    const secondTask = await task(second.id, 'on_scene', 36, '先行到场设置警戒（演示）');
    await event(36, 'dispatch', `调派${SECOND_TEAM}：先行到场设置警戒（演示）`);
    await event(35, 'dispatch', `调派${LEAD_TEAM}：携带堵漏器材和正压式空气呼吸器（演示）`);
    await event(
      30,
      'note',
      '影响区域：下风向（东北）1.2 公里内为重度影响区，2.5 公里内组织疏散；救援队伍从西南上风向进入（演示）',
    );

    // The lead team: accepted, set off, and on its way (a fix a minute, two thirds of the way).
    await operations(
      tx,
      leadTask,
      leaderId,
      [
        { kind: 'status', status: 'accepted', minutesAgo: 33, lon: lead.lon, lat: lead.lat },
        { kind: 'status', status: 'en_route', minutesAgo: 30, lon: lead.lon, lat: lead.lat },
        ...track(lead, 28, 0.66, 29),
      ],
      now,
    );
    await event(33, 'task_status', `${LEAD_TEAM}：已接受`);
    await event(30, 'task_status', `${LEAD_TEAM}：出发`);
    // The park's own team: arrived.
    const near = track(second, 20, 0.97, 34);
    await operations(
      tx,
      secondTask,
      system,
      [
        { kind: 'status', status: 'accepted', minutesAgo: 35, lon: second.lon, lat: second.lat },
        { kind: 'status', status: 'en_route', minutesAgo: 34, lon: second.lon, lat: second.lat },
        ...near,
        { kind: 'status', status: 'on_scene', minutesAgo: 14, lon: near.at(-1)!.lon, lat: near.at(-1)!.lat },
      ],
      now,
    );
    await event(35, 'task_status', `${SECOND_TEAM}：已接受`);
    await event(34, 'task_status', `${SECOND_TEAM}：出发`);
    await event(14, 'task_status', `${SECOND_TEAM}：到达`);
  });
  return true;
}
