import { expect } from 'vitest';
import type { DataScope } from '@anjian/domain';
import type { Caller, TestContext } from './test-app.ts';

/**
 * Two custom roles alike but for their clearance (内部 and 敏感), made by the security administrator
 * through the roles API, and one session for each: the callers of the security-label tests
 * (decision 0005). `code` keeps the role codes of each test file apart.
 */
export async function labelReaders(
  t: TestContext,
  code: string,
  permissions: readonly string[],
  scope: DataScope,
): Promise<{ internal: Caller; sensitive: Caller }> {
  const secadmin = await t.sessionFor(await t.createUser({ roles: ['secadmin'], scope: { kind: 'city' } }));
  const callers: Caller[] = [];
  for (const clearance of ['internal', 'sensitive'] as const) {
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/roles',
      payload: {
        code: `${code}_${clearance}`,
        nameZh: `密级查阅${clearance === 'internal' ? '内部' : '敏感'}`,
        nameEn: `Label reader ${clearance}`,
        permissions,
        clearance,
      },
      as: secadmin,
    });
    expect(created.statusCode, created.body).toBe(201);
    callers.push(await t.sessionFor(await t.createUser({ roles: [`${code}_${clearance}`], scope })));
  }
  return { internal: callers[0]!, sensitive: callers[1]! };
}
