// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { config, flushPromises } from '@vue/test-utils';
import { enterpriseProfileSections } from '@anjian/domain';
import { i18n } from '../../../i18n/index.ts';
import { mountInApp } from '../../../test-support/mount-in-app.ts';
import { enterpriseFileSections } from '../lib/enterprise-file-sections.ts';
import EnterpriseFileSection from './EnterpriseFileSection.vue';

const ENTERPRISE = '0b8c5a3e-6d1f-4c2a-9e7b-3f5d8a1c2e4b';
const section = enterpriseFileSections.find((s) => s.key === 'whistleReports')!;

// The "open the full list" link, without a router.
const RouterLink = defineComponent({
  setup:
    (_props, { slots }) =>
    () =>
      h('a', slots.default?.()),
});
beforeAll(() => {
  config.global.stubs = { ...config.global.stubs, RouterLink };
});
afterAll(() => {
  const { RouterLink: _link, ...rest } = config.global.stubs;
  config.global.stubs = rest;
});

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
  i18n.global.locale.value = 'zh-CN';
});

async function showTab(items: unknown[]) {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      urls.push(url);
      return Promise.resolve(
        new Response(JSON.stringify({ items, total: items.length }), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
      );
    }),
  );
  mountInApp(
    () => null,
    () => h(EnterpriseFileSection, { section, enterpriseId: ENTERPRISE }),
  );
  await flushPromises();
  const table = document.querySelector('[data-testid="enterprise-file-whistleReports"]')!;
  return {
    urls,
    headers: [...table.querySelectorAll('.el-table__header th')].map((th) => th.textContent?.trim()),
    rows: [...table.querySelectorAll('.el-table__body tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()),
    ),
    text: table.textContent ?? '',
  };
}

describe('一企一档: the 举报核查 tab', () => {
  it('is a section of the file, counted by the profile and opening the report ledger', () => {
    expect(enterpriseProfileSections).toContain('whistleReports');
    expect(section).toMatchObject({ path: '/whistleblowing/verified', listPath: '/whistleblowing' });
    expect(i18n.global.t('enterpriseFile.tabs.whistleReports')).toBe('举报核查');
  });

  it('lists the enterprise’s verified reports by day, type and finding, never a code or the reporter', async () => {
    const shown = await showTab([
      { verifiedOn: '2026-11-19', category: 'major_hazard', outcome: 'true', demo: true },
      { verifiedOn: '2026-10-08', category: 'illegal_operation', outcome: 'partly_true', demo: false },
    ]);
    expect(shown.urls).toEqual([`/api/v1/whistleblowing/verified?enterpriseId=${ENTERPRISE}`]);
    expect(shown.headers).toEqual(['核查日期', '举报类别', '核查结论']);
    expect(shown.rows).toEqual([
      ['2026-11-19', '重大事故隐患', '属实'],
      ['2026-10-08', '安全生产违法行为', '部分属实'],
    ]);
    expect(shown.text).not.toMatch(/true|major_hazard|查询码/);
  });

  it('reads in English too', async () => {
    i18n.global.locale.value = 'en';
    const shown = await showTab([
      { verifiedOn: '2026-11-19', category: 'concealed_accident', outcome: 'partly_true', demo: false },
    ]);
    expect(shown.headers).toEqual(['Verified on', 'Report type', 'Finding']);
    expect(shown.rows).toEqual([['2026-11-19', expect.any(String), 'Partly true']]);
    expect(shown.rows[0]![1]).toBe(i18n.global.t('whistleblowing.categories.concealed_accident'));
  });
});
