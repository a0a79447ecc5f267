// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { i18n } from '../../../../i18n/index.ts';
import type { ConsequenceOutcome } from '../../lib/incident-consequence.ts';
import IncidentMapLegend from './IncidentMapLegend.vue';

const text = { zh: '', en: '' };
const outcome = {
  model: { id: 'm', zh: '', en: '', source: '', assumptions: [], limits: [] },
  zones: [],
  warnings: [],
  evacuationRadiusM: 800,
  evacuationRule: text,
  downwindBearingDeg: null,
} as unknown as ConsequenceOutcome;

function legend(props: { outcome: ConsequenceOutcome | null; hazardSites: number }): string[] {
  i18n.global.locale.value = 'zh-CN';
  const wrapper = mount(IncidentMapLegend, { props, global: { plugins: [createPinia(), i18n] } });
  const rows = wrapper.findAll('.legend-row').map((row) => row.text());
  wrapper.unmount();
  return rows;
}

describe('the command map’s legend', () => {
  it('names the hazard sites’ triangles when the county has some, before any consequence is drawn', () => {
    expect(legend({ outcome: null, hazardSites: 2 })).toEqual(['地质灾害隐患点、森林火险区']);
  });

  it('keeps the evacuation circle and adds the sites under it', () => {
    expect(legend({ outcome, hazardSites: 1 })).toEqual(['建议疏散半径 800 m', '地质灾害隐患点、森林火险区']);
    expect(legend({ outcome, hazardSites: 0 })).toEqual(['建议疏散半径 800 m']);
  });
});
