import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../app.ts';
import { createFieldCipher } from '../../../platform/crypto.ts';
import { createPool, type Db } from '../../../platform/db.ts';
import { startPostgresEventBus } from '../../../platform/events/index.ts';
import {
  createTestContext,
  TEST_FIELD_KEY,
  type Caller,
  type TestContext,
} from '../../../../test/test-app.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('应急联动: the rescue team’s phone and the teams on the command map', () => {
  let t: TestContext;
  let duty: Caller;
  let leader: Caller;
  let stranger: Caller;
  let leaderId: string;
  let teamId: string;
  let otherTeamId: string;
  let incidentId: string;

  const newTeam = async (name: string) =>
    (
      await t.request({
        method: 'POST',
        url: '/api/v1/emergency/resources',
        payload: {
          kind: 'team',
          name,
          county: '530402',
          location: { lon: 102.56, lat: 24.36 },
          teamType: 'professional',
          specialties: ['hazmat'],
          members: 40,
        },
        as: duty,
      })
    ).json().id as string;

  /** A team of its own with the leader linked: a team on an open task is not dispatched twice. */
  const linkedTeam = async (name: string) => {
    const id = await newTeam(name);
    await t.request({
      method: 'PUT',
      url: `/api/v1/emergency/resources/${id}/members`,
      payload: { members: [{ userId: leaderId, leader: true }] },
      as: duty,
    });
    return id;
  };

  const known = new Set<string>();
  const dispatch = async (resourceId: string) => {
    const incident = (
      await t.request({
        method: 'POST',
        url: `/api/v1/incidents/${incidentId}/dispatch`,
        payload: { resourceId, note: '携带堵漏器材' },
        as: duty,
      })
    ).json();
    const id = (incident.tasks as { id: string }[]).map((x) => x.id).find((x) => !known.has(x))!;
    known.add(id);
    return id;
  };

  const at = (minutes: number) => new Date(t.clock.now().getTime() + minutes * 60_000).toISOString();
  const sync = (taskId: string, operations: object[], as: Caller = leader) =>
    t.request({ method: 'POST', url: `/api/v1/teams/tasks/${taskId}/sync`, payload: { operations }, as });

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    duty = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530402'] } }),
    );
    const leaderUser = await t.createUser({
      roles: ['rescue_team'],
      scope: { kind: 'city' },
      username: 'team_lead',
      phone: '13812345678',
    });
    leaderId = leaderUser.id;
    leader = await t.sessionFor(leaderUser);
    stranger = await t.sessionFor(await t.createUser({ roles: ['rescue_team'], scope: { kind: 'city' } }));
    teamId = await newTeam('玉溪市危化品专业救援队');
    otherTeamId = await newTeam('红塔区森林消防队');
    const linked = await t.request({
      method: 'PUT',
      url: `/api/v1/emergency/resources/${teamId}/members`,
      payload: { members: [{ userId: leaderId, leader: true }] },
      as: duty,
    });
    expect(linked.statusCode).toBe(200);
    // The county officer has no pi:view: the leader's phone is masked.
    expect(linked.json().members).toEqual([
      { userId: leaderId, name: '测试用户 team_lead', leader: true, phone: '138****5678', email: null },
    ]);
    incidentId = (
      await t.request({
        method: 'POST',
        url: '/api/v1/incidents',
        payload: {
          occurredAt: new Date(t.clock.now().getTime() - 20 * 60_000).toISOString(),
          county: '530402',
          location: '红塔区研和街道某化工企业液氯储罐区',
          position: { lon: 102.55, lat: 24.3 },
          accidentType: 'WSA10023',
          deaths: 0,
          seriousInjuries: 1,
          directLossWan: '10',
          description: '液氯储罐阀门泄漏',
          reporter: '企业值班长 张某',
        },
        as: duty,
      })
    ).json().id;
  });
  afterAll(() => t.close());

  it('refuses to link an account without the rescue team role, and a resource that is not a team', async () => {
    const officer = await t.createUser({
      roles: ['county_officer'],
      scope: { kind: 'county', counties: ['530402'] },
    });
    const refused = await t.request({
      method: 'PUT',
      url: `/api/v1/emergency/resources/${teamId}/members`,
      payload: { members: [{ userId: officer.id, leader: false }] },
      as: duty,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('team.member_not_found');
    const members = await t.request({
      method: 'GET',
      url: `/api/v1/emergency/resources/${teamId}/members`,
      as: duty,
    });
    expect(members.json().members.map((m: { userId: string }) => m.userId)).toEqual([leaderId]);
  });

  it('tells the team of a dispatch, walks the statuses with positions exactly once, and the command sees the track', async () => {
    const taskId = await dispatch(teamId);
    const otherTask = await dispatch(otherTeamId);

    // The in-app notification reaches the linked account.
    const notes = (await t.request({ method: 'GET', url: '/api/v1/notifications', as: leader })).json();
    expect(notes.items[0]).toMatchObject({ kind: 'team.dispatched', link: `/m/teams/${taskId}` });

    // The phone sees its team's dispatch only; another team's is 404, and so is any for a stranger.
    const mine = (await t.request({ method: 'GET', url: '/api/v1/teams/tasks', as: leader })).json();
    expect(mine.items.map((x: { id: string }) => x.id)).toEqual([taskId]);
    expect(mine.items[0]).toMatchObject({
      status: 'dispatched',
      teamName: '玉溪市危化品专业救援队',
      note: '携带堵漏器材',
    });
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/teams/tasks/${otherTask}`, as: leader })).statusCode,
    ).toBe(404);
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/teams/tasks/${taskId}`, as: stranger })).statusCode,
    ).toBe(404);
    expect(
      (
        await sync(
          taskId,
          [{ kind: 'position', id: randomUUID(), at: at(0), position: { lon: 1, lat: 1 } }],
          stranger,
        )
      ).statusCode,
    ).toBe(404);

    const accept = {
      kind: 'status',
      id: randomUUID(),
      at: at(-5),
      status: 'accepted',
      position: { lon: 102.56, lat: 24.36 },
    };
    const setOff = {
      kind: 'status',
      id: randomUUID(),
      at: at(-4),
      status: 'en_route',
      position: { lon: 102.558, lat: 24.35 },
    };
    const moving = {
      kind: 'position',
      id: randomUUID(),
      at: at(-3),
      position: { lon: 102.555, lat: 24.33, accuracyM: 12 },
    };
    const first = await sync(taskId, [setOff, accept, moving]);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({
      stored: [accept.id, setOff.id, moving.id],
      duplicates: [],
      status: 'en_route',
    });

    // The answer was lost: the phone sends the same queue again, and nothing changes.
    const again = await sync(taskId, [accept, setOff, moving]);
    expect(again.json()).toEqual({
      stored: [],
      duplicates: [accept.id, setOff.id, moving.id],
      status: 'en_route',
    });

    // The track alone goes to its own route (not audited per fix), with the same exactly-once rule.
    const fix = { kind: 'position', id: randomUUID(), at: at(-3), position: { lon: 102.554, lat: 24.325 } };
    const track = (ops: object[]) =>
      t.request({
        method: 'POST',
        url: `/api/v1/teams/tasks/${taskId}/positions`,
        payload: { operations: ops },
        as: leader,
      });
    expect((await track([fix])).json().stored).toEqual([fix.id]);
    expect((await track([fix])).json().duplicates).toEqual([fix.id]);
    expect((await track([accept])).statusCode).toBe(400);

    // The same id with other content is refused, and nothing of that batch is written.
    const fresh = { kind: 'position', id: randomUUID(), at: at(-2), position: { lon: 102.552, lat: 24.31 } };
    const conflict = await sync(taskId, [fresh, { ...moving, position: { lon: 0, lat: 0 } }]);
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().error.code).toBe('team.operation_conflict');

    // A photo and a note from the scene; a late "set off" does not move the task back.
    const photo = (
      await t.request({
        method: 'POST',
        url: '/api/v1/uploads?county=530402',
        payload: PNG,
        headers: { 'content-type': 'image/png' },
        as: leader,
      })
    ).json().id;
    const arrived = {
      kind: 'status',
      id: randomUUID(),
      at: at(-1),
      status: 'on_scene',
      position: { lon: 102.55, lat: 24.3 },
    };
    const report = {
      kind: 'report',
      id: randomUUID(),
      at: at(0),
      note: '泄漏点位于储罐底阀，已设警戒',
      photoIds: [photo],
    };
    const late = { kind: 'status', id: randomUUID(), at: at(-4), status: 'en_route' };
    const second = await sync(taskId, [arrived, report, late]);
    expect(second.json().status).toBe('on_scene');

    const detail = (
      await t.request({ method: 'GET', url: `/api/v1/teams/tasks/${taskId}`, as: leader })
    ).json();
    expect(detail.steps.map((s: { status: string }) => s.status)).toEqual([
      'accepted',
      'en_route',
      'en_route',
      'on_scene',
    ]);
    expect(detail.reports).toEqual([
      expect.objectContaining({ note: '泄漏点位于储罐底阀，已设警戒', photoIds: [photo] }),
    ]);
    expect(detail.track.map((p: { lon: number }) => p.lon)).toEqual([
      102.56, 102.558, 102.555, 102.554, 102.55,
    ]);
    expect(detail.lastPosition).toMatchObject({ lon: 102.55, lat: 24.3 });

    // The command's notes are the team's instructions.
    await t.request({
      method: 'POST',
      url: `/api/v1/incidents/${incidentId}/notes`,
      payload: { text: '从东侧上风向进入，佩戴正压式呼吸器' },
      as: duty,
    });
    const instructed = (
      await t.request({ method: 'GET', url: `/api/v1/teams/tasks/${taskId}`, as: leader })
    ).json();
    expect(instructed.instructions[0]).toMatchObject({ text: '从东侧上风向进入，佩戴正压式呼吸器' });

    // The command page: status and track of each team; the timeline names the steps and the report.
    const teams = (
      await t.request({ method: 'GET', url: `/api/v1/incidents/${incidentId}/teams`, as: duty })
    ).json();
    expect(
      teams.teams.map((x: { teamName: string; status: string; reports: number }) => [
        x.teamName,
        x.status,
        x.reports,
      ]),
    ).toEqual([
      ['玉溪市危化品专业救援队', 'on_scene', 1],
      ['红塔区森林消防队', 'dispatched', 0],
    ]);
    expect(teams.teams[0].track).toHaveLength(5);
    const incident = (
      await t.request({ method: 'GET', url: `/api/v1/incidents/${incidentId}`, as: duty })
    ).json();
    expect(
      incident.timeline
        .filter((e: { kind: string }) => e.kind === 'task_status' || e.kind === 'team_report')
        .map((e: { text: string }) => e.text),
    ).toEqual([
      '玉溪市危化品专业救援队：已接受',
      '玉溪市危化品专业救援队：出发',
      '玉溪市危化品专业救援队：到达',
      '玉溪市危化品专业救援队现场报告：泄漏点位于储罐底阀，已设警戒（照片1张）',
    ]);

    // Done is final: nothing new is accepted after it, a resend still is.
    const working = { kind: 'status', id: randomUUID(), at: at(0), status: 'working' };
    const done = { kind: 'status', id: randomUUID(), at: at(0), status: 'done' };
    expect((await sync(taskId, [working, done])).json().status).toBe('done');
    expect((await sync(taskId, [working, done])).statusCode).toBe(200);
    const after = await sync(taskId, [
      { kind: 'position', id: randomUUID(), at: at(0), position: { lon: 102.5, lat: 24.3 } },
    ]);
    expect(after.statusCode).toBe(409);
    expect(after.json().error.code).toBe('team.task_done');
  });

  it('refuses bad operations with a stable code and writes nothing', async () => {
    const taskId = await dispatch(teamId);
    const future = await sync(taskId, [{ kind: 'status', id: randomUUID(), at: at(30), status: 'accepted' }]);
    expect(future.statusCode).toBe(400);
    expect(future.json().error.code).toBe('team.operation_in_future');
    const photo = await sync(taskId, [
      { kind: 'report', id: randomUUID(), at: at(0), note: '现场', photoIds: [randomUUID()] },
    ]);
    expect(photo.json().error.code).toBe('team.photo_not_found');
    const bad = await sync(taskId, [
      { kind: 'position', id: 'x', at: at(0), position: { lon: 500, lat: 0 } },
    ]);
    expect(bad.statusCode).toBe(400);
    const detail = (
      await t.request({ method: 'GET', url: `/api/v1/teams/tasks/${taskId}`, as: leader })
    ).json();
    expect(detail).toMatchObject({ status: 'dispatched', steps: [], reports: [], track: [] });
  });

  it('lets the command move a task forward only', async () => {
    const taskId = await dispatch(await linkedTeam('易门县矿山救护队'));
    const move = (status: string) =>
      t.request({
        method: 'POST',
        url: `/api/v1/incidents/${incidentId}/tasks/${taskId}/status`,
        payload: { status },
        as: duty,
      });
    expect((await move('on_scene')).statusCode).toBe(200);
    const back = await move('en_route');
    expect(back.statusCode).toBe(409);
    expect(back.json().error.code).toBe('incident.task_status_backward');
  });

  it('streams the team’s positions to a command page on another server process (PostgreSQL bus)', async () => {
    const taskId = await dispatch(await linkedTeam('新平县矿山救护队'));
    const instances: { app: FastifyInstance; db: Db }[] = [];
    const start = async () => {
      const db = createPool(t.dbUrl, 4);
      const events = await startPostgresEventBus({ connectionString: t.dbUrl, db });
      const app = await buildApp({
        config: t.config,
        db,
        clock: t.clock,
        cipher: createFieldCipher(TEST_FIELD_KEY),
        events,
      });
      instances.push({ app, db });
      return app;
    };
    const controller = new AbortController();
    try {
      const a = await start();
      const b = await start();
      const address = await a.listen({ port: 0, host: '127.0.0.1' });
      const response = await fetch(`${address}/api/v1/incidents/${incidentId}/teams/stream?seconds=10`, {
        headers: { cookie: duty.cookie },
        signal: controller.signal,
      });
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      let text = '';
      void (async () => {
        for (;;) {
          const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
          if (done) return;
          text += new TextDecoder().decode(value);
        }
      })();
      const posted = await b.inject({
        method: 'POST',
        url: `/api/v1/teams/tasks/${taskId}/sync`,
        headers: { cookie: leader.cookie, 'x-csrf-token': leader.csrf },
        payload: {
          operations: [
            {
              kind: 'status',
              id: randomUUID(),
              at: at(0),
              status: 'accepted',
              position: { lon: 102.54, lat: 24.32 },
            },
          ],
        },
      });
      expect(posted.statusCode).toBe(200);
      await expect.poll(() => text.includes('event: team'), { timeout: 5_000 }).toBe(true);
      const data = JSON.parse(text.split('event: team\ndata: ')[1]!.split('\n')[0]!);
      expect(data).toMatchObject({ taskId, status: 'accepted', position: { lon: 102.54, lat: 24.32 } });
    } finally {
      controller.abort();
      for (const { app, db } of instances) {
        await app.close();
        await db.end();
      }
    }
  });
});
