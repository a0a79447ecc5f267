import {
  DomainError,
  chinaDate,
  deliverableOverdue,
  type DataScope,
  type Deliverable,
  type DeliverableAction,
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
 * one transaction; a deliverable already delivered is not marked again (409). The same unit may
 * undo a mark made in error, with a reason (audited); the deliverable is then pending again.
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
      allowedActions: marks ? [d.deliveredOn === null ? 'deliver' : 'undo'] : ([] as DeliverableAction[]),
    }));
  }

  /** The deliverable locked for a change by the viewer's responsible unit; 404 otherwise. */
  async function lockForUnit(tx: Queryable, viewer: PlanViewer, id: string) {
    const found = await repository.lock(tx, id);
    const unit = found && !viewer.manage ? await repository.responsibleUnit(tx, viewer, found.taskId) : null;
    if (!found || !unit?.organisationId) throw new DomainError('plan.deliverable_not_found');
    return { ...found, organisationId: unit.organisationId };
  }

  return {
    list: (viewer: PlanViewer, taskId: string) => list(db, viewer, taskId),

    /** The responsible unit marks a deliverable delivered; answers the task's deliverables. */
    async deliver(viewer: PlanViewer, scope: DataScope, id: string, input: DeliverableDeliver) {
      const now = clock.now();
      return inTransaction(db, async (tx) => {
        const found = await lockForUnit(tx, viewer, id);
        if (found.delivered) throw new DomainError('plan.deliverable_delivered');
        if (input.deliveredOn > chinaDate(now)) throw new DomainError('plan.deliverable_date_future');
        for (const upload of input.evidence)
          if (!(await uploads.find(upload, scope))) throw new DomainError('plan.evidence_not_found');
        await repository.markDelivered(
          tx,
          id,
          input,
          { userId: viewer.userId, organisationId: found.organisationId },
          now,
        );
        return list(tx, viewer, found.taskId);
      });
    },

    /**
     * The responsible unit undoes a delivered mark made in error; answers the task's deliverables and
     * what was cleared (for the audit log). Not delivered: 409, nothing changed.
     */
    async undo(viewer: PlanViewer, id: string) {
      return inTransaction(db, async (tx) => {
        const found = await lockForUnit(tx, viewer, id);
        if (!found.delivered) throw new DomainError('plan.deliverable_not_delivered');
        const cleared = await repository.clearDelivered(tx, id);
        return { deliverables: await list(tx, viewer, found.taskId), cleared };
      });
    },
  };
}

export type PlanDeliverables = ReturnType<typeof createPlanDeliverables>;
