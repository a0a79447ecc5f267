import { checkPeriod, DomainError, type CheckCompletion, type CheckListInput } from '@anjian/domain';
import type { AuthContext } from '../../../platform/access.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { scopeAllows } from '../../../platform/scope-sql.ts';
import type { EnterpriseLookup } from '../../registry/index.ts';
import type { HazardsService } from '../hazards/hazards.service.ts';
import type { ChecksRepository, CheckTask } from './checks.repository.ts';

export function createChecksService(deps: {
  db: Db;
  clock: Clock;
  checks: ChecksRepository;
  enterprises: EnterpriseLookup;
  hazards: HazardsService;
}) {
  const { clock, checks, enterprises, hazards } = deps;

  async function writableList(auth: AuthContext, id: string) {
    const list = await checks.list(id, auth.scope);
    if (!list) throw new DomainError('check.list_not_found');
    if (!scopeAllows(auth.scope, list.county, list.enterpriseId))
      throw new DomainError('registry.scope_outside_caller');
    return list;
  }

  return {
    lists: (auth: AuthContext, enterpriseId?: string) => checks.lists(auth.scope, enterpriseId),

    async createList(auth: AuthContext, input: CheckListInput) {
      const enterprise = await enterprises.findById(input.enterpriseId, auth.scope);
      if (!enterprise) throw new DomainError('enterprise.not_found');
      if (!scopeAllows(auth.scope, enterprise.county, enterprise.id))
        throw new DomainError('registry.scope_outside_caller');
      const id = await checks.insertList(input, enterprise.county, clock.now());
      return (await checks.list(id, auth.scope))!;
    },

    async updateList(auth: AuthContext, id: string, input: Omit<CheckListInput, 'enterpriseId'>) {
      await writableList(auth, id);
      await checks.updateList(id, input, clock.now());
      return (await checks.list(id, auth.scope))!;
    },

    /**
     * The tasks due now for every active list in scope are created on demand (idempotent: one per
     * list and period), so that a list opened today always shows today's task.
     */
    async tasks(
      auth: AuthContext,
      filter: { status?: string | undefined; enterpriseId?: string | undefined },
    ): Promise<CheckTask[]> {
      const now = clock.now();
      const lists = (await checks.lists(auth.scope, filter.enterpriseId)).filter((list) => list.active);
      await checks.insertTasks(
        lists.map((list) => ({
          listId: list.id,
          enterpriseId: list.enterpriseId,
          county: list.county,
          ...checkPeriod(list.frequency, now),
        })),
      );
      return checks.tasks(auth.scope, filter);
    },

    /** Records each item's result; each failed item opens a hidden hazard (source: self-check). */
    async complete(auth: AuthContext, id: string, completion: CheckCompletion): Promise<CheckTask> {
      const task = await checks.task(id, auth.scope);
      if (!task) throw new DomainError('check.task_not_found');
      if (!scopeAllows(auth.scope, task.county, task.enterpriseId))
        throw new DomainError('registry.scope_outside_caller');
      if (task.status === 'done') throw new DomainError('check.task_done');
      const answered = completion.results.map((r) => r.itemId);
      const expected = task.items.map((i) => i.id);
      if (
        answered.length !== expected.length ||
        new Set(answered).size !== answered.length ||
        !expected.every((itemId) => answered.includes(itemId))
      ) {
        throw new DomainError('check.results_incomplete', { details: { expected } });
      }
      const hazardIds: string[] = [];
      for (const result of completion.results.filter((r) => r.result === 'fail')) {
        const item = task.items.find((i) => i.id === result.itemId)!;
        const hazard = await hazards.report(auth, {
          enterpriseId: task.enterpriseId,
          source: 'self_check',
          sourceRef: task.id,
          location: { text: task.target },
          description: result.note ? `${item.text}：${result.note}` : item.text,
          category: (result.category ?? '20') as never,
          tickedCriteria: [],
          photos: result.photos,
        });
        hazardIds.push(hazard.id);
      }
      const done = await checks.complete(
        deps.db,
        id,
        completion.results,
        hazardIds,
        clock.now(),
        auth.username,
      );
      if (!done) throw new DomainError('check.task_done');
      return (await checks.task(id, auth.scope))!;
    },
  };
}

export type ChecksService = ReturnType<typeof createChecksService>;
