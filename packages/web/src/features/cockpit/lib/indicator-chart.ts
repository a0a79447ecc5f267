import type { IndicatorStatus, IndicatorTrack } from '@anjian/domain';

export interface ChartLabels {
  milestone: string;
  actual: string;
  projected: string;
  band: string;
}

export interface ChartTheme {
  text: string;
  grid: string;
}

export const lightTheme: ChartTheme = { text: '#606266', grid: '#ebeef5' };
export const darkTheme: ChartTheme = { text: '#b8c7e0', grid: '#1f3556' };

/** The colour of each status, the same on the tag, the gauge and the projection. */
export const trackColours: Record<IndicatorTrack, string> = {
  on_track: '#2e9e5b',
  at_risk: '#e6a23c',
  off_track: '#d9480f',
  no_data: '#909399',
};

/** The Element Plus tag type of each status. */
export const trackTagTypes: Record<IndicatorTrack, 'success' | 'warning' | 'danger' | 'info'> = {
  on_track: 'success',
  at_risk: 'warning',
  off_track: 'danger',
  no_data: 'info',
};

/**
 * The trajectory chart of one indicator: the milestone path from the baseline to the plan's target
 * (dashed), the actual values by year, and for the current year the year-end projection with its
 * band (low … high, a shaded area from the last actual value). Years are categories.
 */
export function indicatorChartOption(
  indicator: IndicatorStatus,
  year: number,
  labels: ChartLabels,
  theme: ChartTheme = lightTheme,
) {
  const years = indicator.trajectory.map((point) => String(point.year));
  const at = years.indexOf(String(year));
  const previous = at > 0 ? indicator.trajectory[at - 1]!.actual : null;
  const along = (value: (index: number) => number | null) => years.map((_, index) => value(index));
  const projected = along((i) => (i === at ? indicator.projected : i === at - 1 ? previous : null));
  const low = along((i) => (i === at ? indicator.projectedLow : i === at - 1 ? previous : null));
  const high = along((i) => (i === at ? indicator.projectedHigh : i === at - 1 ? previous : null));
  const width = years.map((_, i) => (high[i] !== null && low[i] !== null ? high[i]! - low[i]! : null));
  const colour = trackColours[indicator.status];
  return {
    animation: false,
    grid: { left: 44, right: 12, top: 28, bottom: 24 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { color: theme.text, fontSize: 11 }, itemWidth: 14, itemHeight: 8 },
    xAxis: {
      type: 'category',
      data: years,
      axisLabel: { color: theme.text },
      axisLine: { lineStyle: { color: theme.grid } },
    },
    yAxis: {
      type: 'value',
      scale: true,
      axisLabel: { color: theme.text },
      splitLine: { lineStyle: { color: theme.grid } },
    },
    series: [
      {
        name: labels.milestone,
        type: 'line',
        data: indicator.trajectory.map((point) => point.milestone),
        lineStyle: { type: 'dashed', color: '#409eff' },
        itemStyle: { color: '#409eff' },
        symbol: 'circle',
        symbolSize: 4,
      },
      {
        name: labels.actual,
        type: 'line',
        data: indicator.trajectory.map((point) => point.actual),
        lineStyle: { width: 2, color: theme === darkTheme ? '#ffffff' : '#303133' },
        itemStyle: { color: theme === darkTheme ? '#ffffff' : '#303133' },
        connectNulls: false,
      },
      {
        name: labels.band,
        type: 'line',
        data: low,
        stack: 'band',
        symbol: 'none',
        lineStyle: { opacity: 0 },
      },
      {
        name: labels.band,
        type: 'line',
        data: width,
        stack: 'band',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        areaStyle: { color: colour, opacity: 0.25 },
        tooltip: { show: false },
      },
      {
        name: labels.projected,
        type: 'line',
        data: projected,
        lineStyle: { type: 'dotted', width: 2, color: colour },
        itemStyle: { color: colour },
      },
    ],
  };
}
