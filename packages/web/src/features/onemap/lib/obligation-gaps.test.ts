// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../i18n/index.ts';
import { obligationGapLines, obligationGapPopup, type ObligationGapPoint } from './obligation-gaps.ts';

const point: ObligationGapPoint = {
  id: '0b6f3c1e-4a5d-4e8f-9a1b-2c3d4e5f6a70',
  name: '红塔区演练化工有限公司',
  county: '530402',
  lon: 102.55,
  lat: 24.35,
  demo: false,
  certificateGaps: [
    { kind: 'no_principal', personName: null, operation: null },
    { kind: 'no_safety_manager', personName: '李安全', operation: null },
    { kind: 'uncertified_operation', personName: '王焊工', operation: 'welding' },
  ],
  uninsured: true,
};
const t = (key: string, named?: Record<string, unknown>) =>
  named ? i18n.global.t(key, named) : i18n.global.t(key);

afterEach(() => {
  i18n.global.locale.value = 'zh-CN';
});

describe('the 企业主体责任缺项 popup', () => {
  it('names every gap in Chinese, with the person and the operation', () => {
    i18n.global.locale.value = 'zh-CN';
    expect(obligationGapLines(point, t)).toEqual([
      '主要负责人无有效考核合格证',
      '安全生产管理人员无有效考核合格证（李安全）',
      '特种作业人员无有效操作证上岗（王焊工，焊接与热切割作业）',
      '强制投保行业未投保安全生产责任保险或保单已过期',
    ]);
  });

  it('names them in English, never as codes', () => {
    i18n.global.locale.value = 'en';
    const lines = obligationGapLines(point, t);
    expect(lines).toEqual([
      'No valid certificate for the principal',
      'No valid certificate for a safety manager (李安全)',
      'Special operation without a valid certificate (王焊工, Welding and thermal cutting)',
      'Mandatory sector without liability insurance, or the policy lapsed',
    ]);
    expect(lines.join(' ')).not.toMatch(/no_principal|uncertified_operation|welding|uninsured/);
  });

  it('builds the popup as text with a link to the obligations tab', () => {
    i18n.global.locale.value = 'zh-CN';
    const open = vi.fn();
    const popup = obligationGapPopup({ ...point, name: '<b>某企业</b>', uninsured: false }, t, {
      href: `/registry/enterprises/${point.id}?tab=obligations`,
      open,
    });
    expect(popup.querySelector('strong')!.textContent).toBe('<b>某企业</b>');
    expect(popup.querySelector('b')).toBeNull();
    expect([...popup.querySelectorAll('li')].map((li) => li.textContent)).toHaveLength(3);
    const link = popup.querySelector('a')!;
    expect(link.textContent).toBe('查看一企一档“主体责任”');
    expect(link.getAttribute('href')).toBe(`/registry/enterprises/${point.id}?tab=obligations`);
    link.click();
    expect(open).toHaveBeenCalledOnce();
  });
});
