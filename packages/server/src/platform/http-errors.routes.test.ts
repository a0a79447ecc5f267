import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSyntheticCreditCode } from '@anjian/domain';
import { createTestContext, type Caller, type TestContext } from '../../test/test-app.ts';

/** Field problems are read by people in the caller's language: no English fragment in Chinese. */
describe('field problems in the caller language', () => {
  let t: TestContext;
  let city: Caller;
  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    city = await t.sessionFor(await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }));
  });
  afterAll(() => t.close());

  const good = generateSyntheticCreditCode(901, { divisionCode: '530403' });
  const badCheck = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
  const body = (creditCode: unknown) => ({
    name: '玉溪语言测试化工有限公司',
    creditCode,
    county: '530403',
    township: '530403101',
    address: '江川区江城镇测试路2号',
    location: { lon: 102.75, lat: 24.29 },
    industryCode: 'C2614',
    sectors: ['hazchem_production'],
    scale: 'medium',
    employees: 12,
    safetyManager: { name: '王安全', phone: '13812345678' },
    licences: [],
    keyTags: [],
    responsibleDepartment: 'emergency',
  });
  const problem = async (creditCode: unknown, language: string) => {
    const response = await t.request({
      method: 'POST',
      url: '/api/v1/enterprises',
      payload: body(creditCode),
      headers: { 'accept-language': language },
      as: city,
    });
    expect(response.statusCode).toBe(400);
    return response.json().error.fields.find((f: { path: string }) => f.path === 'creditCode').message;
  };

  it('explains a wrong credit code in Chinese to the Chinese UI and in English to the English one', async () => {
    const zh = await problem(badCheck, 'zh-CN');
    expect(zh).toBe(`统一社会信用代码校验位（第 18 位）不正确：按前 17 位应为 ${good[17]}`);
    expect(await problem(badCheck, 'en')).toBe(
      `The check character (18th) of the unified social credit code is wrong: with characters 1–17 as given it would be ${good[17]}`,
    );
  });

  it('names a wrong format in words, not zod format names', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/api/v1/enterprises',
      payload: {
        ...body(good),
        licences: [{ type: 'safety_production', number: '1', validUntil: '2027/01/15' }],
      },
      as: city,
    });
    expect(response.statusCode).toBe(400);
    const messages = response.json().error.fields.map((f: { message: string }) => f.message);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toBe('格式不正确，应为日期（YYYY-MM-DD）');
  });
});
