import { insertEnterprise, insertObject } from '../../../test/factories.ts';
import type { Caller, TestContext } from '../../../test/test-app.ts';

let serial = 40_000;

/** An enterprise in `county` with one regulated object of `kind`, made directly in the database. */
export async function monitoredSite(
  t: TestContext,
  county: string,
  kind: 'major_hazard_source' | 'tailings_pond' = 'major_hazard_source',
  enterpriseId?: string,
): Promise<{ enterpriseId: string; objectId: string }> {
  const enterprise =
    enterpriseId ?? (await insertEnterprise(t.db, { name: '监测测试企业', county, serial: serial++ }));
  const objectId = await insertObject(t.db, {
    enterpriseId: enterprise,
    county,
    kind,
    name: kind === 'tailings_pond' ? '测试尾矿库' : '测试罐区',
    lon: 102.55,
    lat: 24.35,
  });
  return { enterpriseId: enterprise, objectId };
}

export const gasPoint = (objectId: string, code: string) => ({
  code,
  name: `可燃气体 ${code}`,
  objectId,
  type: 'combustible_gas',
  unit: '%LEL',
  range: { min: 0, max: 100 },
  expectedIntervalSeconds: 10,
  thresholds: { scheme: 'process', H: { value: 20 }, HH: { value: 40 } },
});

export async function createPoint(t: TestContext, as: Caller, body: object): Promise<string> {
  const response = await t.request({ method: 'POST', url: '/api/v1/monitoring/points', payload: body, as });
  if (response.statusCode !== 200) throw new Error(`point not created: ${response.body}`);
  return response.json<{ id: string }>().id;
}

export async function deviceToken(t: TestContext, as: Caller, enterpriseId: string): Promise<string> {
  const response = await t.request({
    method: 'POST',
    url: '/api/v1/monitoring/device-tokens',
    payload: { enterpriseId, name: '测试网关' },
    as,
  });
  if (response.statusCode !== 201) throw new Error(`token not created: ${response.body}`);
  return response.json<{ token: string }>().token;
}

export function send(t: TestContext, token: string, readings: unknown[]) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/telemetry',
    headers: { authorization: `Bearer ${token}` },
    payload: { readings },
  });
}
