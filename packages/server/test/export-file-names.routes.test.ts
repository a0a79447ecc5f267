import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from './test-app.ts';

/**
 * Every download is stamped by the injected clock, not the machine's: with the clock at
 * 2026-03-04 05:06:07 UTC (13:06:07 in China) each file is named `<name>_20260304130607.xlsx`.
 */
const exports: { url: string; asciiName: string; name: string }[] = [
  { url: '/api/v1/hazards/export', asciiName: 'hazards', name: '隐患台账' },
  { url: '/api/v1/hazards/export?supervised=true', asciiName: 'hazards', name: '挂牌督办隐患' },
  { url: '/api/v1/risk/enterprises/export', asciiName: 'enterprise-risk', name: '企业安全风险分级台账' },
  { url: '/api/v1/risk/ledger', asciiName: 'risk-ledger', name: '风险分级管控台账' },
  { url: '/api/v1/enforcement/inspections/export', asciiName: 'inspections', name: '执法检查' },
  { url: '/api/v1/enforcement/cases/export', asciiName: 'penalty-cases', name: '行政处罚案件' },
  { url: '/api/v1/users/export', asciiName: 'users', name: '用户列表' },
  { url: '/api/v1/monitoring/alarms/export', asciiName: 'alarms', name: '报警记录' },
  { url: '/api/v1/emergency/drills/export?year=2026', asciiName: 'drills', name: '应急演练' },
  { url: '/api/v1/emergency/resources/export', asciiName: 'emergency-resources', name: '应急资源' },
  { url: '/api/v1/emergency/allocations/export', asciiName: 'allocation-orders', name: '物资调拨单' },
  {
    url: '/api/v1/emergency/allocations/ledger/export',
    asciiName: 'allocation-ledger',
    name: '物资调拨台账',
  },
  { url: '/api/v1/incidents/export', asciiName: 'incidents', name: '事故信息' },
  { url: '/api/v1/objects/export', asciiName: 'objects', name: '监管对象' },
  { url: '/api/v1/enterprises/export', asciiName: 'enterprises', name: '企业信息' },
  { url: '/api/v1/enterprises/import-template', asciiName: 'enterprises', name: '企业信息导入模板' },
  { url: '/api/v1/warnings/export', asciiName: 'warnings', name: '预警信息' },
];

describe('export file names follow the injected clock', () => {
  let t: TestContext;
  let admin: Caller;

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    admin = await t.sessionFor(
      await t.createUser({ roles: ['sysadmin', 'city_officer'], scope: { kind: 'city' } }),
    );
    t.clock.set(new Date('2026-03-04T05:06:07.000Z'));
  });
  afterAll(() => t.close());

  it.each(exports)('$url is stamped 20260304130607 by the clock', async ({ url, asciiName, name }) => {
    const answer = await t.request({ method: 'GET', url, as: admin });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(answer.headers['content-disposition']).toBe(
      `attachment; filename="${asciiName}_20260304130607.xlsx"; ` +
        `filename*=UTF-8''${encodeURIComponent(`${name}_20260304130607.xlsx`)}`,
    );
  });
});
