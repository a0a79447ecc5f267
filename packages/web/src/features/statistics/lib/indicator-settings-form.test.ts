import { describe, expect, it } from 'vitest';
import type { IndicatorSetting } from '@anjian/domain';
import { indicatorFormOf, indicatorPayload, percentText } from './indicator-settings-form.ts';

const seed: IndicatorSetting = {
  id: 'deaths_per_100m_gdp',
  code: 'deaths_per_100m_gdp',
  nameZh: '亿元地区生产总值生产安全事故死亡率',
  nameEn: 'Deaths per 100 million yuan of GDP',
  unit: '人/亿元',
  kind: 'binding',
  formula: 'deaths_per_100m_gdp',
  comparison: 'point',
  baselineFrom: 2020,
  baselineTo: 2020,
  targetYear: 2025,
  targetChange: -0.33,
  decimals: 3,
  position: 3,
  active: true,
  publishedBaseline: null,
  publishedBaselineNote: null,
  updatedAt: null,
  updatedBy: null,
};

describe('indicator settings form', () => {
  it('edits the change as a percentage and sends it back as the same fraction', () => {
    const form = indicatorFormOf(seed);
    expect(form.changePercent).toBe(-33);
    expect(indicatorPayload(form)).toEqual({
      nameZh: seed.nameZh,
      nameEn: seed.nameEn,
      unit: '人/亿元',
      kind: 'binding',
      formula: 'deaths_per_100m_gdp',
      comparison: 'point',
      baselineFrom: 2020,
      baselineTo: 2020,
      targetYear: 2025,
      targetChange: -0.33,
      decimals: 3,
      position: 3,
      active: true,
      publishedBaseline: null,
      publishedBaselineNote: null,
    });
  });

  it('sends a published baseline with its trimmed note, and an emptied one as computed without a note', () => {
    const note = '《玉溪市“十四五”安全生产规划》专栏1';
    const form = { ...indicatorFormOf(seed), publishedBaseline: 0.045, publishedBaselineNote: ` ${note} ` };
    expect(indicatorPayload(form)).toMatchObject({ publishedBaseline: 0.045, publishedBaselineNote: note });
    expect(indicatorFormOf({ ...seed, publishedBaseline: 0.045, publishedBaselineNote: note })).toMatchObject(
      {
        publishedBaseline: 0.045,
        publishedBaselineNote: note,
      },
    );
    expect(indicatorPayload({ ...form, publishedBaseline: null })).toMatchObject({
      publishedBaseline: null,
      publishedBaselineNote: null,
    });
  });

  it('takes the unit from the chosen formula, never from typing', () => {
    const form = { ...indicatorFormOf(null), formula: 'major_accidents' as const, changePercent: -12.5 };
    expect(indicatorPayload(form)).toMatchObject({ unit: '起', targetChange: -0.125 });
  });

  it('gives a new indicator a key the server accepts', () => {
    expect(indicatorFormOf(null, 1_765_000_000_000).code).toMatch(/^[a-z][a-z0-9_]{1,39}$/);
  });

  it('shows a change with its sign', () => {
    expect([percentText(-0.15), percentText(0.1), percentText(-0.3333)]).toEqual(['-15%', '+10%', '-33.33%']);
  });
});
