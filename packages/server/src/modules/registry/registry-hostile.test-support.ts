import { afterAll, beforeAll, describe, expect } from 'vitest';
import { generateSyntheticCreditCode } from '@anjian/domain';
import { englishWord } from '../../../test/hostile-values.ts';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';

/*
 * The bodies and checks shared by the registry's hostile-input suites: the enterprise fields
 * (registry-hostile-input.routes.test.ts) and the regulated objects
 * (registry-hostile-objects.routes.test.ts), two files so that the two test workers run them side by side.
 */
let serial = 40_000;
export const code = () => generateSyntheticCreditCode(serial++, { divisionCode: '530403' });

export const enterpriseBody = () => ({
  name: '玉溪模糊测试化工有限公司',
  creditCode: code(),
  county: '530403',
  township: '530403101',
  address: '江川区江城镇测试路1号',
  location: { lon: 102.75, lat: 24.29 },
  locationApproximate: false,
  industryCode: 'C2614',
  sectors: ['hazchem_production'],
  scale: 'medium',
  employees: 120,
  legalRepresentative: { name: '李法人', phone: '13700001111' },
  principal: { name: '张负责', phone: '0877-2012345' },
  safetyManager: { name: '王安全', phone: '13812345678' },
  licences: [{ type: 'safety_production', number: '（云）WH安许证字〔2024〕0001', validUntil: '2027-01-15' }],
  status: 'operating',
  keyTags: ['plan6_hazchem'],
  responsibleDepartment: 'emergency',
});

export const enterprisePaths = [
  'name',
  'creditCode',
  'county',
  'township',
  'address',
  'location',
  'location.lon',
  'location.lat',
  'locationApproximate',
  'industryCode',
  'sectors',
  'sectors.0',
  'scale',
  'employees',
  'legalRepresentative',
  'legalRepresentative.name',
  'legalRepresentative.phone',
  'principal.phone',
  'safetyManager',
  'licences',
  'licences.0',
  'licences.0.type',
  'licences.0.number',
  'licences.0.validUntil',
  'status',
  'keyTags',
  'keyTags.0',
  'responsibleDepartment',
];

/** A copy of `body` with the value at a dotted path replaced. */
export function withValue(
  body: Record<string, unknown>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let target = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[keys.at(-1)!] = value;
  return copy;
}

interface Answer {
  statusCode: number;
  json: () => {
    error?: { code?: string; message?: string; fields?: { path: string; code: string; message: string }[] };
  };
}

/** Every answer is a success or a 4xx with a stable code and Chinese messages; never a 5xx. */
export function expectHandled(answer: Answer, label: string) {
  expect(answer.statusCode, label).toBeLessThan(500);
  if (answer.statusCode < 400) return;
  const { error } = answer.json();
  expect(error?.code, label).toMatch(/^[a-z_]+\.[a-z_]+$/);
  // Unknown keys are named as the API spells them; every other message is in Chinese words.
  for (const field of (error?.fields ?? []).filter((f) => f.code !== 'unrecognized_keys'))
    expect(field.message, `${label}: ${field.message}`).not.toMatch(englishWord);
}

/** A signed-in city officer and one enterprise made through the API, for the updates. */
export async function cityAndEnterprise(t: TestContext): Promise<{ city: Caller; enterpriseId: string }> {
  const city = await t.sessionFor(await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }));
  const created = await t.request({
    method: 'POST',
    url: '/api/v1/enterprises',
    payload: enterpriseBody(),
    as: city,
  });
  expect(created.statusCode).toBe(201);
  return { city, enterpriseId: created.json().id };
}

export interface HostileSuite {
  t: TestContext;
  city: Caller;
  enterpriseId: string;
}

/** The suite's describe with its app, a city officer and one enterprise, set up before the tests. */
export function describeHostileRegistry(tests: (suite: HostileSuite) => void): void {
  describe('registry: hostile values never crash, and every message is Chinese by default', () => {
    const suite = {} as HostileSuite;
    beforeAll(async () => {
      suite.t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
      Object.assign(suite, await cityAndEnterprise(suite.t));
    }, 60_000);
    afterAll(() => suite.t.close());
    tests(suite);
  });
}
