// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import ElementPlus from 'element-plus';
import type { AgencyDetail, AgencyReport } from '@anjian/domain';
import { listKit } from '../../../components/list-kit.ts';
import { i18n } from '../../../i18n/index.ts';
import { useSessionStore } from '../../../stores/session.ts';
import { forgetSpotCheckProblems } from '../use-spot-check-problems.ts';
import AgencyCreditSection from './AgencyCreditSection.vue';
import AgencyReportsTable from './AgencyReportsTable.vue';

const report = {
  id: '33333333-3333-4333-8333-333333333333',
  reportNumber: 'APJ-2026-001',
  enterpriseName: '新平演练矿业有限公司',
  kind: 'status_assessment',
  issuedOn: '2026-11-01',
  conclusion: 'meets',
  disclosedOn: null,
  disclosureUrl: null,
  disclosedItems: null,
  onsiteFrom: '2026-10-12',
  noticeOn: '2026-09-28',
  flags: ['not_disclosed', 'late_notice'],
} as unknown as AgencyReport;
const calls: { method: string; url: string; body: unknown }[] = [];

function mountAs(component: unknown, props: Record<string, unknown>, permissions: string[]) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const session = useSessionStore();
  session.state = { user: { id: 'u1', permissions } } as unknown as typeof session.state;
  return mount(component as Parameters<typeof mount>[0], {
    props,
    attachTo: document.body,
    global: { plugins: [pinia, i18n, ElementPlus, listKit] },
  });
}

describe('an agency’s reports and credit on its drawer', () => {
  beforeEach(() => {
    forgetSpotCheckProblems();
    calls.length = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init?: RequestInit) => {
        calls.push({
          method: init?.method ?? 'GET',
          url,
          body: init?.body ? JSON.parse(String(init.body)) : null,
        });
        const answer = url.includes('/spot-check-problems')
          ? [{ code: 'no_site_visit', zh: '未到现场', en: 'No site visit', unverified: true }]
          : report;
        return Promise.resolve(
          new Response(JSON.stringify(answer), {
            status: 200,
            headers: { 'content-type': 'application/json' },
          }),
        );
      }),
    );
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it(
    'shows the disclosure and notice flags and sends a writer’s disclosure with PUT',
    { timeout: 60_000 },
    async () => {
      const table = mountAs(AgencyReportsTable, { reports: [report] }, ['registry:read', 'registry:write']);
      await flushPromises();
      expect(table.text()).toContain('未按期公开报告信息');
      expect(table.text()).toContain('现场服务前未按期书面告知');
      const button = [...document.body.querySelectorAll('button')].find(
        (b) => b.textContent?.trim() === '登记公开' && b.closest('tr'),
      )!;
      button.click();
      await flushPromises();
      const dialog = [...document.body.querySelectorAll('.el-dialog')].find((d) =>
        d.textContent?.includes('公开网址'),
      )!;
      const save = [...dialog.querySelectorAll('button')].find((b) => b.textContent?.trim() === '保存')!;
      save.click();
      await flushPromises();
      // Set with PUT on the report; empty fields are left out and the server answers for them.
      expect(calls.find((c) => c.method === 'PUT')).toMatchObject({
        url: expect.stringContaining(`/api/v1/obligations/agency-reports/${report.id}/disclosure`),
        body: {},
      });
      table.unmount();
    },
  );

  it(
    'shows the credit score, the blacklist and each record named by the bureau’s problem list',
    { timeout: 60_000 },
    async () => {
      const agency = {
        creditScore: 90,
        blacklisted: false,
        creditRecords: [
          {
            id: '1',
            kind: 'bad_record',
            points: 10,
            problem: 'no_site_visit',
            severity: 'minor',
            reportNumber: 'APJ-2026-001',
            recordedOn: '2026-11-29',
            demo: false,
          },
        ],
      } as unknown as AgencyDetail;
      const section = mountAs(AgencyCreditSection, { agency }, ['registry:read']);
      await flushPromises();
      expect(section.find('[data-testid="agency-credit-score"]').text()).toBe('信用分 90');
      expect(section.text()).toContain('未到现场');
      expect(section.text()).toContain('不良记录');
      expect(section.text()).not.toContain('已列入黑名单');
      section.unmount();
    },
  );
});
