import {
  DomainError,
  chinaDate,
  deliverableOverdue,
  type DataScope,
  type Deliverable,
  type DeliverableDeliver,
} from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db, type Queryable } from '../../platform/db.ts';
import type { UploadLookup } from '../uploads/index.ts';
import { planDeliverablesRepository as repository } from './plan-deliverables.repository.ts';
import type { PlanViewer } from './plan-viewer.ts';

/**
 * Deliverables (成果) of a plan's tasks: the 安委办 sees every task's; a member unit sees and marks
 * delivered those of the tasks its units lead or were assigned (another unit's task answers 404).
 * Marking takes the date (not after today), evidence uploads and/or a link to an Anjian record, in
 * one transaction; a deliverable already delivered is not marked again (409).
 */
export function createPlanDeliverables(deps: { db: Db; clock: Clock; uploads: UploadLookup }) {
  const { db, clock, uploads } = deps;

  async function list(source: Queryable, viewer: PlanViewer, taskId: string): Promise<Deliverable[]> {
    const unit = await repository.responsibleUnit(source, viewer, taskId);
    if (!unit || (!viewer.manage && !unit.organisationId)) throw new DomainError('plan.task_not_found');
    const marks = !viewer.manage && unit.organisationId !== null;
    const today = chinaDate(clock.now());
    return (await repository.ofTask(source, taskId)).map((d) => ({
      ...d,
      overdue: deliverableOverdue(d, today),
      allowedActions: marks && d.deliveredOn === null ? ['deliver' as const] : [],
    }));
  }

  return {
    list: (viewer: PlanViewer, taskId: string) => list(db, viewer, taskId),

    /** The responsible unit marks a deliverable delivered; answers the task's deliverables. */
    async deliver(viewer: PlanViewer, scope: DataScope, id: string, input: DeliverableDeliver) {
      const now = clock.now();
      return inTransaction(db, async (tx) => {
        const found = await repository.lock(tx, id);
        const unit =
          found && !viewer.manage ? await repository.responsibleUnit(tx, viewer, found.taskId) : null;
        if (!found || !unit?.organisationId) throw new DomainError('plan.deliverable_not_found');
        if (found.delivered) throw new DomainError('plan.deliverable_delivered');
        if (input.deliveredOn > chinaDate(now)) throw new DomainError('plan.deliverable_date_future');
        for (const upload of input.evidence)
          if (!(await uploads.find(upload, scope))) throw new DomainError('plan.evidence_not_found');
        await repository.markDelivered(
          tx,
          id,
          input,
          { userId: viewer.userId, organisationId: unit.organisationId },
          now,
        );
        return list(tx, viewer, found.taskId);
      });
    },
  };
}

export type PlanDeliverables = ReturnType<typeof createPlanDeliverables>;
