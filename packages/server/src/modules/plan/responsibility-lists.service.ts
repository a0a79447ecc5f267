import {
  DomainError,
  diffResponsibilityItems,
  responsibilityHolderFits,
  type ResponsibilityListCreate,
  type ResponsibilityListRevise,
} from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db, type Queryable } from '../../platform/db.ts';
import type { PlanViewer } from './plan-viewer.ts';
import type { ResponsibilityListsRepository } from './responsibility-lists.repository.ts';

/**
 * Responsibility lists (责任清单) for leaders, departments and counties, kept by the 安委办 as
 * versioned documents: editing publishes a new version (number, date, who, what changed); older
 * versions stay readable with what each added and removed. A unit reads its own lists and the city
 * leaders'; another unit's list answers 404.
 */
export function createResponsibilityListsService(deps: {
  db: Db;
  clock: Clock;
  lists: ResponsibilityListsRepository;
}) {
  const { db, clock, lists } = deps;

  async function detail(source: Queryable, viewer: PlanViewer, id: string) {
    const found = await lists.find(source, viewer, id);
    if (!found) throw new DomainError('plan.responsibility_list_not_found');
    const versions = await lists.versions(source, id);
    const allowedActions: 'revise'[] = viewer.manage ? ['revise'] : [];
    return {
      ...found,
      versions: versions.map(({ items, ...version }) => ({ ...version, itemCount: items.length })),
      allowedActions,
    };
  }

  return {
    list: (viewer: PlanViewer) => lists.list(viewer),
    detail: (viewer: PlanViewer, id: string) => detail(db, viewer, id),

    /** One version with what it added and removed against the version before it. */
    async version(viewer: PlanViewer, id: string, version: number) {
      if (!(await lists.find(db, viewer, id))) throw new DomainError('plan.responsibility_list_not_found');
      const versions = await lists.versions(db, id);
      const index = versions.findIndex((v) => v.version === version);
      if (index === -1) throw new DomainError('plan.responsibility_version_not_found');
      const shown = versions[index]!;
      const { added, removed } = diffResponsibilityItems(versions[index + 1]?.items ?? [], shown.items);
      return { ...shown, itemCount: shown.items.length, added, removed };
    },

    async create(viewer: PlanViewer, input: ResponsibilityListCreate) {
      const id = await inTransaction(db, async (tx) => {
        const unit = input.organisationId ? await lists.organisation(tx, input.organisationId) : null;
        if (input.organisationId && !unit) throw new DomainError('plan.organisation_not_found');
        if (!responsibilityHolderFits(input.kind, unit?.kind ?? null))
          throw new DomainError('plan.responsibility_list_holder');
        const created = await lists.insert(
          tx,
          { ...input, holder: input.kind === 'leader' ? input.holder : unit!.name },
          viewer.userId,
          clock.now(),
        );
        if (!created) throw new DomainError('plan.responsibility_list_exists');
        return created;
      });
      return detail(db, viewer, id);
    },

    /**
     * Publishes the edited items as the next version. The edit names the version it started from:
     * when someone published in between, it is refused (409) rather than silently overwriting.
     */
    async revise(viewer: PlanViewer, id: string, input: ResponsibilityListRevise) {
      await inTransaction(db, async (tx) => {
        const current = await lists.find(tx, viewer, id, true);
        if (!current) throw new DomainError('plan.responsibility_list_not_found');
        if (input.baseVersion !== current.version) throw new DomainError('plan.responsibility_list_stale');
        const same =
          current.items.length === input.items.length &&
          current.items.every((item, i) => item === input.items[i]);
        if (same) throw new DomainError('plan.responsibility_list_unchanged');
        await lists.addVersion(
          tx,
          id,
          current.version + 1,
          input.items,
          input.note,
          viewer.userId,
          clock.now(),
        );
      });
      return detail(db, viewer, id);
    },
  };
}

export type ResponsibilityListsService = ReturnType<typeof createResponsibilityListsService>;
