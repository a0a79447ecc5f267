import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/test-app.ts';
import type { AuthContext } from '../../platform/access.ts';
import { createManualClock } from '../../platform/clock.ts';
import { createMemoryEventBus } from '../../platform/events/index.ts';
import { createIncidentsRepository } from '../emergency/incidents.repository.ts';
import { createIncidentsService } from '../emergency/incidents.service.ts';
import { createResourcesRepository } from '../emergency/resources.repository.ts';
import { importStatistics } from './statistics-import.ts';
import { sectorSuggester } from './sector-mappings.ts';
import { workbookOf } from './statistics-test-support.ts';
import { createStatisticsWriter } from './statistics-writer.ts';

/**
 * 'statistics.changed' and 'incident.changed' are what the cockpit and the big screen listen for:
 * who publishes them, when.
 */
describe('statistics.changed', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let auth: AuthContext;
  const clock = createManualClock(new Date('2026-11-29T02:00:00Z'));
  const events = createMemoryEventBus();
  const heard: (string | null)[] = [];
  events.subscribe('statistics.changed', (payload) => void heard.push(payload.divisionCode));
  const incidentChanges: string[] = [];
  events.subscribe(
    'incident.changed',
    (p) => void incidentChanges.push(`${p.change}:${p.county}:${p.status}`),
  );

  beforeAll(async () => {
    database = await createTestDatabase();
    const system = await database.db.query<{ id: string }>("SELECT id FROM users WHERE username = 'system'");
    auth = {
      sessionId: 's',
      userId: system.rows[0]!.id,
      username: 'system',
      roles: ['city_officer'],
      permissions: new Set(['emergency:write']),
      scope: { kind: 'city' },
      clearance: 'sensitive',
      csrfToken: 'x',
      mustChangePassword: false,
      mustEnrolTotp: false,
    };
  });
  afterAll(() => database.drop());

  it('is published once per county an import touches, and not for a refused import', async () => {
    const deps = { db: database.db, events, writer: createStatisticsWriter(database.db) };
    const options = { validOnly: false, language: 'zh-CN' as const, now: clock.now() };
    const rows = [
      {
        occurredAt: '2021-03-01 08:00',
        county: '通海县',
        location: '通海县某工地',
        sector: '建筑业',
        accidentType: '高处坠落',
        deaths: 1,
      },
      {
        occurredAt: '2021-04-01 08:00',
        county: '江川区',
        location: '江川区某路段',
        sector: '道路运输',
        accidentType: '车辆伤害',
        deaths: 2,
      },
    ];
    await importStatistics(
      deps,
      auth,
      'accidents',
      await workbookOf('accidents', [...rows, { ...rows[0]!, deaths: -1 }]),
      options,
    );
    expect(heard).toEqual([]);
    await importStatistics(deps, auth, 'accidents', await workbookOf('accidents', rows), options);
    expect(heard).toEqual(['530423', '530403']);
  });

  it('is published when an accident is reported, followed up and reviewed', async () => {
    heard.length = 0;
    const incidents = createIncidentsService({
      db: database.db,
      clock,
      incidents: createIncidentsRepository(database.db),
      resources: createResourcesRepository(database.db),
      enterprises: { findById: async () => null },
      events,
      sectors: sectorSuggester,
    });
    const created = await incidents.report(auth, {
      occurredAt: '2026-11-29T01:00:00.000Z',
      county: '530402',
      location: '红塔区某厂',
      accidentType: 'WSA10004',
      roadTraffic: false,
      deaths: 1,
      seriousInjuries: 0,
      missing: 0,
      directLossWan: '20',
      description: '机械致害一人死亡',
      reporter: '安全员',
    });
    expect(created.statistics).toMatchObject({ sector: 'other', countsAsProduction: true });
    await incidents.followUp(auth, created.id, { deaths: 2, description: '又一人死亡' });
    await incidents.classify(auth, created.id, {
      sector: 'industry_trade',
      countsAsProduction: true,
      reason: '企业生产作业中发生',
    });
    expect(heard).toEqual(['530402', '530402', '530402']);
    // The screens hear of the incident itself too (incidents in progress, the rolling event list).
    await incidents.close(auth, created.id, '处置完毕');
    expect(incidentChanges).toEqual([
      'reported:530402:open',
      'followed_up:530402:open',
      'classified:530402:open',
      'closed:530402:closed',
    ]);
  });
});
