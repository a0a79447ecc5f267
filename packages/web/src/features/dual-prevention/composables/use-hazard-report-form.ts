import { computed, onMounted, reactive, ref, watch } from 'vue';
import { hazardCriteriaLists, type HazardCriteriaList } from '@anjian/domain';
import { api } from '../../../lib/api.ts';
import { useSessionStore } from '../../../stores/session.ts';
import { criteriaSectionsFor, levelOfReport } from '../lib/criteria-picker.ts';
import { emptyReportDraft, reportBody, reportProblems } from '../lib/report-draft.ts';
import { hazardsApi, loadHazardCriteria, type Hazard } from './use-hazards.ts';

/** Today in China Standard Time, YYYY-MM-DD. */
const cstToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * The 登记隐患 form shared by the phone page and the desktop drawer: the draft, the statutory
 * 重大 criteria of the enterprise's sectors (ticking any makes it 重大), the level that follows,
 * the owner of the photos, and the one call to POST /hazards.
 */
export function useHazardReportForm() {
  const session = useSessionStore();
  const scope = computed(() => session.user?.scope);
  const enterpriseScoped = computed(() => scope.value?.kind === 'enterprise');
  const own = () => (scope.value?.kind === 'enterprise' ? scope.value.enterpriseId : null);

  const draft = reactive(emptyReportDraft(own()));
  const lists = ref<readonly HazardCriteriaList[]>(hazardCriteriaLists);
  const sectors = ref<string[]>([]);
  const enterpriseCounty = ref('');
  const saving = ref(false);
  const uploading = ref(false);

  const level = computed(() => levelOfReport(draft.ticked, draft.judgement));
  const sections = computed(() => criteriaSectionsFor(lists.value, sectors.value));
  const problems = computed(() => reportProblems(draft, cstToday()));
  const owner = computed(() => ({
    enterpriseId: draft.enterpriseId || undefined,
    county: scope.value?.kind === 'enterprise' ? scope.value.county : enterpriseCounty.value || undefined,
  }));

  async function loadEnterprise(id: string) {
    sectors.value = [];
    enterpriseCounty.value = '';
    if (!id) return;
    const enterprise = await api.get<{ sectors: string[]; county: string }>(
      `/enterprises/${encodeURIComponent(id)}`,
    );
    sectors.value = enterprise.sectors;
    enterpriseCounty.value = enterprise.county;
  }

  function reset() {
    Object.assign(draft, emptyReportDraft(own()));
  }

  /** Sends the report; null when a field is still missing (the form shows which). */
  async function submit(): Promise<Hazard | null> {
    if (problems.value.length) return null;
    saving.value = true;
    try {
      return await hazardsApi.report(reportBody(draft));
    } finally {
      saving.value = false;
    }
  }

  onMounted(() => {
    void loadHazardCriteria()
      .then((loaded) => (lists.value = loaded))
      .catch(() => undefined);
    void loadEnterprise(draft.enterpriseId).catch(() => undefined);
  });
  watch(
    () => draft.enterpriseId,
    (id) => void loadEnterprise(id).catch(() => undefined),
  );

  return {
    draft,
    enterpriseScoped,
    level,
    sections,
    problems,
    owner,
    saving,
    uploading,
    reset,
    submit,
    today: cstToday,
  };
}
