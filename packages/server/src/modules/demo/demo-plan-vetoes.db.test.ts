import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_FIELD_KEY, createTestContext, type TestContext } from '../../../test/test-app.ts';
import { createFieldCipher } from '../../platform/crypto.ts';
import { planCallers } from '../plan/plan-test-support.ts';
import { loadDemoRegistry } from './demo-data.ts';
import { loadDemoPlan } from './demo-plan.ts';
import { loadDemoStatistics } from './demo-statistics.ts';

/**
 * The demo (演示) assessment's vetoes come from the demo accident history, like a real one's: the
 * counties with a 较大 accident in the assessment's year are vetoed, naming it; no veto is typed in.
 */
describe('demo assessment vetoes (演示)', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    await loadDemoRegistry({ db: t.db, clock: t.clock, cipher: createFieldCipher(TEST_FIELD_KEY) });
    await loadDemoStatistics({ db: t.db, clock: t.clock });
    await loadDemoPlan({ db: t.db, clock: t.clock });
  });
  afterAll(() => t.close());

  it('vetoes the counties whose demo history holds a 较大 accident of that year', async () => {
    const { office } = await planCallers(t, []);
    const larger = await t.db.query<{ county: string }>(
      `SELECT DISTINCT 'county-' || county AS county FROM statistics_accident_facts
        WHERE year = 2025 AND level IN ('larger', 'major', 'especially_major') ORDER BY 1`,
    );
    // The seeded history of the demo registry holds one: 红塔区, 2025.
    expect(larger.rows.map((r) => r.county)).toEqual(['county-530402']);
    const listed = (
      await t.request({ method: 'GET', url: '/api/v1/plan/assessments', as: office })
    ).json() as {
      id: string;
      year: number;
    }[];
    const id = listed.find((a) => a.year === 2025)!.id;
    const detail = (
      await t.request({ method: 'GET', url: `/api/v1/plan/assessments/${id}`, as: office })
    ).json() as {
      units: {
        organisationName: string;
        rank: number;
        grade: string;
        veto: string | null;
        manualVeto: string | null;
      }[];
    };
    const vetoed = detail.units.filter((u) => u.veto !== null);
    expect(vetoed.map((u) => [u.organisationName, u.rank, u.grade, u.manualVeto])).toEqual([
      ['红塔区人民政府', 9, 'fail', null],
    ]);
    expect(vetoed[0]!.veto).toMatch(
      /^辖区发生较大及以上生产安全事故：2025-\d\d-\d\d 红塔区 （演示）红塔区某作业场所（较大事故）$/,
    );
  });
});
