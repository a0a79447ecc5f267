import { describe, expect, it } from 'vitest';
import { describeChange, indicatorDecimals, indicatorValue, statusTagType } from './statistics-format.ts';

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
    expect(indicatorDecimals({ unit: '人/亿元', code: 'deaths_per_100m_gdp' })).toBe(3);
    expect(indicatorDecimals({ unit: '起', code: 'major_accidents' })).toBe(2);
    expect(indicatorValue(0.0049, 3)).toBe('0.005');
    expect(indicatorValue(null, 0)).toBe('—');
  });
});
