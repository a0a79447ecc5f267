import { DomainError, type ChecklistItemInput } from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { ChecklistsRepository } from './checklists.repository.ts';
import { requireOfficer } from './inspectors.service.ts';

export function createChecklistsService({
  clock,
  checklists,
}: {
  clock: Clock;
  checklists: ChecklistsRepository;
}) {
  return {
    list: (sector?: string) => checklists.list(sector),

    /** Only bureau officers edit the library; inspections keep the items as they were when created. */
    async save(auth: AuthContext, item: ChecklistItemInput, id?: string) {
      requireOfficer(auth);
      if (id && !(await checklists.find(id))) throw new DomainError('enforcement.not_found');
      const saved = await checklists.save(item, clock.now(), id);
      if (!saved) throw new DomainError('enforcement.checklist_item_exists');
      return (await checklists.find(saved))!;
    },
  };
}

export type ChecklistsService = ReturnType<typeof createChecklistsService>;
