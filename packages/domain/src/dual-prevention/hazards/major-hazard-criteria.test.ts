import { describe, expect, it } from 'vitest';
import { defaultSectors } from '../../registry/registry-dictionaries.ts';
import {
  addHazardCriteriaItems,
  checkHazardCriteriaList,
  hazardCriteriaItemApplies,
  type HazardCriteriaList,
} from './hazard-criteria-list.ts';
import { HiddenHazardError } from './hidden-hazard.errors.ts';
import { hazardCriteriaFireworks2017 } from './hazard-criteria-fireworks.ts';
import { hazardCriteriaHazchem2017 } from './hazard-criteria-hazchem.ts';
import { hazardCriteriaIndustryTrade2023 } from './hazard-criteria-industry-trade.ts';
import { hazardCriteriaMines2022 } from './hazard-criteria-mines.ts';
import { determineHazardLevel, hazardCriteriaLists } from './major-hazard-criteria.ts';

const codes = (list: HazardCriteriaList) => list.items.map((item) => item.code);
const numbered = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, index) => `${prefix}-${String(index + 1).padStart(2, '0')}`);

function thrown(run: () => unknown): HiddenHazardError {
  try {
    run();
  } catch (error) {
    if (error instanceof HiddenHazardError) return error;
    throw error;
  }
  throw new Error('expected a HiddenHazardError');
}

describe('statutory major-hidden-hazard criteria lists (standards.md §4.2–4.5)', () => {
  it.each<[HazardCriteriaList, string, boolean, number | null, number]>([
    [hazardCriteriaHazchem2017, 'hc', true, 20, 20],
    [hazardCriteriaFireworks2017, 'fw', true, 20, 20],
    // 工贸 2023: Art. 3 (3) + 冶金 (4) + 建材 (8) + 机械 (2) + dust (9) + ammonia (2) + confined (2).
    [hazardCriteriaIndustryTrade2023, 'gm', false, null, 30],
    // 矿山 2022: 地下 (1) + 露天 (3) + 尾矿库 (14).
    [hazardCriteriaMines2022, 'mine', false, null, 18],
  ])(
    '%# %s: prefix, completeness and the items the reference gives',
    (list, prefix, complete, count, given) => {
      expect(list.codePrefix).toBe(prefix);
      expect(list.complete).toBe(complete);
      expect(list.statutoryItemCount).toBe(count);
      expect(list.items).toHaveLength(given);
      expect(checkHazardCriteriaList(list)).toBe(list);
    },
  );

  it('numbers the 化工 and 烟花爆竹 items hc-01 … hc-20 and fw-01 … fw-20', () => {
    expect(codes(hazardCriteriaHazchem2017)).toEqual(numbered('hc', 20));
    expect(codes(hazardCriteriaFireworks2017)).toEqual(numbered('fw', 20));
  });

  it('keeps the texts of items the reference names', () => {
    const text = (code: string) =>
      hazardCriteriaLists.flatMap((list) => list.items).find((item) => item.code === code)?.zh;
    expect(text('hc-02')).toBe('特种作业人员未持证上岗');
    expect(text('hc-07')).toContain('万向管道充装系统');
    expect(text('fw-20')).toBe('零售点与居民居住场所设置在同一建筑物内或者在零售场所使用明火');
    expect(text('gm-ammonia-02')).toContain('超过9人');
    expect(text('mine-tsf-07')).toBe('浸润线埋深小于控制浸润线埋深');
    expect(text('mine-ug-01')).toContain('少于2个');
  });

  it('groups the 工贸 and 矿山 items and marks which groups the reference gives in full', () => {
    const groupCodes = (list: HazardCriteriaList, group: string) =>
      list.items.filter((item) => item.group === group).map((item) => item.code);
    expect(groupCodes(hazardCriteriaIndustryTrade2023, 'mgmt')).toEqual(numbered('gm-mgmt', 3));
    expect(groupCodes(hazardCriteriaIndustryTrade2023, 'building')).toEqual(numbered('gm-building', 8));
    expect(groupCodes(hazardCriteriaIndustryTrade2023, 'nonferrous')).toEqual([]);
    expect(
      hazardCriteriaIndustryTrade2023.groups.filter((group) => group.complete).map((group) => group.id),
    ).toEqual(['mgmt', 'building']);
    expect(groupCodes(hazardCriteriaMines2022, 'tsf')).toEqual(numbered('mine-tsf', 14));
    expect(hazardCriteriaMines2022.groups.every((group) => !group.complete)).toBe(true);
  });

  it('carries the confidence marks of the reference', () => {
    const marks = (list: HazardCriteriaList) => list.items.map((item) => item.verification);
    expect(new Set(marks(hazardCriteriaHazchem2017))).toEqual(new Set(['V2']));
    expect(marks(hazardCriteriaFireworks2017)).toEqual([...Array(8).fill('V2'), ...Array(12).fill('V1')]);
    const tsf = hazardCriteriaMines2022.items.filter((item) => item.group === 'tsf');
    expect(tsf.filter((item) => item.verification === 'V1').map((item) => item.code)).toEqual([
      'mine-tsf-07',
      'mine-tsf-13',
    ]);
    expect(hazardCriteriaIndustryTrade2023.legalSource).toMatchObject({
      documentNo: '应急管理部令第10号',
      effectiveFrom: '2023-05-15',
      verification: 'V2',
    });
    expect(hazardCriteriaMines2022.legalSource).toMatchObject({
      documentNo: '矿安〔2022〕88号',
      effectiveFrom: '2022-09-01',
    });
  });

  it('names only sectors of the registry dictionary', () => {
    const known = new Set(defaultSectors.map((sector) => sector.code));
    for (const list of hazardCriteriaLists) {
      const used = [
        ...list.sectors,
        ...list.groups.flatMap((group) => group.sectors ?? []),
        ...list.items.flatMap((item) => item.sectors ?? []),
      ];
      expect(
        used.filter((sector) => !known.has(sector)),
        list.id,
      ).toEqual([]);
    }
  });

  it.each<[string, string[], boolean]>([
    ['hc-05', ['hazchem_use'], true],
    ['hc-05', ['fireworks'], false],
    ['fw-01', ['fireworks'], true],
    ['gm-mgmt-01', ['textile'], true],
    ['gm-mgmt-03', ['textile'], false],
    ['gm-mgmt-03', ['nonferrous'], true],
    ['gm-building-01', ['building_materials'], true],
    ['gm-building-01', ['machinery'], false],
    ['gm-dust-01', ['light_industry'], true],
    ['mine-tsf-01', ['non_coal_mine'], true],
    ['mine-tsf-01', ['metallurgy'], false],
  ])('%s applies to an enterprise in %j: %s', (code, sectors, applies) => {
    const list = hazardCriteriaLists.find((candidate) => candidate.items.some((item) => item.code === code))!;
    const item = list.items.find((candidate) => candidate.code === code)!;
    expect(hazardCriteriaItemApplies(list, item, sectors)).toBe(applies);
  });
});

describe('determineHazardLevel', () => {
  it('leaves a hazard with no ticked criterion 一般', () => {
    expect(determineHazardLevel({ ticked: [] })).toEqual({ level: 'general', criteria: [] });
  });

  it.each(hazardCriteriaLists.flatMap((list) => list.items.map((item) => [item.code, list] as const)))(
    'ticking %s alone makes the hazard 重大 and keeps the criterion',
    (code, list) => {
      const item = list.items.find((candidate) => candidate.code === code)!;
      expect(determineHazardLevel({ ticked: [code] })).toEqual({
        level: 'major',
        criteria: [{ code, text: item.zh, list: list.id, listVersion: list.version }],
      });
    },
  );

  it('keeps every ticked criterion once, in list order', () => {
    const result = determineHazardLevel({ ticked: ['mine-tsf-07', 'hc-20', 'hc-02', 'hc-20', ' fw-03 '] });
    expect(result.level).toBe('major');
    expect(result.criteria.map((criterion) => [criterion.code, criterion.list])).toEqual([
      ['hc-02', 'hazchem-2017'],
      ['hc-20', 'hazchem-2017'],
      ['fw-03', 'fireworks-2017'],
      ['mine-tsf-07', 'mines-2022'],
    ]);
  });

  it('refuses unknown codes instead of ignoring them', () => {
    const error = thrown(() => determineHazardLevel({ ticked: ['hc-01', 'hc-21', 'gm-nonferrous-01'] }));
    expect(error.code).toBe('hazard.unknown_criterion');
    expect(error.details).toEqual({ codes: ['hc-21', 'gm-nonferrous-01'] });
    expect(error.fields?.map((field) => field.path)).toEqual(['tickedCriteria', 'tickedCriteria']);
  });

  it('uses the lists it is given', () => {
    expect(() => determineHazardLevel({ ticked: ['fw-01'] }, [hazardCriteriaHazchem2017])).toThrow(
      'hazard.unknown_criterion',
    );
  });

  it('refuses lists that share a code', () => {
    const copy = { ...hazardCriteriaHazchem2017, id: 'hazchem-copy' };
    expect(
      thrown(() => determineHazardLevel({ ticked: [] }, [hazardCriteriaHazchem2017, copy])).details,
    ).toEqual({
      list: 'hazchem-copy',
      reason: 'code in two lists',
      code: 'hc-01',
    });
  });
});

describe('a bureau extends an incomplete list', () => {
  const nonferrous = {
    code: 'gm-nonferrous-01',
    zh: '吊运熔融有色金属及渣的起重机不符合冶金起重机的相关要求',
    en: 'Cranes carrying molten non-ferrous metal not meeting metallurgical-crane requirements',
    group: 'nonferrous',
    verification: 'V1' as const,
  };

  it('adds items under a new version, marked as the bureau’s, and they then decide the level', () => {
    const extended = addHazardCriteriaItems(hazardCriteriaIndustryTrade2023, {
      version: '2023-yuxi-1',
      items: [nonferrous],
    });
    expect(extended.version).toBe('2023-yuxi-1');
    expect(extended.items).toHaveLength(31);
    expect(extended.items.at(-1)).toEqual({ ...nonferrous, addedByBureau: true });
    expect(hazardCriteriaIndustryTrade2023.items).toHaveLength(30);
    const lists = [hazardCriteriaHazchem2017, extended];
    expect(determineHazardLevel({ ticked: ['gm-nonferrous-01'] }, lists).criteria).toEqual([
      {
        code: 'gm-nonferrous-01',
        text: nonferrous.zh,
        list: 'industry-trade-2023',
        listVersion: '2023-yuxi-1',
      },
    ]);
  });

  it.each<[string, Parameters<typeof addHazardCriteriaItems>[1], string]>([
    ['the same version', { version: '2023', items: [nonferrous] }, 'a changed list needs a new version'],
    [
      'a foreign prefix',
      { version: 'b', items: [{ ...nonferrous, code: 'hc-99' }] },
      'code without list prefix',
    ],
    ['a duplicate code', { version: 'b', items: [{ ...nonferrous, code: 'gm-dust-01' }] }, 'duplicate code'],
    ['an unknown group', { version: 'b', items: [{ ...nonferrous, group: 'paper' }] }, 'unknown group'],
    [
      'a malformed code',
      { version: 'b', items: [{ ...nonferrous, code: 'GM 1' }] },
      'lower-case words joined by hyphens, e.g. hc-01 or gm-dust-03',
    ],
  ])('refuses %s', (_, addition, reason) => {
    const error = thrown(() => addHazardCriteriaItems(hazardCriteriaIndustryTrade2023, addition));
    expect(error.code).toBe('hazard.criteria_list_invalid');
    expect(error.details.reason).toBe(reason);
  });

  it('refuses a complete list whose item count no longer matches the statutory count', () => {
    const error = thrown(() =>
      addHazardCriteriaItems(hazardCriteriaHazchem2017, {
        version: '2017-b',
        items: [{ code: 'hc-21', zh: '新增条目', en: 'Added item', verification: 'M' }],
      }),
    );
    expect(error.details.reason).toBe('a complete list must have statutoryItemCount items');
  });
});
