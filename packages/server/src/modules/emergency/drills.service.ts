import {
  DomainError,
  type Drill,
  type DrillFindingInput,
  type DrillInput,
  type DrillScenarioInput,
  type DrillStatistics,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { chinaDate } from '@anjian/domain';
import { inTransaction, type Db } from '../../platform/db.ts';
import { assertMayWrite } from './emergency-scope.ts';
import type { DrillRecord, DrillsRepository } from './drills.repository.ts';
import type { PlansRepository } from './plans.repository.ts';

type Page = { page: number; pageSize: number };

export function createDrillsService(deps: {
  db: Db;
  clock: Clock;
  drills: DrillsRepository;
  plans: PlansRepository;
}) {
  const { db, clock, drills, plans } = deps;
  const today = () => chinaDate(clock.now());

  function present(record: DrillRecord): Drill {
    const now = today();
    return {
      ...record,
      findings: record.findings.map((f) => ({ ...f, overdue: f.status === 'open' && f.deadline < now })),
    };
  }

  async function checked(auth: AuthContext, input: DrillInput): Promise<DrillInput> {
    assertMayWrite(auth.scope, input.county);
    if (input.status === 'held' && input.heldOn > today())
      throw new DomainError('emergency.drill_held_in_future');
    const missing = (path: string, id: string) =>
      new DomainError('emergency.linked_record_not_found', {
        fields: [{ path, code: 'not_found', message: id }],
      });
    if (input.scenarioId && !(await drills.findScenario(input.scenarioId, auth.scope)))
      throw missing('scenarioId', input.scenarioId);
    if (input.planId && !(await plans.find(input.planId, auth.scope))) throw missing('planId', input.planId);
    return input;
  }

  async function writable(auth: AuthContext, id: string): Promise<DrillRecord> {
    const record = await drills.find(id, auth.scope);
    if (!record) throw new DomainError('emergency.drill_not_found');
    assertMayWrite(auth.scope, record.county);
    return record;
  }

  async function writableScenario(auth: AuthContext, id: string) {
    const scenario = await drills.findScenario(id, auth.scope);
    if (!scenario) throw new DomainError('emergency.scenario_not_found');
    assertMayWrite(auth.scope, scenario.county);
    return scenario;
  }

  return {
    listScenarios: (auth: AuthContext, filter: { q?: string | undefined }, page: Page) =>
      drills.listScenarios(auth.scope, filter, page),

    async createScenario(auth: AuthContext, input: DrillScenarioInput) {
      assertMayWrite(auth.scope, input.county ?? null);
      const id = await drills.insertScenario(db, input, false, clock.now());
      return (await drills.findScenario(id, auth.scope))!;
    },

    async replaceScenario(auth: AuthContext, id: string, input: DrillScenarioInput) {
      await writableScenario(auth, id);
      assertMayWrite(auth.scope, input.county ?? null);
      await drills.updateScenario(id, input, clock.now());
      return (await drills.findScenario(id, auth.scope))!;
    },

    async removeScenario(auth: AuthContext, id: string) {
      const scenario = await writableScenario(auth, id);
      if (scenario.drillCount > 0) throw new DomainError('emergency.scenario_in_use');
      await drills.removeScenario(id);
    },

    async list(auth: AuthContext, filter: Parameters<DrillsRepository['list']>[1], page: Page) {
      const result = await drills.list(auth.scope, filter, page);
      return { ...result, items: result.items.map(present) };
    },

    async get(auth: AuthContext, id: string) {
      const record = await drills.find(id, auth.scope);
      if (!record) throw new DomainError('emergency.drill_not_found');
      return present(record);
    },

    async create(auth: AuthContext, input: DrillInput & { findings?: DrillFindingInput[] | undefined }) {
      const { findings = [], ...drill } = input;
      await checked(auth, drill);
      const at = clock.now();
      const id = await inTransaction(db, async (tx) => {
        const created = await drills.insert(tx, drill, false, at);
        for (const finding of findings) await drills.insertFinding(tx, created, finding, at);
        return created;
      });
      return present((await drills.find(id, auth.scope))!);
    },

    async replace(auth: AuthContext, id: string, input: DrillInput) {
      await writable(auth, id);
      await drills.update(id, await checked(auth, input), clock.now());
      return present((await drills.find(id, auth.scope))!);
    },

    async remove(auth: AuthContext, id: string) {
      await writable(auth, id);
      await drills.remove(id);
    },

    async addFinding(auth: AuthContext, id: string, input: DrillFindingInput) {
      await writable(auth, id);
      await drills.insertFinding(db, id, input, clock.now());
      return present((await drills.find(id, auth.scope))!);
    },

    async replaceFinding(auth: AuthContext, id: string, findingId: string, input: DrillFindingInput) {
      await writable(auth, id);
      if (!(await drills.updateFinding(id, findingId, input, clock.now())))
        throw new DomainError('emergency.finding_not_found');
      return present((await drills.find(id, auth.scope))!);
    },

    /** Drills held and participants per year (the plan counts 534 drills and 58,135 people in 2016–2020). */
    async statistics(
      auth: AuthContext,
      query: { from?: number | undefined; to?: number | undefined; county?: string | undefined },
    ): Promise<DrillStatistics> {
      const to = query.to ?? Number(today().slice(0, 4));
      const from = Math.min(query.from ?? to - 5, to);
      const rows = await drills.statistics(auth.scope, { from, to, county: query.county });
      const years: DrillStatistics['years'] = [];
      for (let year = from; year <= to; year++) {
        const byCounty = rows
          .filter((r) => r.year === year)
          .map(({ county, drills: count, participants }) => ({ county, drills: count, participants }));
        years.push({
          year,
          drills: byCounty.reduce((sum, r) => sum + r.drills, 0),
          participants: byCounty.reduce((sum, r) => sum + r.participants, 0),
          byCounty,
        });
      }
      return {
        years,
        total: {
          drills: years.reduce((sum, y) => sum + y.drills, 0),
          participants: years.reduce((sum, y) => sum + y.participants, 0),
        },
      };
    },
  };
}

export type DrillsService = ReturnType<typeof createDrillsService>;
