import { describe, expect, it } from 'vitest';
import type { IndicatorStatus } from '@anjian/domain';
import { darkTheme, indicatorChartOption } from './indicator-chart.ts';

const deaths: IndicatorStatus = {
  code: 'deaths',
  nameZh: '生产安全事故死亡人数',
  nameEn: 'Deaths in work-safety accidents',
  unit: '人',
  kind: 'binding',
  decimals: 0,
  baselineValue: 100,
  baselineSource: 'computed',
  baselineNote: null,
  baselineFrom: 2020,
  baselineTo: 2020,
  targetValue: 85,
  milestone: 91,
  actual: 70,
  projected: 84,
  projectedLow: 78,
  projectedHigh: 92,
  status: 'at_risk',
  reasonZh: '年末预测区间跨越里程碑',
  reasonEn: 'The projection range straddles the milestone',
  trajectory: [
    { year: 2020, milestone: 100, actual: 100 },
    { year: 2021, milestone: 97, actual: 98 },
    { year: 2022, milestone: 94, actual: 95 },
    { year: 2023, milestone: 91, actual: null },
  ],
};
const labels = { milestone: '目标路径', actual: '实际值', projected: '年末预测', band: '预测区间' };

describe('the indicator trajectory chart', () => {
  const option = indicatorChartOption(deaths, 2023, labels, darkTheme);

  it('draws the milestone path and the actual values over the years of the plan', () => {
    expect(option.xAxis.data).toEqual(['2020', '2021', '2022', '2023']);
    expect(option.series[0]!.data).toEqual([100, 97, 94, 91]);
    expect(option.series[1]!.data).toEqual([100, 98, 95, null]);
  });

  it('projects the year end from the last actual value, with its band as low plus width', () => {
    expect(option.series[4]!.data).toEqual([null, null, 95, 84]);
    expect(option.series[2]!.data).toEqual([null, null, 95, 78]);
    expect(option.series[3]!.data).toEqual([null, null, 0, 14]);
  });

  it('colours the projection by the status', () => {
    expect(option.series[4]!.itemStyle).toEqual({ color: '#e6a23c' });
  });
});
