import { onBeforeUnmount, onMounted, shallowRef, type Ref } from 'vue';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only the parts the monitoring charts draw, so the bundle stays small.
echarts.use([
  BarChart,
  LineChart,
  ScatterChart,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

/** An ECharts instance on an element, resized with it and disposed with the component. */
export function useEChart(el: Ref<HTMLElement | undefined>) {
  const chart = shallowRef<echarts.ECharts | null>(null);
  let observer: ResizeObserver | null = null;
  let pending: { option: ChartOption; replace: boolean } | null = null;

  onMounted(() => {
    if (!el.value) return;
    chart.value = echarts.init(el.value);
    observer = new ResizeObserver(() => chart.value?.resize());
    observer.observe(el.value);
    if (pending) chart.value.setOption(pending.option, pending.replace);
  });

  onBeforeUnmount(() => {
    observer?.disconnect();
    chart.value?.dispose();
    chart.value = null;
  });

  /** Sets the option (replacing series and markLines when `replace`). */
  function render(option: ChartOption, replace = true): void {
    if (chart.value) chart.value.setOption(option, replace);
    else pending = { option, replace };
  }

  return { chart, render };
}
