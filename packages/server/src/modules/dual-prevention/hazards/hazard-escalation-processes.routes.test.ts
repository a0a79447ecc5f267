import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, type Db } from '../../../platform/db.ts';
import { startPostgresEventBus, type EventBus } from '../../../platform/events/index.ts';
import { createTestContext, type TestContext } from '../../../../test/test-app.ts';
import { createNotificationsRepository } from '../../notifications/notifications.repository.ts';
import { createWebhookOutbox } from '../../notifications/webhook-outbox.ts';
import { createHazardEscalationRepository } from './hazard-escalation.repository.ts';
import { createHazardEscalationWorker } from './hazard-escalation.worker.ts';
import { insertEnterprise } from '../../../../test/factories.ts';

const COUNTY = '530402';
const HAZARDS = 4;

describe('the escalation ladder with two server processes on one database', () => {
  let t: TestContext;
  const hazardIds: string[] = [];
  const pools: Db[] = [];
  const buses: EventBus[] = [];
  const posted: string[] = [];
  const receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      posted.push((JSON.parse(body) as { id: string }).id);
      response.writeHead(204).end();
    });
  });
  let webhookUrl: string;

  /** What one process has: its own pool, its LISTEN connection, its worker and outbox. */
  async function startProcess() {
    const db = createPool(t.dbUrl, 4);
    pools.push(db);
    const events = await startPostgresEventBus({ connectionString: t.dbUrl, db });
    buses.push(events);
    const escalated: string[] = [];
    events.subscribe('hazard.escalated', (event) => void escalated.push(`${event.hazardId}:${event.step}`));
    const worker = createHazardEscalationWorker({
      db,
      clock: t.clock,
      escalation: createHazardEscalationRepository(db),
      notifications: createNotificationsRepository(db),
      webhook: createWebhookOutbox({ db, clock: t.clock }),
      webhookUrl,
      events,
    });
    return { worker, escalated };
  }

  beforeAll(async () => {
    process.env.HAZARD_ESCALATION_INTERVAL_SECONDS = '0';
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    const enterprise = await insertEnterprise(t.db, { name: '红塔测试企业', county: COUNTY, serial: 7501 });
    const enterpriseId = enterprise;
    const manager = await t.sessionFor(
      await t.createUser({
        roles: ['enterprise_manager'],
        scope: { kind: 'enterprise', enterpriseId, county: COUNTY },
      }),
    );
    await t.createUser({
      roles: ['enterprise_manager'],
      scope: { kind: 'enterprise', enterpriseId, county: COUNTY },
    });
    for (let i = 0; i < HAZARDS; i += 1) {
      const reported = await t.request({
        method: 'POST',
        url: '/api/v1/hazards',
        payload: {
          enterpriseId,
          source: 'self_check',
          location: { text: `仓库 ${i + 1}` },
          description: '灭火器过期未更换',
          category: '08',
        },
        as: manager,
      });
      expect(reported.statusCode).toBe(201);
      const id = reported.json<{ id: string }>().id;
      // Due tomorrow: inside the 3-day reminder window of a 一般 hazard.
      const planned = await t.request({
        method: 'POST',
        url: `/api/v1/hazards/${id}/actions`,
        payload: { action: 'submit_plan', plan: { responsiblePerson: '李四', deadline: '2026-11-30' } },
        as: manager,
      });
      expect(planned.statusCode).toBe(200);
      hazardIds.push(id);
    }
  });

  afterAll(async () => {
    await Promise.all(buses.map((bus) => bus.close()));
    await Promise.all(pools.map((pool) => pool.end()));
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
    await t.close();
  });

  it('fires each due step once when both processes run the worker at the same moment', async () => {
    const a = await startProcess();
    const b = await startProcess();
    const now = t.clock.now();
    const [ranA, ranB] = await Promise.all([a.worker.runOnce(now), b.worker.runOnce(now)]);
    const fired = [...ranA.fired, ...ranB.fired].map((step) => `${step.hazardId}:${step.step}`).sort();
    const expected = hazardIds.map((id) => `${id}:reminder`).sort();
    expect(fired).toEqual(expected);

    const steps = await t.db.query<{ hazard_id: string; n: number }>(
      'SELECT hazard_id, count(*)::int AS n FROM hazard_escalation_steps GROUP BY hazard_id ORDER BY hazard_id',
    );
    expect(steps.rows).toEqual([...hazardIds].sort().map((id) => ({ hazard_id: id, n: 1 })));
    // Two enterprise managers hear of each step, once.
    const notified = await t.db.query<{ hazard_id: string; n: number }>(
      `SELECT data->>'hazardId' AS hazard_id, count(*)::int AS n FROM notifications
        WHERE kind = 'hazard.escalation' GROUP BY 1 ORDER BY 1`,
    );
    expect(notified.rows).toEqual([...hazardIds].sort().map((id) => ({ hazard_id: id, n: 2 })));

    // Each process hears every step exactly once, whichever process fired it.
    await expect.poll(() => a.escalated.length).toBe(HAZARDS);
    await expect.poll(() => b.escalated.length).toBe(HAZARDS);
    // Both posted the webhooks due at the same time (leased rows): each went out once. Running again
    // fires and posts nothing more.
    const [againA, againB] = await Promise.all([a.worker.runOnce(now), b.worker.runOnce(now)]);
    expect([...againA.fired, ...againB.fired, againA.delivered + againB.delivered]).toEqual([0]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect([...a.escalated].sort()).toEqual(expected);
    expect([...b.escalated].sort()).toEqual(expected);
    const firedIds = [...ranA.fired, ...ranB.fired].map((step) => step.id).sort();
    expect([...posted].sort()).toEqual(firedIds);
  });
});
