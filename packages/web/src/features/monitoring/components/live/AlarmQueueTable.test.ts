// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import ElementPlus from 'element-plus';
import { listKit } from '../../../../components/list-kit.ts';
import { i18n } from '../../../../i18n/index.ts';
import type { MonitoringAlarm } from '../../composables/use-monitoring-data.ts';
import AlarmQueueTable from './AlarmQueueTable.vue';

const base = {
  kind: 'threshold',
  status: 'firing',
  evaluation: 'firing',
  escalation: 'none',
  colour: 'orange',
  level: 'H',
  value: 63.5,
  unit: 'mm',
  point: 'GEO-DISP-01',
  pointName: '裂缝位移计',
  county: '530426',
  raisedAt: '2026-11-29T02:00:00.000Z',
  firedAt: '2026-11-29T02:00:00.000Z',
  respondBy: null,
};

async function siteCells(alarms: object[]): Promise<string[]> {
  i18n.global.locale.value = 'zh-CN';
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:any(.*)*', name: 'monitoring-alarm-detail', component: { template: '<div />' } }],
  });
  const wrapper = mount(AlarmQueueTable, {
    props: {
      alarms: alarms as MonitoringAlarm[],
      now: Date.parse(base.raisedAt),
      actorKind: 'county',
      canAct: false,
    },
    global: { plugins: [ElementPlus, listKit, i18n, router] },
    attachTo: document.body,
  });
  await flushPromises();
  const hints = wrapper.findAll('.el-table__body tr td:nth-child(3) .aj-hint').map((hint) => hint.text());
  wrapper.unmount();
  return hints;
}

describe('the alarm queue’s site column', () => {
  it('names the responsible unit of a hazard site, which has no enterprise', async () => {
    const hints = await siteCells([
      {
        ...base,
        id: 'a1',
        objectName: '测试村滑坡隐患点',
        enterpriseId: null,
        enterpriseName: null,
        responsibleUnit: '峨山县测试镇人民政府',
      },
      {
        ...base,
        id: 'a2',
        objectName: '储罐区',
        enterpriseId: 'e1',
        enterpriseName: '演示化工有限公司',
        county: '530402',
      },
    ]);
    expect(hints).toEqual(['峨山县测试镇人民政府 · 峨山彝族自治县', '演示化工有限公司 · 红塔区']);
  });
});
