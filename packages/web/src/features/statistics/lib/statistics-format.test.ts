import { describe, expect, it } from 'vitest';
import {
  baselinePeriod,
  baselineSourceText,
  describeChange,
  indicatorValue,
  statusTagType,
} from './statistics-format.ts';
import { statisticsZh } from '../i18n.ts';

const t = (key: string, values?: Record<string, unknown>) =>
  key === 'statistics.monthly.flat' ? '持平' : `净增加 ${String(values?.n)}`;

describe('statistics formatting', () => {
  it('prints 同比 the way the published reports do', () => {
    expect(describeChange({ previous: 17, change: -4, ratePercent: -23.53, kind: 'down' }, t)).toBe(
      '-4（-23.53%）',
    );
    expect(describeChange({ previous: 13, change: 4, ratePercent: 30.77, kind: 'up' }, t)).toBe(
      '+4（+30.77%）',
    );
    expect(describeChange({ previous: 0, change: 3, ratePercent: null, kind: 'net_increase' }, t)).toBe(
      '净增加 3',
    );
    expect(describeChange({ previous: 5, change: 0, ratePercent: 0, kind: 'flat' }, t)).toBe('持平');
  });
  it('colours the status and prints values with the indicator’s decimals', () => {
    expect(statusTagType('off_track')).toBe('danger');
    expect(indicatorValue(0.0049, 3)).toBe('0.005');
    expect(indicatorValue(null, 0)).toBe('—');
  });
  it('names where a baseline comes from, with the base period when computed', () => {
    const zh = statisticsZh.indicators;
    const tr = (key: string, values?: Record<string, unknown>) =>
      key === 'statistics.indicators.baselinePublished'
        ? zh.baselinePublished
        : zh.baselineComputed.replace('{period}', String(values?.period));
    expect(
      baselineSourceText({ baselineSource: 'published', baselineFrom: 2020, baselineTo: 2020 }, tr),
    ).toBe('规划公布');
    expect(baselineSourceText({ baselineSource: 'computed', baselineFrom: 2016, baselineTo: 2020 }, tr)).toBe(
      '按 2016–2020 年数据计算',
    );
    expect(baselinePeriod({ baselineFrom: 2020, baselineTo: 2020 })).toBe('2020');
  });
});
