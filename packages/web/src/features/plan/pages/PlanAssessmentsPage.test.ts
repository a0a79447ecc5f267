// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { listKit } from '../../../components/list-kit.ts';
import { i18n } from '../../../i18n/index.ts';
import { useSessionStore } from '../../../stores/session.ts';
import type { Assessment, RankedUnit } from '../lib/self-assessment.ts';
import PlanAssessmentsPage from './PlanAssessmentsPage.vue';

const items = [
  { code: 'duty', name: '责任落实', maxScore: 60 },
  { code: 'hazards', name: '隐患治理', maxScore: 40 },
];

const unit = (over: Partial<RankedUnit>): RankedUnit => ({
  organisationId: 'o-housing',
  organisationName: '市住房和城乡建设局',
  rank: 1,
  total: 0,
  grade: 'fail',
  veto: null,
  manualVeto: null,
  autoVeto: null,
  vetoOverride: null,
  comment: '',
  scores: {},
  scoredAt: null,
  selfAssessment: null,
  allowedActions: [],
  ...over,
});

const housingSelf = {
  total: 96,
  items: {
    duty: { score: 58, comment: '责任书签订率百分之百', evidence: ['e1'] },
    hazards: { score: 38, comment: '重大隐患全部销号', evidence: [] },
  },
  submittedBy: '住建局填报员',
  submittedAt: '2026-11-29T02:00:00.000Z',
};

const assessment = (over: Partial<Assessment>): Assessment => ({
  id: 'a1',
  year: 2026,
  name: '市直部门目标责任考核',
  items,
  publishedAt: null,
  allowedActions: [],
  demo: false,
  units: [],
  ...over,
});

/** Answers the page's requests from `routes` ("METHOD /path" → body) and records what was sent. */
function stubApi(routes: Record<string, (body: unknown) => unknown>) {
  const sent: [string, unknown][] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      const key = `${init.method} ${url.replace('/api/v1', '')}`;
      const body = init.body ? JSON.parse(init.body as string) : undefined;
      sent.push([key, body]);
      const answer = routes[key];
      return Promise.resolve(
        new Response(JSON.stringify(answer ? answer(body) : []), {
          status: answer || key.startsWith('GET') ? 200 : 404,
          headers: { 'content-type': 'application/json' },
        }),
      );
    }),
  );
  return sent;
}

let mounted: VueWrapper | null = null;

function mountPage(permissions: string[] = []) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const session = useSessionStore();
  session.state = { user: { id: 'u1', permissions } } as unknown as typeof session.state;
  mounted = mount(PlanAssessmentsPage, {
    attachTo: document.body,
    global: { plugins: [pinia, i18n, ElementPlus, listKit] },
  });
}

const rows = () =>
  [...document.querySelectorAll('[data-testid="plan-ranking-table"] .el-table__body tr')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()),
  );
const all = (testid: string) => [...document.querySelectorAll<HTMLElement>(`[data-testid="${testid}"]`)];

afterEach(() => {
  mounted?.unmount();
  mounted = null;
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('目标责任考核 page', () => {
  it('a unit sees its self-scores beside the assessors’ and self-assesses only its own row', async () => {
    const before = assessment({
      units: [
        unit({ selfAssessment: housingSelf, allowedActions: ['self_assess'] }),
        unit({ organisationId: 'o-transport', organisationName: '市交通运输局', rank: 1 }),
      ],
    });
    const after = assessment({
      units: [unit({ selfAssessment: { ...housingSelf, total: 97 }, allowedActions: ['self_assess'] })],
    });
    const sent = stubApi({
      'GET /plan/organisations': () => [],
      'GET /plan/assessments': () => [{ id: 'a1', year: 2026, name: '市直部门目标责任考核' }],
      'GET /plan/assessments/a1': () => before,
      'PUT /plan/assessments/a1/units/o-housing/self-assessment': () => after,
    });
    mountPage();
    await flushPromises();

    // Nobody is scored yet: no rank, total or grade, only 待评分.
    expect(rows().map((cells) => cells.slice(0, 7))).toEqual([
      ['—', '市住房和城乡建设局', '自评 58', '自评 38', '96', '—', '待评分'],
      ['—', '市交通运输局', '', '', '', '—', '待评分'],
    ]);
    expect(all('plan-self-assess')).toHaveLength(1);
    expect(all('plan-score')).toHaveLength(0);
    expect(all('plan-assessment-publish')).toHaveLength(0);
    expect(all('plan-assessment-state')[0]!.textContent?.trim()).toBe('评分中');

    all('plan-self-assess')[0]!.click();
    await flushPromises();
    expect(document.querySelector('.el-dialog__title')?.textContent).toBe('自评 · 市住房和城乡建设局');
    expect(all('plan-evidence-link').map((a) => a.getAttribute('href'))).toEqual(['/api/v1/uploads/e1']);
    all('plan-self-save')[0]!.click();
    await flushPromises();
    expect(sent.filter(([key]) => key.startsWith('PUT'))).toEqual([
      [
        'PUT /plan/assessments/a1/units/o-housing/self-assessment',
        {
          items: [
            { code: 'duty', score: 58, comment: '责任书签订率百分之百', evidence: ['e1'] },
            { code: 'hazards', score: 38, comment: '重大隐患全部销号', evidence: [] },
          ],
        },
      ],
    ]);
    expect(all('plan-self-total').map((c) => c.textContent)).toEqual(['97']);
  });

  it('the 安委办 scores with the self-assessment in view and publishes when every unit is scored', async () => {
    const scored = assessment({
      allowedActions: ['publish'],
      units: [
        unit({
          total: 80,
          grade: 'good',
          scores: { duty: 50, hazards: 30 },
          scoredAt: '2026-11-29T02:00:00.000Z',
          selfAssessment: housingSelf,
          allowedActions: ['score'],
        }),
      ],
    });
    const sent = stubApi({
      'GET /plan/organisations': () => [],
      'GET /plan/assessments': () => [{ id: 'a1', year: 2026, name: '市直部门目标责任考核' }],
      'GET /plan/assessments/a1': () => scored,
      'POST /plan/assessments/a1/publish': () => ({
        ...scored,
        allowedActions: [],
        publishedAt: '2026-11-29T02:00:00.000Z',
        units: scored.units.map((u) => ({ ...u, allowedActions: [] })),
      }),
    });
    mountPage();
    await flushPromises();
    expect(rows()[0]!.slice(0, 8)).toEqual([
      '1',
      '市住房和城乡建设局',
      '50自评 58',
      '30自评 38',
      '96',
      '80',
      '良好',
      '',
    ]);

    all('plan-score')[0]!.click();
    await flushPromises();
    expect(all('plan-score-self').map((s) => s.textContent)).toEqual(['自评分 58', '自评分 38']);
    expect(document.querySelector('.el-dialog')?.textContent).toContain('责任书签订率百分之百');

    all('plan-assessment-publish')[0]!.click();
    await flushPromises();
    document.querySelector<HTMLElement>('.el-message-box__btns .el-button--primary')!.click();
    await flushPromises();
    expect(sent.some(([key]) => key === 'POST /plan/assessments/a1/publish')).toBe(true);
    expect(all('plan-assessment-state')[0]!.textContent?.trim()).toBe('已通报（2026-11-29 10:00:00）');
    expect(all('plan-assessment-publish')).toHaveLength(0);
    expect(all('plan-score')).toHaveLength(0);
  });

  it('shows the veto set from the accident statistics; the 安委办 sets it aside with a written reason', async () => {
    const reasonZh = '辖区发生较大及以上生产安全事故：2025-05-10 红塔区 红塔区某建筑工地（较大事故）';
    const autoVeto = {
      accidents: [
        {
          date: '2025-05-10',
          county: '530402',
          countyName: '红塔区',
          location: '红塔区某建筑工地',
          level: 'larger',
        },
      ],
      reason: { zh: reasonZh, en: 'A larger or worse accident in the unit’s area: …' },
    };
    const vetoed = assessment({
      units: [
        unit({
          organisationId: 'o-hongta',
          organisationName: '红塔区人民政府',
          rank: 1,
          total: 100,
          veto: reasonZh,
          autoVeto,
          scores: { duty: 60, hazards: 40 },
          scoredAt: '2026-11-29T02:00:00.000Z',
          allowedActions: ['score'],
        }),
      ],
    });
    const reason = '经事故调查组认定为自然灾害引发，不计入生产安全事故';
    const sent = stubApi({
      'GET /plan/organisations': () => [],
      'GET /plan/assessments': () => [{ id: 'a1', year: 2025, name: '县区目标责任考核' }],
      'GET /plan/assessments/a1': () => vetoed,
      'PUT /plan/assessments/a1/units/o-hongta/veto-override': () => ({
        ...vetoed,
        units: vetoed.units.map((u) => ({
          ...u,
          veto: null,
          grade: 'excellent',
          vetoOverride: { reason, by: '安委办', at: '2026-11-29T02:00:00.000Z' },
        })),
      }),
    });
    mountPage(['plan:manage']);
    await flushPromises();
    expect(all('plan-veto-auto').map((e) => e.textContent)).toEqual([reasonZh]);
    expect(all('plan-assessment-notice')).toHaveLength(1);

    all('plan-veto-override-open')[0]!.click();
    await flushPromises();
    expect(document.querySelector('.el-dialog')?.textContent).toContain('撤销须书面说明理由');
    const input = document.querySelector<HTMLTextAreaElement>(
      'textarea[data-testid="plan-veto-override-reason"]',
    )!;
    input.value = reason;
    input.dispatchEvent(new Event('input'));
    all('plan-veto-override-save')[0]!.click();
    await flushPromises();
    expect(sent.filter(([key]) => key.startsWith('PUT'))).toEqual([
      ['PUT /plan/assessments/a1/units/o-hongta/veto-override', { reason }],
    ]);
    expect(all('plan-veto-override')[0]!.textContent?.trim()).toBe(
      `已撤销：${reason}（安委办，2026-11-29 10:00:00）`,
    );
    expect(all('plan-veto-restore')).toHaveLength(1);
  });
});
