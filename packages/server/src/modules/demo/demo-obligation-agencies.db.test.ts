import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyReportFlags, defaultObligationParameters } from '@anjian/domain';
import { insertEnterprise } from '../../../test/factories.ts';
import { createTestDatabase } from '../../../test/test-app.ts';
import { createManualClock } from '../../platform/clock.ts';
import { createAgenciesRepository } from '../obligations/index.ts';
import { loadDemoObligationAgencies } from './demo-obligation-agencies.ts';
import { namedEnterprises } from './demo-named-sites.ts';

describe('demo technical service agencies (演示)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('gives the named sites sound and flagged agency reports, once', async () => {
    const { db } = database;
    for (const [i, site] of namedEnterprises.slice(0, 6).entries())
      await insertEnterprise(db, {
        name: site.name,
        county: site.county,
        serial: 900 + i,
        sectors: site.sectors,
      });
    const clock = createManualClock(new Date('2026-11-29T02:00:00Z'));
    expect(await loadDemoObligationAgencies({ db, clock })).toBe(true);
    expect(await loadDemoObligationAgencies({ db, clock })).toBe(false);

    const repo = createAgenciesRepository(db);
    const agencies = await repo.listAgencies({});
    expect(agencies.map((a) => [a.name, a.validUntil < '2026-11-29'])).toEqual([
      ['云南演示安全评价有限公司（演示）', false],
      ['云南演示矿山设备检测检验有限公司（演示）', false],
      ['昆明演示安全技术咨询有限公司（演示）', true],
    ]);
    const staff = await repo.staffOf(agencies.map((a) => a.id));
    const flags = (await repo.reportsIn({ kind: 'city' }, {})).map((r) => [
      r.agencyName.slice(0, 6),
      agencyReportFlags(
        r,
        agencies.find((a) => a.id === r.agencyId)!,
        staff.filter((s) => s.agencyId === r.agencyId),
        defaultObligationParameters,
      ).join(','),
    ]);
    const flagged = flags.filter(([, f]) => f !== '');
    expect(flagged.sort()).toEqual([
      ['云南演示安全', 'unregistered_signer'],
      ['昆明演示安全', 'out_of_scope'],
    ]);
    expect(flags.length - flagged.length).toBeGreaterThanOrEqual(6);
  });
});
