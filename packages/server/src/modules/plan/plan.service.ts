import {
  DomainError,
  chinaDate,
  type AssignmentCreate,
  type DataScope,
  type ProgressReport,
} from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db, type Queryable } from '../../platform/db.ts';
import type { PageRequest } from '../../platform/sql-page.ts';
import type { Notifier } from '../notifications/index.ts';
import type { UploadLookup } from '../uploads/index.ts';
import type { AssignmentFilter, PlanRepository } from './plan.repository.ts';
import { type PlanViewer } from './plan-viewer.ts';
import { membersOf } from './plan-members.ts';

/** Plan work: units and their accounts, task assignments, progress with evidence. */
export function createPlanService(deps: {
  db: Db;
  clock: Clock;
  plan: PlanRepository;
  uploads: UploadLookup;
  notifications: Notifier;
}) {
  const { db, clock, plan, uploads, notifications } = deps;

  async function checkEvidence(ids: readonly string[], scope: DataScope) {
    for (const id of ids)
      if (!(await uploads.find(id, scope))) throw new DomainError('plan.evidence_not_found');
  }

  async function detail(source: Queryable, viewer: PlanViewer, id: string) {
    const found = await plan.assignment(source, viewer, id, clock.now());
    if (!found) throw new DomainError('plan.assignment_not_found');
    const reports = !viewer.manage && found.status !== 'done';
    const allowedActions: 'report'[] = reports ? ['report'] : [];
    return { ...found, allowedActions };
  }

  return {
    organisations: () => plan.organisations(),

    async setMembers(organisationId: string, userIds: readonly string[]) {
      const unique = [...new Set(userIds)];
      await inTransaction(db, async (tx) => {
        if (!(await plan.organisationName(tx, organisationId)))
          throw new DomainError('plan.organisation_not_found');
        if ((await plan.existingUsers(tx, unique)) !== unique.length)
          throw new DomainError('plan.user_not_found');
        await plan.setMembers(tx, organisationId, unique);
      });
      return { organisationId, userIds: unique };
    },

    plans: () => plan.plans(),

    async plan(id: string) {
      const found = await plan.plan(id);
      if (!found) throw new DomainError('plan.not_found');
      return found;
    },

    /** The assignments the viewer may see; of one plan when asked (an unknown plan is refused). */
    async list(viewer: PlanViewer, filter: AssignmentFilter, page: PageRequest) {
      if (filter.planId && !(await plan.planExists(filter.planId))) throw new DomainError('plan.not_found');
      return plan.listAssignments(viewer, filter, page, clock.now());
    },

    detail: (viewer: PlanViewer, id: string) => detail(db, viewer, id),

    /** The 安委办 assigns a task to a unit with its milestones; the unit's accounts are notified. */
    async assign(viewer: PlanViewer, input: AssignmentCreate) {
      const now = clock.now();
      const id = await inTransaction(db, async (tx) => {
        if (!(await plan.taskExists(tx, input.taskId))) throw new DomainError('plan.task_not_found');
        const unit = await plan.organisationName(tx, input.organisationId);
        if (!unit) throw new DomainError('plan.organisation_not_found');
        const created = await plan.insertAssignment(tx, input, viewer.userId, now);
        if (!created) throw new DomainError('plan.assignment_exists');
        const found = await plan.assignment(tx, viewer, created, now);
        await notifications.insertMany(
          tx,
          await membersOf(tx, input.organisationId),
          {
            kind: 'plan.assignment',
            severity: 'info',
            title: { zh: '收到规划任务', en: 'Plan task assigned' },
            body: {
              zh: `${found!.taskCode} ${found!.taskTitle}，完成期限 ${input.deadline}`,
              en: `${found!.taskCode} ${found!.taskTitle}, due ${input.deadline}`,
            },
            link: `/plan/assignments/${created}`,
            data: { assignmentId: created },
          },
          now,
        );
        return created;
      });
      return detail(db, viewer, id);
    },

    /** A unit reports progress with evidence; milestones it names are finished. */
    async report(viewer: PlanViewer, scope: DataScope, id: string, input: ProgressReport) {
      const now = clock.now();
      await inTransaction(db, async (tx) => {
        await plan.lockAssignment(tx, id);
        const found = await detail(tx, viewer, id);
        if (!found.allowedActions.includes('report')) throw new DomainError('plan.assignment_not_found');
        await checkEvidence(input.evidence, scope);
        const done = [...new Set(input.milestonesDone)];
        if ((await plan.finishMilestones(tx, id, done, chinaDate(now))) !== done.length)
          throw new DomainError('plan.milestone_not_in_assignment');
        await plan.insertProgress(tx, id, input, viewer.userId, now);
      });
      return detail(db, viewer, id);
    },
  };
}

export type PlanService = ReturnType<typeof createPlanService>;
