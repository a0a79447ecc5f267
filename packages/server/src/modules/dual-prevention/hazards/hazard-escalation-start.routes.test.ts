import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/test-app.ts';
import { loadHazardEscalationConfig } from './hazard-escalation.config.ts';
import { insertEnterprise } from '../../../../test/factories.ts';

describe('the escalation worker runs with the app', () => {
  let t: TestContext;

  beforeAll(async () => {
    process.env.HAZARD_ESCALATION_INTERVAL_SECONDS = '1';
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    process.env.HAZARD_ESCALATION_INTERVAL_SECONDS = '0';
  });
  afterAll(() => t.close());

  it('fires a due step by itself, on the app clock', async () => {
    const enterprise = await insertEnterprise(t.db, { name: '玉溪测试企业', county: '530402', serial: 7401 });
    const manager = await t.sessionFor(
      await t.createUser({
        roles: ['enterprise_manager'],
        scope: { kind: 'enterprise', enterpriseId: enterprise, county: '530402' },
      }),
    );
    const reported = await t.request({
      method: 'POST',
      url: '/api/v1/hazards',
      payload: {
        enterpriseId: enterprise,
        source: 'self_check',
        location: { text: '仓库' },
        description: '灭火器过期未更换',
        category: '08',
      },
      as: manager,
    });
    const id = reported.json().id as string;
    // Due tomorrow: already inside the 3-day reminder window of a 一般 hazard.
    const planned = await t.request({
      method: 'POST',
      url: `/api/v1/hazards/${id}/actions`,
      payload: { action: 'submit_plan', plan: { responsiblePerson: '李四', deadline: '2026-11-30' } },
      as: manager,
    });
    expect(planned.json().escalation).toBe('due_soon');
    const fired = async () =>
      (
        await t.db.query<{ step: string }>('SELECT step FROM hazard_escalation_steps WHERE hazard_id = $1', [
          id,
        ])
      ).rows;
    for (let i = 0; i < 40 && (await fired()).length === 0; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await fired()).toEqual([{ step: 'reminder' }]);
    const inbox = await t.request({ method: 'GET', url: '/api/v1/notifications', as: manager });
    expect(inbox.json()).toMatchObject({ unread: 1, items: [{ data: { hazardId: id, step: 'reminder' } }] });
  });
});

describe('escalation worker settings', () => {
  it('reads the webhook and the interval, and refuses a bad value naming the variable', () => {
    expect(loadHazardEscalationConfig({})).toEqual({ webhookUrl: null, intervalMs: 60_000 });
    expect(
      loadHazardEscalationConfig({
        HAZARD_WEBHOOK_URL: 'https://hooks.example.cn/anjian',
        HAZARD_ESCALATION_INTERVAL_SECONDS: '0',
      }),
    ).toEqual({ webhookUrl: 'https://hooks.example.cn/anjian', intervalMs: 0 });
    expect(() => loadHazardEscalationConfig({ HAZARD_WEBHOOK_URL: 'ftp://hooks.example.cn' })).toThrow(
      /HAZARD_WEBHOOK_URL/,
    );
    expect(() => loadHazardEscalationConfig({ HAZARD_ESCALATION_INTERVAL_SECONDS: '-5' })).toThrow(
      /HAZARD_ESCALATION_INTERVAL_SECONDS/,
    );
  });
});
