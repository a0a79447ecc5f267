import { describe, expect, it } from 'vitest';
import type { WarningColour } from './monitoring-terms.ts';
import { thrownCode } from './monitoring.test-fixtures.ts';
import type { MonitoringPointType } from './point-types.ts';
import { hazardousChemicalRollupPreset, tailingsRollupPreset } from './rollup-presets.ts';
import { rollUpLevel } from './rollup.ts';
import { rollUpSite, type SiteWarningPoint } from './site-warning.ts';

/** Points <prefix>-1, <prefix>-2 … of one type at the given levels. */
const points = (
  type: MonitoringPointType,
  levels: (WarningColour | null)[],
  prefix: string = type,
): SiteWarningPoint[] => levels.map((level, i) => ({ id: `${prefix}-${i + 1}`, type, level }));
const site = (list: SiteWarningPoint[], preset = tailingsRollupPreset) => rollUpSite(list, preset);

describe('tailings preset, within one monitored item (GB 39496 §5.5.4)', () => {
  it.each<[(WarningColour | null)[], WarningColour | null]>([
    [[], null],
    [[null, null], null],
    [['blue', 'blue', 'blue'], 'blue'],
    [['blue', 'blue', 'blue', 'blue'], 'yellow'],
    [['yellow', 'yellow'], 'yellow'],
    [['yellow', 'yellow', 'yellow'], 'orange'],
    [['blue', 'blue', 'blue', 'yellow'], 'yellow'],
    [['yellow', 'yellow', 'orange'], 'orange'],
    [['orange'], 'orange'],
    [['orange', 'orange'], 'red'],
    [['yellow', 'red'], 'red'],
    [['blue', 'blue', 'blue', 'blue', 'blue', 'blue', 'blue', 'blue'], 'yellow'],
  ])('phreatic points %j → %s', (levels, level) => {
    const result = site(points('phreatic_depth', levels));
    expect(result.level).toBe(level);
    expect(result.items.map((item) => item.level)).toEqual(level === null ? [] : [level]);
  });

  it('gives the rule and the points behind a yellow item', () => {
    const result = site(points('phreatic_depth', ['blue', 'blue', 'blue', 'blue', null]));
    expect(result.items).toEqual([
      {
        item: 'phreatic_depth',
        level: 'yellow',
        reasons: [
          {
            kind: 'rule',
            ruleId: 'item-4-blue-yellow',
            count: 4,
            atLeast: 'blue',
            level: 'yellow',
            children: ['phreatic_depth-1', 'phreatic_depth-2', 'phreatic_depth-3', 'phreatic_depth-4'],
            points: ['phreatic_depth-1', 'phreatic_depth-2', 'phreatic_depth-3', 'phreatic_depth-4'],
          },
        ],
      },
    ]);
    expect(result.reasons).toEqual([
      {
        kind: 'own_level',
        level: 'yellow',
        children: ['phreatic_depth'],
        points: ['phreatic_depth-1', 'phreatic_depth-2', 'phreatic_depth-3', 'phreatic_depth-4'],
      },
    ]);
  });

  it('lists every reason for the final level: a point at it and a rule reaching it', () => {
    const result = rollUpLevel(
      [
        { id: 'a', level: 'orange' },
        { id: 'b', level: 'yellow' },
        { id: 'c', level: 'yellow' },
      ],
      tailingsRollupPreset.pointRules,
    );
    expect(result.level).toBe('orange');
    expect(result.reasons.map((reason) => [reason.kind, reason.children])).toEqual([
      ['own_level', ['a']],
      ['rule', ['a', 'b', 'c']],
    ]);
  });

  it('treats surface and internal displacement as one item (dam displacement)', () => {
    const list = [
      ...points('surface_displacement', ['orange'], 'BM'),
      ...points('internal_displacement', ['orange'], 'NB'),
    ];
    const result = site(list);
    expect(result.level).toBe('red');
    expect(result.items).toMatchObject([{ item: 'dam_displacement', level: 'red' }]);
    expect(result.reasons).toMatchObject([
      { kind: 'own_level', children: ['dam_displacement'], points: ['BM-1', 'NB-1'] },
    ]);
  });
});

describe('tailings preset, across items', () => {
  const items: MonitoringPointType[] = [
    'surface_displacement',
    'phreatic_depth',
    'pond_water_level',
    'dry_beach_length',
    'rainfall',
  ];
  /** One point per item, the first n items at `level`. */
  const oneEach = (n: number, level: WarningColour) =>
    items.slice(0, n).flatMap((type) => points(type, [level]));

  it.each<[number, WarningColour, WarningColour]>([
    [3, 'blue', 'blue'],
    [4, 'blue', 'yellow'],
    [5, 'blue', 'yellow'],
    [2, 'yellow', 'yellow'],
    [3, 'yellow', 'orange'],
    [1, 'orange', 'orange'],
    [2, 'orange', 'red'],
    [1, 'red', 'red'],
  ])('%d items at %s → the pond is %s', (n, level, expected) => {
    expect(site(oneEach(n, level)).level).toBe(expected);
  });

  it('names the site rule, the items and the points for 4 blue items', () => {
    const result = site(oneEach(4, 'blue'));
    expect(result.reasons).toEqual([
      {
        kind: 'rule',
        ruleId: 'site-4-blue-yellow',
        count: 4,
        atLeast: 'blue',
        level: 'yellow',
        children: ['dam_displacement', 'phreatic_depth', 'pond_water_level', 'dry_beach_length'],
        points: ['surface_displacement-1', 'phreatic_depth-1', 'pond_water_level-1', 'dry_beach_length-1'],
      },
    ]);
    expect(result).toMatchObject({ presetId: 'tailings-gb39496', presetVersion: 1 });
  });

  it('lists the items with a level, most severe first', () => {
    const list = [
      ...points('rainfall', ['yellow']),
      ...points('phreatic_depth', ['orange']),
      ...points('pond_water_level', [null]),
    ];
    expect(site(list).items.map((item) => [item.item, item.level])).toEqual([
      ['phreatic_depth', 'orange'],
      ['rainfall', 'yellow'],
    ]);
  });
});

describe('hazardous-chemical preset', () => {
  it.each<[(WarningColour | null)[], WarningColour | null, string | null]>([
    [[null, null, null], null, null],
    [['blue', 'blue'], 'blue', null],
    [['blue', 'blue', 'blue'], 'yellow', 'hazchem-3-blue-yellow'],
    [['yellow'], 'yellow', null],
    [['yellow', 'yellow'], 'orange', 'hazchem-2-yellow-orange'],
    [['orange'], 'orange', null],
    [['orange', 'orange'], 'red', 'hazchem-2-orange-red'],
    [['orange', 'yellow'], 'orange', 'hazchem-2-yellow-orange'],
    [['red'], 'red', null],
  ])('points %j → %s (rule %s)', (levels, level, ruleId) => {
    const result = rollUpSite(points('combustible_gas', levels), hazardousChemicalRollupPreset);
    expect(result.level).toBe(level);
    expect(result.items).toEqual([]);
    const rules = result.reasons.filter((reason) => reason.kind === 'rule').map((reason) => reason.ruleId);
    expect(rules).toEqual(ruleId === null ? [] : [ruleId]);
  });

  it('gives the points behind a red site', () => {
    const list = [
      ...points('combustible_gas', ['orange'], 'GT'),
      ...points('toxic_gas', ['orange', 'blue'], 'AT'),
    ];
    expect(rollUpSite(list, hazardousChemicalRollupPreset).reasons).toEqual([
      {
        kind: 'rule',
        ruleId: 'hazchem-2-orange-red',
        count: 2,
        atLeast: 'orange',
        level: 'red',
        children: ['GT-1', 'AT-1'],
        points: ['GT-1', 'AT-1'],
      },
    ]);
  });
});

describe('rollUpLevel: rules are checked', () => {
  it.each([
    [{ id: 'x', count: 2, atLeast: 'orange', makes: 'orange' }],
    [{ id: 'x', count: 0, atLeast: 'blue', makes: 'yellow' }],
    [{ id: 'x', count: 1.5, atLeast: 'blue', makes: 'yellow' }],
    [{ id: 'X Y', count: 2, atLeast: 'blue', makes: 'yellow' }],
  ] as const)('refuses %j', (rule) => {
    expect(thrownCode(() => rollUpLevel([], [rule]))).toBe('monitoring.rollup_invalid');
  });

  it('refuses two rules with one id', () => {
    const rule = { id: 'x', count: 2, atLeast: 'blue', makes: 'yellow' } as const;
    expect(thrownCode(() => rollUpLevel([], [rule, rule]))).toBe('monitoring.rollup_invalid');
  });
});
