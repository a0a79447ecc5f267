import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldCipher } from '../../platform/crypto.ts';
import { createTestContext, TEST_FIELD_KEY, type Caller, type TestContext } from '../../../test/test-app.ts';
import { loadDemoRegistry } from './demo-data.ts';
import { loadDemoDualPrevention } from './demo-dual-prevention.ts';
import { loadDemoEnforcement } from './demo-enforcement.ts';

describe('demo dual prevention (演示): risk units, check lists and hazards in every state', () => {
  let t: TestContext;
  let city: Caller;

  beforeAll(async () => {
    process.env.HAZARD_ESCALATION_INTERVAL_SECONDS = '0';
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    city = await t.sessionFor(await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }));
  });
  afterAll(() => t.close());

  it('waits for the demo registry, then loads once', async () => {
    expect(await loadDemoDualPrevention({ db: t.db, clock: t.clock })).toBe(false);
    await loadDemoRegistry({ db: t.db, clock: t.clock, cipher: createFieldCipher(TEST_FIELD_KEY) });
    await loadDemoEnforcement({ db: t.db, clock: t.clock });
    expect(await loadDemoDualPrevention({ db: t.db, clock: t.clock })).toBe(true);
    expect(await loadDemoDualPrevention({ db: t.db, clock: t.clock })).toBe(false);
  });

  it('shows hazards in every state of the closed loop, 重大 and 挂牌督办 among them, some overdue', async () => {
    const stats = (await t.request({ method: 'GET', url: '/api/v1/hazards/statistics', as: city })).json();
    // 14 demo cases, the self-check task's hazard and the disclosed inspection's hazard.
    expect(stats.total).toEqual({ general: 11, major: 5, total: 16 });
    expect(stats.closed).toEqual({ general: 1, major: 1, total: 2 });
    expect(stats.overdue.total).toBe(2);

    const list = (await t.request({ method: 'GET', url: '/api/v1/hazards?pageSize=100', as: city })).json()
      .items as {
      status: string;
      level: string;
      supervision?: { level: string; reviews: unknown[]; closedAt?: string; documentNo?: string };
      escalation: string;
      timeline: { actorId: string }[];
    }[];
    expect(new Set(list.map((h) => h.status))).toEqual(
      new Set(['reported', 'rectifying', 'pending_acceptance', 'closed', 'dismissed']),
    );
    const supervised = list.filter((h) => h.supervision);
    expect(supervised.map((h) => h.supervision!.level).sort()).toEqual([
      'city',
      'county',
      'county',
      'county',
    ]);
    expect(supervised.every((h) => h.supervision!.reviews.length >= 1)).toBe(true);
    expect(supervised.filter((h) => h.supervision!.closedAt)).toHaveLength(1);
    expect(list.filter((h) => h.status === 'closed' && h.level === 'major')).toHaveLength(1);
    expect(new Set(list.map((h) => h.escalation))).toContain('due_soon');
  });

  it('links the disclosed inspection that found a problem to its hazard', async () => {
    const items = await t.db.query<{
      hazard_id: string | null;
      source: string;
      source_ref: string;
      id: string;
    }>(
      `SELECT it.id, it.hazard_id, h.source, h.source_ref FROM enforcement_inspection_items it
         JOIN enforcement_inspections i ON i.id = it.inspection_id
         LEFT JOIN hidden_hazards h ON h.id = it.hazard_id
        WHERE i.demo AND it.result = 'fail'`,
    );
    expect(items.rows).toHaveLength(1);
    expect(items.rows[0]).toMatchObject({ source: 'inspection', source_ref: items.rows[0]!.id });
    const hazard = (
      await t.request({ method: 'GET', url: `/api/v1/hazards/${items.rows[0]!.hazard_id}`, as: city })
    ).json();
    expect(hazard.status).toBe('pending_acceptance');
  });

  it('gives the demo penalty decision its document number', async () => {
    const disclosure = (await t.request({ method: 'GET', url: '/api/v1/public/disclosure' })).json();
    expect(disclosure.penaltyDecisions).toEqual([
      expect.objectContaining({ documentNo: '红应急罚〔2026〕1号' }),
    ]);
  });

  it('grades risk points with the domain: all four colours across the city', async () => {
    const units = (await t.request({ method: 'GET', url: '/api/v1/risk/units', as: city })).json();
    const items = (Array.isArray(units) ? units : units.items) as {
      points: { value: number; level: number; colour: string }[];
    }[];
    expect(items).toHaveLength(11);
    const points = items.flatMap((u) => u.points);
    expect(points.map((p) => p.colour).sort()).toEqual(
      [
        ...Array(3).fill('red'),
        ...Array(3).fill('orange'),
        ...Array(3).fill('yellow'),
        ...Array(3).fill('blue'),
      ].sort(),
    );
    expect(points.find((p) => p.value === 720)).toMatchObject({ level: 1, colour: 'red' });
  });

  it('rates the demo enterprises on the city risk view, a grading worse than the units counting', async () => {
    const overview = (await t.request({ method: 'GET', url: '/api/v1/risk/enterprises', as: city })).json();
    expect(overview.counts).toEqual({ l1: 3, l2: 3, l3: 1, l4: 3 });
    const name = (n: string) => overview.items.find((i: { name: string }) => i.name === n);
    // 玉昆: a yellow unit, graded 72 (orange): orange. 新兴: graded 91 (blue), but its 煤气柜 is red.
    expect(name('云南玉溪玉昆钢铁集团有限公司')).toMatchObject({
      level: 2,
      unitLevel: 3,
      grading: { level: 2, score: 72 },
    });
    expect(name('玉溪新兴钢铁有限公司')).toMatchObject({
      level: 1,
      unitLevel: 1,
      grading: { level: 4, score: 91 },
    });
  });

  it('has check lists with a task open now, one done that found a hazard and one overdue', async () => {
    const tasks = (await t.request({ method: 'GET', url: '/api/v1/checks/tasks', as: city })).json();
    const items = (Array.isArray(tasks) ? tasks : tasks.items) as {
      status: string;
      hazardIds: string[];
      dueDate: string;
    }[];
    expect(items).toHaveLength(9);
    expect(items.filter((task) => task.status === 'done')).toHaveLength(3);
    expect(items.flatMap((task) => task.hazardIds)).toHaveLength(1);
  });

  it('writes everything in the name of the one system author, hidden from the user list', async () => {
    const authors = await t.db.query<{ username: string; status: string }>(
      `SELECT DISTINCT u.username, u.status FROM hidden_hazards h JOIN users u ON u.id = h.reported_by
       UNION SELECT DISTINCT u.username, u.status FROM enforcement_cases c JOIN users u ON u.id = c.created_by`,
    );
    expect(authors.rows).toEqual([{ username: 'system', status: 'disabled' }]);
    const legacy = await t.db.query(`SELECT 1 FROM users WHERE username = 'demo_enforcement'`);
    expect(legacy.rowCount).toBe(0);
  });
});
