import { onBeforeUnmount, onMounted, shallowRef, type Ref } from 'vue';
import { GaugeChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only the parts the cockpit draws, so its chunk stays small.
echarts.use([GaugeChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type CockpitChartOption = echarts.EChartsCoreOption;

/** The element's font size in px (the big screen scales it with the window; charts follow). */
export function fontPx(el: HTMLElement | undefined, fallback = 12): number {
  if (!el) return fallback;
  const size = Number.parseFloat(getComputedStyle(el).fontSize);
  return Number.isFinite(size) && size > 0 ? size : fallback;
}

/**
 * An ECharts instance on an element, resized with it and disposed with the component. With
 * `rebuild`, a resize also sets the option again (text sizes follow the element's font size).
 */
export function useCockpitChart(el: Ref<HTMLElement | undefined>, rebuild?: () => CockpitChartOption) {
  const chart = shallowRef<echarts.ECharts | null>(null);
  let observer: ResizeObserver | null = null;
  let pending: CockpitChartOption | null = null;

  onMounted(() => {
    if (!el.value) return;
    chart.value = echarts.init(el.value);
    observer = new ResizeObserver(() => {
      chart.value?.resize();
      if (rebuild) chart.value?.setOption(rebuild(), true);
    });
    observer.observe(el.value);
    if (pending) chart.value.setOption(pending, true);
  });

  onBeforeUnmount(() => {
    observer?.disconnect();
    chart.value?.dispose();
    chart.value = null;
  });

  function render(option: CockpitChartOption): void {
    if (chart.value) chart.value.setOption(option, true);
    else pending = option;
  }

  return { render };
}
