import { describe, expect, it } from 'vitest';
import { alarmRuleSchema, type AlarmRule } from './alarm-rule.schema.ts';
import { defaultAlarmRules } from './alarm-rules.ts';
import { gasPoint, levelPoint, phreaticPoint, thrownCode } from './monitoring.test-fixtures.ts';
import { resolvePointRules } from './resolve-point-rules.ts';

const typeRule = (rule: Record<string, unknown>) =>
  ({ version: 1, scope: { kind: 'type', type: 'combustible_gas' }, ...rule }) as AlarmRule;
const pointRule = (rule: Record<string, unknown>) =>
  ({ version: 1, scope: { kind: 'point', point: 'GT-101' }, ...rule }) as AlarmRule;

describe('defaultAlarmRules', () => {
  it.each<[Parameters<typeof defaultAlarmRules>[0], string[]]>([
    ['combustible_gas', ['combustible_gas.hh', 'combustible_gas.h', 'combustible_gas.no_data']],
    [
      'liquid_level',
      ['liquid_level.hh', 'liquid_level.h', 'liquid_level.l', 'liquid_level.ll', 'liquid_level.no_data'],
    ],
    [
      'phreatic_depth',
      [
        'phreatic_depth.red',
        'phreatic_depth.orange',
        'phreatic_depth.yellow',
        'phreatic_depth.blue',
        'phreatic_depth.no_data',
      ],
    ],
  ])('%s: %j, all valid rule data', (type, ids) => {
    const rules = defaultAlarmRules(type);
    expect(rules.map((rule) => rule.id)).toEqual(ids);
    for (const rule of rules) expect(alarmRuleSchema.parse(rule)).toEqual(rule);
  });
});

describe('resolvePointRules', () => {
  it('binds thresholds, colours, deadband and interval of the point', () => {
    const { rules } = resolvePointRules(gasPoint, defaultAlarmRules('combustible_gas'));
    expect(rules).toEqual([
      {
        id: 'combustible_gas.h',
        version: 1,
        kind: 'threshold',
        colour: 'yellow',
        step: { level: 'H', side: 'high', value: 25, colour: 'yellow', inclusive: true },
        deadband: 2,
      },
      {
        id: 'combustible_gas.hh',
        version: 1,
        kind: 'threshold',
        colour: 'orange',
        step: { level: 'HH', side: 'high', value: 50, colour: 'orange', inclusive: true },
        deadband: 2,
      },
      {
        id: 'combustible_gas.no_data',
        version: 1,
        kind: 'no_data',
        colour: null,
        timeoutMs: 180_000,
      },
    ]);
  });

  it('takes the default deadband as a share of the span (level: 5 % of 0–20 m = 1 m)', () => {
    const { rules } = resolvePointRules(
      { ...levelPoint, deadband: undefined },
      defaultAlarmRules('liquid_level'),
    );
    expect(rules.find((rule) => rule.id === 'liquid_level.h')).toMatchObject({ deadband: 1 });
  });

  it('takes graded limits as exclusive, on the point’s side, coloured by level', () => {
    const { rules } = resolvePointRules(phreaticPoint, defaultAlarmRules('phreatic_depth'));
    expect(rules.find((rule) => rule.id === 'phreatic_depth.orange')).toMatchObject({
      colour: 'orange',
      step: { level: 'orange', side: 'low', value: 6.6, inclusive: false },
      deadband: 0,
    });
  });

  it('skips levels the point has no value for, and levels of the other scheme', () => {
    const rules = [
      ...defaultAlarmRules('combustible_gas'),
      typeRule({ id: 'x.l', kind: 'threshold', level: 'L' }),
      typeRule({ id: 'x.red', kind: 'threshold', level: 'red' }),
    ];
    expect(resolvePointRules(gasPoint, rules).skipped).toEqual([
      { ruleId: 'x.l', reason: 'no_threshold' },
      { ruleId: 'x.red', reason: 'level_not_in_scheme' },
    ]);
  });

  it('prefers a point rule to a type rule of the same id, then the highest version', () => {
    const rules = [
      typeRule({ id: 'h', kind: 'threshold', level: 'H', version: 3, value: 20 }),
      pointRule({ id: 'h', kind: 'threshold', level: 'H', version: 1, value: 15 }),
      pointRule({ id: 'h', kind: 'threshold', level: 'H', version: 2, value: 10 }),
      typeRule({
        id: 'other',
        kind: 'threshold',
        level: 'H',
        version: 1,
        scope: { kind: 'type', type: 'toxic_gas' },
      }),
    ];
    const { rules: resolved } = resolvePointRules(gasPoint, rules);
    expect(resolved.map((rule) => [rule.id, rule.version])).toEqual([['h', 2]]);
    expect(resolved[0]).toMatchObject({ step: { value: 10, colour: 'yellow' } });
  });

  it('refuses the same version of a rule given twice', () => {
    const twice = [
      typeRule({ id: 'h', kind: 'threshold', level: 'H' }),
      typeRule({ id: 'h', kind: 'threshold', level: 'HH' }),
    ];
    expect(thrownCode(() => resolvePointRules(gasPoint, twice))).toBe('monitoring.rule_invalid');
  });

  it('lets a rule override the colour of its level', () => {
    const { rules } = resolvePointRules(gasPoint, [
      typeRule({ id: 'hh', kind: 'threshold', level: 'HH', colour: 'red' }),
    ]);
    expect(rules[0]).toMatchObject({ colour: 'red', step: { colour: 'red', value: 50 } });
  });

  it('turns intervals into milliseconds for stuck, duration and rate rules', () => {
    const { rules } = resolvePointRules(gasPoint, [
      typeRule({ id: 'a', kind: 'duration', level: 'H', holdSeconds: 60 }),
      typeRule({ id: 'b', kind: 'stuck', epsilon: 0, intervals: 10 }),
      typeRule({ id: 'c', kind: 'rate_of_change', direction: 'rise', limitPerMinute: 5, windowSeconds: 120 }),
    ]);
    expect(rules).toMatchObject([
      { holdMs: 60_000, staleMs: 180_000 },
      { holdMs: 600_000, colour: null },
      { windowMs: 120_000, deadband: 0, colour: null },
    ]);
  });
});

describe('alarmRuleSchema', () => {
  it.each<[string, Record<string, unknown>, boolean]>([
    ['a duration rule', { id: 'gas.h60', kind: 'duration', level: 'H', holdSeconds: 60 }, true],
    ['a duration of 0 s', { id: 'gas.h0', kind: 'duration', level: 'H', holdSeconds: 0 }, false],
    ['an unknown level', { id: 'gas.x', kind: 'threshold', level: 'HHH' }, false],
    ['an upper-case id', { id: 'Gas.H', kind: 'threshold', level: 'H' }, false],
    ['a negative deadband', { id: 'gas.h', kind: 'threshold', level: 'H', deadband: -1 }, false],
    [
      'a rate of 0',
      { id: 'r', kind: 'rate_of_change', direction: 'rise', limitPerMinute: 0, windowSeconds: 60 },
      false,
    ],
    ['stuck over one interval', { id: 's', kind: 'stuck', epsilon: 0, intervals: 1 }, false],
    ['no data after 3 intervals', { id: 'n', kind: 'no_data', missedIntervals: 3 }, true],
    ['an unknown field', { id: 'n', kind: 'no_data', missedIntervals: 3, extra: 1 }, false],
  ])('%s: valid %s', (_, rule, valid) => {
    expect(alarmRuleSchema.safeParse(typeRule(rule)).success).toBe(valid);
  });
});
