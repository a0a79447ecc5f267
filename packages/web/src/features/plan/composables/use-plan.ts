import { computed, onMounted, ref, type Ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import type { Page } from '@anjian/domain';
import { usePagedList } from '../../../composables/use-paged-list.ts';
import { api, type Query } from '../../../lib/api.ts';

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
  /** A figure Anjian measures whose value the unit sees as suggested progress (indicator:<code> for 专栏1). */
  figureCode: string | null;
  demo: boolean;
}

export interface PlanIndicator {
  no: number;
  name: string;
  indicatorCode: string;
}

/** Figures a task can be tied to besides the plan's indicators (plan-figures.ts in the domain). */
export const planFigureCodes = [
  'monitoring_online_rate',
  'major_hazards_cleared',
  'drills_held',
  'hazard_rectification_rate',
  'inspections_done',
  'video_sites_equipped',
] as const;

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

/** A plan as /plan/plans lists it. */
export interface PlanSummary {
  id: string;
  name: string;
  startYear: number;
  endYear: number;
  builtin: boolean;
}

/** The plan a page shows unless the link names one: the built-in (current) plan, else the first. */
export function defaultPlanId(plans: readonly PlanSummary[]): string {
  return (plans.find((p) => p.builtin) ?? plans[0])?.id ?? '';
}

/**
 * The assignments list of one plan (scoped by the server), with the plan's tasks and the units for
 * the forms. The plan is picked from the plans loaded and kept in the address (`?plan=<id>`), so a
 * reload or a shared link shows the same plan; without one (or with one not loaded) the built-in
 * plan is shown. Call `loadOptions` first: the list waits for the plan.
 */
export function usePlanAssignments() {
  const route = useRoute();
  const router = useRouter();
  const planId = ref('');
  const list = usePagedList<{ q: string; overdue: string }, PlanAssignment>({
    initialFilters: () => ({ q: '', overdue: '' }),
    fetch: ({ filters, page, pageSize, signal }) =>
      api.get<Page<PlanAssignment>>(
        '/plan/assignments',
        {
          planId: planId.value || undefined,
          q: filters.q || undefined,
          overdue: filters.overdue || undefined,
          page,
          pageSize,
        },
        { signal },
      ),
  });
  const exportQuery = computed<Query>(() => ({
    planId: planId.value || undefined,
    q: list.filters.q || undefined,
    overdue: list.filters.overdue || undefined,
  }));
  const organisations = ref<Organisation[]>([]);
  const plans = ref<PlanSummary[]>([]);
  const tasks = ref<PlanTask[]>([]);
  /** The plan's 专栏1 indicators: a task may be tied to one (figure indicator:<code>). */
  const indicators = ref<PlanIndicator[]>([]);

  async function showPlan(id: string) {
    planId.value = id;
    if (route.query.plan !== id) await router.replace({ query: { ...route.query, plan: id || undefined } });
    const plan = id
      ? await api.get<{ tasks: PlanTask[]; indicators: PlanIndicator[] }>(`/plan/plans/${id}`)
      : { tasks: [], indicators: [] };
    tasks.value = plan.tasks;
    indicators.value = plan.indicators;
  }

  /** The units, the plans and the plan the address names (or the default one); then the list. */
  async function loadOptions() {
    organisations.value = (await api.get<Organisation[]>('/plan/organisations')).filter(
      (o) => o.kind !== 'township',
    );
    plans.value = await api.get<PlanSummary[]>('/plan/plans');
    const asked = typeof route.query.plan === 'string' ? route.query.plan : '';
    await showPlan(plans.value.some((p) => p.id === asked) ? asked : defaultPlanId(plans.value));
    await list.search();
  }

  /** Another plan picked: its tasks and its assignments from page 1, and the address follows. */
  async function selectPlan(id: string) {
    await showPlan(id);
    await list.search();
  }

  return { list, exportQuery, organisations, plans, tasks, indicators, planId, loadOptions, selectPlan };
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
