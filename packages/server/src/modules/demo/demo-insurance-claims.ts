import { randomUUID } from 'node:crypto';
import { addCalendarDays, chinaDate, type PreventionServiceKind } from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db, type Queryable } from '../../platform/db.ts';
import { createClaimsRepository, createPreventionServicesRepository } from '../obligations/index.ts';
import { systemUserId } from '../users/system-author.ts';

const DEMO_KEY = 'demo.obligation_claims';

interface DemoPolicy {
  id: string;
  enterpriseId: string;
  county: string;
  insurer: string;
  startsOn: string;
  endsOn: string;
  premiumYuan: number;
}

/**
 * Demo 安责险 claims and prevention services (演示), loaded once on the demo policies: two small
 * accidents (not counted in the accident statistics) with a paid and an accepted claim; services
 * for every insured site but one (so the "never served" flag shows), the second insurer spending
 * about 30 % of its premiums (over the 21 % cap) and the first about 8 %. A finding links the
 * site's oldest demo hidden hazard when it has one.
 */
export async function loadDemoInsuranceClaims(deps: { db: Db; clock: Clock }): Promise<boolean> {
  const { db, clock } = deps;
  if ((await db.query('SELECT 1 FROM settings WHERE key = $1', [DEMO_KEY])).rowCount) return false;
  const policies = (
    await db.query<DemoPolicy>(
      `SELECT id, enterprise_id AS "enterpriseId", county, insurer, starts_on::text AS "startsOn",
         ends_on::text AS "endsOn", premium_yuan::float8 AS "premiumYuan"
         FROM obligation_policies WHERE demo ORDER BY policy_number`,
    )
  ).rows;
  const now = clock.now();
  const today = chinaDate(now);
  const author = await systemUserId(db);
  await inTransaction(db, async (tx) => {
    await tx.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
      DEMO_KEY,
      JSON.stringify({ loadedAt: now }),
    ]);
    for (const [index, policy] of policies.entries()) {
      if (index === 1) continue;
      await seedService(tx, policy, index, today, now);
    }
    for (const [index, policy] of policies.slice(0, 2).entries())
      await seedClaim(tx, { policy, index, today, now, author });
  });
  return true;
}

async function seedService(tx: Queryable, policy: DemoPolicy, index: number, today: string, now: Date) {
  const servedOn = [addCalendarDays(policy.startsOn, 10), today].sort()[0]!;
  const share = policy.insurer.includes('太平洋') ? 0.3 : 0.08;
  const hazard = await tx.query<{ id: string }>(
    'SELECT id FROM hidden_hazards WHERE enterprise_id = $1 ORDER BY reported_at, id LIMIT 1',
    [policy.enterpriseId],
  );
  const kinds: PreventionServiceKind[] = ['hazard_investigation', 'training', 'risk_assessment'];
  await createPreventionServicesRepository(tx as Db).insertWithId(
    tx,
    randomUUID(),
    {
      policyId: policy.id,
      enterpriseId: policy.enterpriseId,
      county: policy.county,
      insurer: policy.insurer,
      servedOn,
      kind: kinds[index % kinds.length]!,
      costYuan: Math.round(policy.premiumYuan * share),
      summary: '【演示】保险机构安全专家到企业开展事故预防服务',
      findings: [
        {
          description: '【演示】应急照明和疏散指示标志部分损坏',
          hazardId: hazard.rows[0]?.id ?? null,
          hazardOpened: false,
        },
      ],
    },
    true,
    now,
  );
}

async function seedClaim(
  tx: Queryable,
  ctx: { policy: DemoPolicy; index: number; today: string; now: Date; author: string },
) {
  const { policy, index, today, now, author } = ctx;
  const day = [addCalendarDays(policy.startsOn, 15 + index * 10), addCalendarDays(today, -10)].sort()[0]!;
  const location = '【演示】厂区机修车间';
  const incident = await tx.query<{ id: string }>(
    // Not counted as a production-safety accident: the statistics stay those of their own demo data.
    `INSERT INTO incidents (occurred_at, county, enterprise_id, location, accident_type, original, description, reporter,
       created_by, created_at, updated_at, counts_as_production, count_reason)
     VALUES ($1, $2, $3, $4, 'WSA10099', '{"deaths":0,"seriousInjuries":1,"directLossWan":"3"}',
       '【演示】检修作业时机械伤害，一人受伤送医（演示数据，非真实事件）', '演示', $5, $6, $6, false,
       '演示数据，不计入统计') RETURNING id`,
    [`${day}T02:00:00Z`, policy.county, policy.enterpriseId, location, author, now],
  );
  const claims = createClaimsRepository(tx as Db);
  const reportedOn = addCalendarDays(day, 1);
  const id = await claims.insert(
    tx,
    {
      policyId: policy.id,
      enterpriseId: policy.enterpriseId,
      county: policy.county,
      claimNumber: `演示理赔${policy.county}${String(index + 1).padStart(3, '0')}`,
      incidentId: incident.rows[0]!.id,
      incidentOn: day,
      incidentLocation: location,
      reportedOn,
      deaths: 0,
      injuries: 1,
      claimedYuan: 86_000 + index * 20_000,
    },
    true,
    now,
  );
  await claims.step(tx, id, { step: 'accepted', on: addCalendarDays(reportedOn, 2) }, now);
  if (index === 0)
    await claims.step(tx, id, { step: 'paid', on: addCalendarDays(reportedOn, 8), paidYuan: 72_000 }, now);
}
