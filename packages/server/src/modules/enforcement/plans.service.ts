import { chinaDayStart, DomainError, type PlanInput } from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import { CITY_CODE, requireDivision } from './enforcement-scope.ts';
import type { InspectorsRepository } from './inspectors.repository.ts';
import { requireOfficer } from './inspectors.service.ts';
import type { PlanRow, PlansRepository } from './plans.repository.ts';

const present = (p: PlanRow) => ({
  id: p.id,
  county: p.county,
  kind: p.kind,
  year: p.year,
  month: p.month,
  title: p.title,
  targets: p.targets,
  targetTotal: p.targets.reduce((sum, t) => sum + t.count, 0),
  focus: p.focus,
  demo: p.demo,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

/** The plan's period as instants: China Standard Time midnights of its first and next period's day. */
export function planPeriod(plan: { year: number; month: number | null }): { from: Date; to: Date } {
  const at = (year: number, month: number) => chinaDayStart(`${year}-${String(month).padStart(2, '0')}-01`);
  if (plan.month === null) return { from: at(plan.year, 1), to: at(plan.year + 1, 1) };
  const next = plan.month === 12 ? at(plan.year + 1, 1) : at(plan.year, plan.month + 1);
  return { from: at(plan.year, plan.month), to: next };
}

const percent = (done: number, target: number) =>
  target === 0 ? null : Math.round((done / target) * 1000) / 10;

/** Annual and monthly inspection plans (三级巡查) and their progress. */
export function createPlansService(deps: {
  db: Db;
  clock: Clock;
  plans: PlansRepository;
  inspectors: InspectorsRepository;
}) {
  const { db, clock, plans } = deps;

  async function visible(auth: AuthContext, id: string) {
    const plan = await plans.find(id, auth.scope);
    if (!plan) throw new DomainError('enforcement.not_found');
    return plan;
  }

  /** Targets inside the plan's division, known active categories, focus enterprises inside too. */
  async function check(input: PlanInput) {
    const inside = (county: string) => input.county === CITY_CODE || county === input.county;
    const pairs = new Set<string>();
    for (const target of input.targets) {
      if (!inside(target.county)) throw new DomainError('enforcement.plan_target_outside');
      const key = `${target.categoryCode}:${target.county}`;
      if (pairs.has(key)) throw new DomainError('enforcement.plan_target_duplicate');
      pairs.add(key);
    }
    const active = new Set((await deps.inspectors.categories()).filter((c) => c.active).map((c) => c.code));
    if (input.targets.some((t) => !active.has(t.categoryCode)))
      throw new DomainError('enforcement.category_unknown');
    const ids = input.focus.map((f) => f.enterpriseId);
    const counties = await plans.enterpriseCounties(ids);
    if (new Set(ids).size !== ids.length || ids.some((id) => !inside(counties.get(id) ?? '')))
      throw new DomainError('enforcement.plan_focus_unknown');
  }

  return {
    list: async (
      auth: AuthContext,
      filter: { year?: number; kind?: 'annual' | 'monthly'; county?: string },
    ) => (await plans.list(auth.scope, filter)).map(present),

    get: async (auth: AuthContext, id: string) => present(await visible(auth, id)),

    async create(auth: AuthContext, input: PlanInput, options: { demo?: boolean } = {}) {
      requireOfficer(auth);
      requireDivision(auth, input.county);
      await check(input);
      const id = await inTransaction(db, async (tx) => {
        if (await plans.samePeriod(tx, input, null)) throw new DomainError('enforcement.plan_exists');
        return plans.insert(tx, input, { createdBy: auth.userId, at: clock.now(), ...options });
      });
      return present((await plans.find(id, null))!);
    },

    async update(auth: AuthContext, id: string, input: PlanInput) {
      requireOfficer(auth);
      await visible(auth, id);
      requireDivision(auth, input.county);
      await check(input);
      await inTransaction(db, async (tx) => {
        if (await plans.samePeriod(tx, input, id)) throw new DomainError('enforcement.plan_exists');
        await plans.update(tx, id, input, clock.now());
      });
      return present((await plans.find(id, null))!);
    },

    /**
     * Completed inspections against the targets: per category and county, per month, and whether
     * each enterprise of the focus list has been inspected in the period.
     */
    async progress(auth: AuthContext, id: string) {
      const plan = await visible(auth, id);
      const { from, to } = planPeriod(plan);
      const counts = await plans.completedCounts(from, to, plan.county === CITY_CODE ? null : [plan.county]);
      const targets = plan.targets.map((t) => {
        const completed = counts
          .filter((c) => c.categoryCode === t.categoryCode && c.county === t.county)
          .reduce((sum, c) => sum + c.count, 0);
        return {
          ...t,
          target: t.count,
          completed,
          remaining: Math.max(0, t.count - completed),
          percent: percent(completed, t.count),
        };
      });
      const months = plan.month === null ? Array.from({ length: 12 }, (_, i) => i + 1) : [plan.month];
      const inspected = await plans.lastCompleted(
        plan.focus.map((f) => f.enterpriseId),
        from,
        to,
      );
      const target = targets.reduce((sum, t) => sum + t.target, 0);
      const completed = targets.reduce((sum, t) => sum + t.completed, 0);
      return {
        planId: plan.id,
        period: { from: from.toISOString(), to: to.toISOString() },
        asOf: clock.now().toISOString(),
        targets,
        total: { target, completed, percent: percent(completed, target) },
        byMonth: months.map((month) => ({
          month,
          completed: counts.filter((c) => c.month === month).reduce((sum, c) => sum + c.count, 0),
        })),
        uncategorised: counts.filter((c) => c.categoryCode === null).reduce((sum, c) => sum + c.count, 0),
        focus: plan.focus.map((f) => ({
          ...f,
          inspected: inspected.has(f.enterpriseId),
          lastCompletedAt: inspected.get(f.enterpriseId)?.toISOString() ?? null,
        })),
      };
    },
  };
}

export type PlansService = ReturnType<typeof createPlansService>;
