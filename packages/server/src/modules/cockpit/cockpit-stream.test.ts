import { describe, expect, it } from 'vitest';
import { allPermissions, type DataScope, type Permission } from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import { createMemoryEventBus } from '../../platform/events/index.ts';
import { subscribeCockpitSignals, type CockpitSignal } from './cockpit-stream.ts';

const JIANGCHUAN = '530403';
const TONGHAI = '530423';
const ENTERPRISE = '00000000-0000-4000-8000-000000000001';

function caller(scope: DataScope, permissions: readonly Permission[] = allPermissions): AuthContext {
  return {
    sessionId: 's',
    userId: '00000000-0000-4000-8000-0000000000f1',
    username: 'leader',
    roles: [],
    permissions: new Set(permissions),
    scope,
    clearance: 'sensitive',
    csrfToken: 'c',
    mustChangePassword: false,
    mustEnrolTotp: false,
  };
}

const alarm = (county: string) => ({
  id: '00000000-0000-4000-8000-0000000000a1',
  pointId: '00000000-0000-4000-8000-0000000000b1',
  status: 'firing',
  colour: 'red',
  county,
  enterpriseId: ENTERPRISE,
  objectId: '00000000-0000-4000-8000-0000000000c1',
  at: '2026-11-29T02:00:00.000Z',
});

async function signalsFor(auth: AuthContext): Promise<CockpitSignal[]> {
  const bus = createMemoryEventBus({ log: () => {} });
  const got: CockpitSignal[] = [];
  const stop = subscribeCockpitSignals(bus, auth, (signal) => got.push(signal));
  await bus.publish('alarm.changed', alarm(JIANGCHUAN));
  await bus.publish('alarm.changed', alarm(TONGHAI));
  await bus.publish('hazard.escalated', {
    id: '00000000-0000-4000-8000-0000000000d1',
    hazardId: '00000000-0000-4000-8000-0000000000e1',
    county: TONGHAI,
    enterpriseId: ENTERPRISE,
    subject: 'deadline',
    step: 'remind',
    notified: 1,
    at: '2026-11-29T02:00:00.000Z',
  });
  await bus.publish('incident.changed', {
    id: '00000000-0000-4000-8000-0000000000f2',
    county: JIANGCHUAN,
    enterpriseId: null,
    change: 'reported',
    status: 'open',
  });
  await bus.publish('statistics.changed', { divisionCode: TONGHAI });
  await bus.publish('statistics.changed', { divisionCode: null });
  stop();
  await bus.publish('statistics.changed', { divisionCode: null });
  await bus.close();
  return got;
}

describe('the cockpit stream’s signals', () => {
  it('tells the city every change, in publish order', async () => {
    expect(await signalsFor(caller({ kind: 'city' }))).toEqual([
      { type: 'alarm', id: '00000000-0000-4000-8000-0000000000a1' },
      { type: 'alarm', id: '00000000-0000-4000-8000-0000000000a1' },
      { type: 'hazard', id: '00000000-0000-4000-8000-0000000000e1' },
      { type: 'incident', id: '00000000-0000-4000-8000-0000000000f2' },
      { type: 'statistics', id: null },
      { type: 'statistics', id: null },
    ]);
  });

  it('tells a county only its own county’s changes and the city-wide statistics', async () => {
    expect(await signalsFor(caller({ kind: 'county', counties: [JIANGCHUAN] }))).toEqual([
      { type: 'alarm', id: '00000000-0000-4000-8000-0000000000a1' },
      { type: 'incident', id: '00000000-0000-4000-8000-0000000000f2' },
      { type: 'statistics', id: null },
    ]);
  });

  it('says nothing of alarms, hazards or incidents to a caller who may not read them', async () => {
    expect(await signalsFor(caller({ kind: 'city' }, ['dashboard:view']))).toEqual([
      { type: 'statistics', id: null },
      { type: 'statistics', id: null },
    ]);
  });
});
