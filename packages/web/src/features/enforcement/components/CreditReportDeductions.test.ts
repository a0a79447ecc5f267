// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { config, flushPromises } from '@vue/test-utils';
import { mountInApp } from '../../../test-support/mount-in-app.ts';
import CreditReportDeductions from './CreditReportDeductions.vue';

const ENTERPRISE = '0b8c5a3e-6d1f-4c2a-9e7b-3f5d8a1c2e4b';
const REPORT_A = '3f0d6a8e-1c2b-4d5e-8f9a-0b1c2d3e4f5a';
const REPORT_B = '4a1e7b9f-2d3c-4e6f-9a0b-1c2d3e4f5a6b';

// The link to a report, without a router: its target in an attribute.
const RouterLink = defineComponent({
  props: { to: { type: String, required: true } },
  setup:
    (props, { slots }) =>
    () =>
      h('a', { 'data-to': props.to }, slots.default?.()),
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
});

const view = (reportIds: [string | null, string | null]) => ({
  rule: {
    id: 'anjian-2025',
    validFrom: '2000-01-01',
    threshold: 2,
    windowMonths: 12,
    points: 5,
    termMonths: 12,
    basisZh: '本局设定',
    basisEn: 'Set by the bureau',
    verification: 'NF',
  },
  pointsInForce: 5,
  items: [
    {
      recordedOn: '2026-04-11',
      endsOn: '2027-04-11',
      inForce: true,
      points: 5,
      ruleId: 'anjian-2025',
      reasonZh: '12个月内2件举报经核查属实：……',
      reasonEn: '2 reports verified within 12 months: …',
      reports: [
        { reportId: reportIds[0], verifiedOn: '2026-03-02', category: 'major_hazard', outcome: 'true' },
        {
          reportId: reportIds[1],
          verifiedOn: '2026-04-11',
          category: 'major_hazard',
          outcome: 'partly_true',
        },
      ],
    },
  ],
});

async function show(answer: unknown) {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      urls.push(url);
      return Promise.resolve(
        new Response(JSON.stringify(answer), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
      );
    }),
  );
  mountInApp(
    () => null,
    () => h(CreditReportDeductions, { enterpriseId: ENTERPRISE }),
  );
  await flushPromises();
  return urls;
}

const q = (testid: string) => document.querySelector(`[data-testid="${testid}"]`)?.textContent?.trim();
const links = () =>
  [...document.querySelectorAll('[data-testid="credit-report-link"]')].map((el) => [
    el.textContent?.trim(),
    el.querySelector('a')?.getAttribute('data-to') ?? null,
  ]);

describe('一企一档 credit tab: the record from verified reports', () => {
  it('shows the rule, the points in force, the reason and a link to each report', async () => {
    const urls = await show(view([REPORT_A, REPORT_B]));
    expect(urls).toEqual([`/api/v1/enforcement/credit/report-deductions?enterpriseId=${ENTERPRISE}`]);
    expect(q('credit-report-rule')).toBe(
      '规则：2 件举报在 12 个月内经核查属实（含部分属实）的，扣 5 分，有效 12 个月（本局设定，未找到上位规定）',
    );
    expect(q('credit-report-points')).toBe('有效期内扣分合计：5 分');
    expect(document.body.textContent).toContain('12个月内2件举报经核查属实：……');
    expect(links()).toEqual([
      ['2026-03-02 重大事故隐患（属实）', `/whistleblowing?open=${REPORT_A}`],
      ['2026-04-11 重大事故隐患（部分属实）', `/whistleblowing?open=${REPORT_B}`],
    ]);
  });

  it('names the reports without a link for a reader of the credit record who may not read reports', async () => {
    await show(view([null, null]));
    expect(links()).toEqual([
      ['2026-03-02 重大事故隐患（属实）', null],
      ['2026-04-11 重大事故隐患（部分属实）', null],
    ]);
  });
});
