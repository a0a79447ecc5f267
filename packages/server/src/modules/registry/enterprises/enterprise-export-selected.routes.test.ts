import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../../test/read-workbook.ts';
import { createTestContext, type Caller, type TestContext } from '../../../../test/test-app.ts';
import { insertEnterprise } from '../../../../test/factories.ts';

describe('enterprise export of the selected rows', () => {
  let t: TestContext;
  let countyOfficer: Caller;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    countyOfficer = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530403'] } }),
    );
    for (const [key, name, county, serial] of [
      ['a', '江川甲企业', '530403', 7301],
      ['b', '江川乙企业', '530403', 7302],
      ['other', '通海丙企业', '530423', 7303],
    ] as const) {
      ids[key] = await insertEnterprise(t.db, { name, county, serial });
    }
  });
  afterAll(() => t.close());

  it('exports only the selected enterprises, never one outside the scope', async () => {
    const answer = await t.request({
      method: 'GET',
      url: `/api/v1/enterprises/export?ids=${ids.b},${ids.other}`,
      as: countyOfficer,
    });
    expect(answer.statusCode).toBe(200);
    const rows = await readWorkbook(answer.rawPayload);
    expect(rows[0]![0]).toBe('企业名称');
    expect(rows.slice(1).map((r) => r[0])).toEqual(['江川乙企业']);
  });
});
