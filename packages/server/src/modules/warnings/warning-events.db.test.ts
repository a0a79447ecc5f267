import { createAttachmentStore } from '../uploads/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_FIELD_KEY } from '../../../test/test-app.ts';
import { createManualClock } from '../../platform/clock.ts';
import { loadConfig } from '../../platform/config.ts';
import { createMemoryEventBus, type AppEvents } from '../../platform/events/index.ts';
import { createNotificationsModule } from '../notifications/index.ts';
import { createWarningsModule, noWarningSources } from './index.ts';
import { createFieldCipher } from '../../platform/crypto.ts';

describe('warning.published on the event bus', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('announces each released version once its transaction commits, and nothing before', async () => {
    const { db } = database;
    const clock = createManualClock(new Date('2026-11-29T02:00:00Z'));
    const events = createMemoryEventBus({ log: () => undefined });
    const seen: AppEvents['warning.published'][] = [];
    events.subscribe('warning.published', (payload) => void seen.push(payload));
    const { warnings } = createWarningsModule({
      db,
      clock,
      config: loadConfig({}),
      events,
      notifier: createNotificationsModule({ db, clock }).notifier,
      cipher: createFieldCipher(TEST_FIELD_KEY),
      sources: noWarningSources,
      log: () => undefined,
      attachmentFiles: createAttachmentStore(db, 40_000_000),
    });
    const author = {
      id: '00000000-0000-4000-8000-000000000e01',
      name: '甲',
      scope: { kind: 'city' as const },
      canWrite: true,
      canApprove: false,
    };
    const approver = { ...author, id: '00000000-0000-4000-8000-000000000e02', name: '乙', canApprove: true };
    const { id } = await warnings.create(author, {
      eventType: 'gas',
      level: 'red',
      onset: '2026-11-29T10:00:00+08:00',
      expires: '2026-11-29T20:00:00+08:00',
      audience: '',
      contact: '0877-2023110',
      area: { counties: ['530402', '530403'], townships: [], polygon: null, circle: null },
      info: {
        zh: { headline: '红塔区、江川区燃气红色预警', description: '燃气管道泄漏。', instruction: '' },
        en: null,
      },
    });
    await warnings.step(author, id, 'submit', '');
    await warnings.step(approver, id, 'approve', '');
    expect(seen).toEqual([]);
    await warnings.step(approver, id, 'publish', '');
    await warnings.step(approver, id, 'cancel', '');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toEqual([
      {
        id,
        version: 1,
        identifier: '53040000000000_20261129100000_0',
        msgType: 'Alert',
        level: 'red',
        counties: ['530402', '530403'],
        at: '2026-11-29T02:00:00.000Z',
      },
      {
        id,
        version: 2,
        identifier: '53040000000000_20261129100000_1',
        msgType: 'Cancel',
        level: 'red',
        counties: ['530402', '530403'],
        at: '2026-11-29T02:00:00.000Z',
      },
    ]);
  });
});
