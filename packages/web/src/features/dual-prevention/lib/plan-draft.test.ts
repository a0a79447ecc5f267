import { describe, expect, it } from 'vitest';
import { emptyPlanDraft, planFromDraft } from './plan-draft.ts';

describe('the rectification plan form', () => {
  it('sends only what was filled in', () => {
    expect(
      planFromDraft({ ...emptyPlanDraft(), responsiblePerson: ' 王安全 ', deadline: '2026-12-31' }),
    ).toEqual({
      responsiblePerson: '王安全',
      deadline: '2026-12-31',
    });
  });

  it('sends all six parts of a major plan, the amount without separators', () => {
    const plan = planFromDraft({
      responsiblePerson: '王安全',
      responsibleOrganisation: '设备部',
      measures: '加装氯气泄漏检测报警仪',
      fundsAmount: '120,000.00 元',
      fundsSource: '安全生产费用',
      deadline: '2026-12-31',
      contingencyPlan: '每两小时巡检',
      objectives: '30 秒内报警',
      productionSuspension: 'partial',
    });
    expect(plan).toEqual({
      responsiblePerson: '王安全',
      responsibleOrganisation: '设备部',
      measures: '加装氯气泄漏检测报警仪',
      funds: { amountYuan: '120000.00', source: '安全生产费用' },
      deadline: '2026-12-31',
      contingencyPlan: '每两小时巡检',
      objectives: '30 秒内报警',
      productionSuspension: 'partial',
    });
  });
});
