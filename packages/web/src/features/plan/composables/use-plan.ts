import { onMounted, ref, type Ref } from 'vue';
import type { Page } from '@anjian/domain';
import { usePagedList } from '../../../composables/use-paged-list.ts';
import { api } from '../../../lib/api.ts';

export interface PlanAssignment {
  id: string;
  taskId: string;
  taskCode: string;
  taskTitle: string;
  organisationName: string;
  deadline: string;
  percent: number;
  status: 'open' | 'at_risk' | 'done';
  overdueMilestones: number;
  demo: boolean;
}

export interface PlanAssignmentDetail extends PlanAssignment {
  note: string;
  milestones: {
    id: string;
    title: string;
    deliverable: string;
    dueDate: string;
    doneAt: string | null;
    state: 'open' | 'overdue' | 'done';
    escalation: 'reminder' | 'warning' | 'notice' | 'interview' | null;
  }[];
  progress: {
    id: string;
    percent: number;
    status: string;
    note: string;
    evidence: string[];
    reportedBy: string;
    reportedAt: string;
  }[];
  allowedActions: 'report'[];
}

export interface Organisation {
  id: string;
  name: string;
  kind: string;
  code: string;
}

export interface PlanTask {
  id: string;
  code: string;
  title: string;
}

/** The assignments list (scoped by the server), with the plan's tasks and units for the forms. */
export function usePlanAssignments() {
  const list = usePagedList<{ q: string; overdue: string }, PlanAssignment>({
    initialFilters: () => ({ q: '', overdue: '' }),
    fetch: ({ filters, page, pageSize, signal }) =>
      api.get<Page<PlanAssignment>>(
        '/plan/assignments',
        { q: filters.q || undefined, overdue: filters.overdue || undefined, page, pageSize },
        { signal },
      ),
  });
  const organisations = ref<Organisation[]>([]);
  const tasks = ref<PlanTask[]>([]);
  const planId = ref('');
  async function loadOptions() {
    organisations.value = (await api.get<Organisation[]>('/plan/organisations')).filter(
      (o) => o.kind !== 'township',
    );
    const plans = await api.get<{ id: string }[]>('/plan/plans');
    planId.value = plans[0]?.id ?? '';
    if (planId.value)
      tasks.value = (await api.get<{ tasks: PlanTask[] }>(`/plan/plans/${planId.value}`)).tasks;
  }
  return { list, organisations, tasks, planId, loadOptions };
}

/** "title,date,deliverable" lines → milestones. */
export function milestonesOf(text: string) {
  return text
    .split('\n')
    .map((line) => line.split(/[,，]/).map((part) => part.trim()))
    .filter((parts) => parts[0])
    .map(([title, dueDate, deliverable]) => ({
      title: title!,
      dueDate: dueDate ?? '',
      deliverable: deliverable ?? '',
    }));
}

/**
 * A page that picks one record of a collection (an assessment, a campaign) and shows it: the list
 * for the picker, the selected id (the first one by default), the record, and the plan's units
 * (townships left out) for the page's forms. Loads on mount; errors are shown as notifications.
 */
export function usePickedRecord<Summary extends { id: string }, Detail>(
  collection: string,
  notifyError: (error: unknown) => void,
) {
  const items = ref<Summary[]>([]) as Ref<Summary[]>;
  const organisations = ref<Organisation[]>([]);
  const selected = ref('');
  const current = ref<Detail | null>(null) as Ref<Detail | null>;

  async function load() {
    current.value = selected.value ? await api.get<Detail>(`${collection}/${selected.value}`) : null;
  }
  async function refresh() {
    items.value = await api.get<Summary[]>(collection);
    selected.value ||= items.value[0]?.id ?? '';
    await load();
  }
  onMounted(async () => {
    try {
      organisations.value = (await api.get<Organisation[]>('/plan/organisations')).filter(
        (o) => o.kind !== 'township',
      );
      await refresh();
    } catch (error) {
      notifyError(error);
    }
  });
  return { items, organisations, selected, current, load, refresh };
}
