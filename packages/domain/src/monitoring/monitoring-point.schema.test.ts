import { describe, expect, it } from 'vitest';
import {
  type MonitoringPointDefinition,
  monitoringPointDefinitionSchema,
  requireValidMonitoringPoint,
} from './monitoring-point.schema.ts';
import { thrownCode } from './monitoring.test-fixtures.ts';

const gas: MonitoringPointDefinition = {
  code: '530402-T101-GT01',
  name: '1号罐区可燃气体探测器',
  objectId: '2b9f3c4e-8a1d-4c6b-9e2f-0a1b2c3d4e5f',
  type: 'combustible_gas',
  unit: '%LEL',
  range: { min: 0, max: 100 },
  expectedIntervalSeconds: 60,
  thresholds: { scheme: 'process', H: { value: 20 }, HH: { value: 40 } },
};
const level: MonitoringPointDefinition = {
  ...gas,
  code: 'LT-1',
  type: 'liquid_level',
  unit: 'm',
  range: { min: 0, max: 20 },
  thresholds: { scheme: 'process', HH: { value: 18 }, H: { value: 16 }, L: { value: 2 }, LL: { value: 1 } },
};
const beach: MonitoringPointDefinition = {
  ...gas,
  code: 'GT-beach-1',
  type: 'dry_beach_length',
  unit: 'm',
  range: { min: 0, max: 1000 },
  expectedIntervalSeconds: 3600,
  thresholds: { scheme: 'graded', side: 'low', yellow: 120, orange: 110, red: 100 },
};

const paths = (input: unknown) => {
  const result = monitoringPointDefinitionSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('monitoringPointDefinitionSchema', () => {
  it.each<[string, MonitoringPointDefinition]>([
    ['a gas detector below the statutory maxima', gas],
    [
      'a gas detector exactly at the maxima (25 / 50 %LEL)',
      { ...gas, thresholds: { scheme: 'process', H: { value: 25 }, HH: { value: 50 } } },
    ],
    ['HH equal to H', { ...gas, thresholds: { scheme: 'process', H: { value: 25 }, HH: { value: 25 } } }],
    ['a level with HH > H > L > LL', level],
    ['a dry beach, limits falling towards red', beach],
    ['no thresholds: the type defaults apply', { ...gas, thresholds: undefined }],
    [
      'a toxic-gas detector for H2S in mg/m³ at 10 / 20',
      {
        ...gas,
        type: 'toxic_gas',
        unit: 'mg/m³',
        gas: 'h2s',
        thresholds: { scheme: 'process', H: { value: 10 }, HH: { value: 20 } },
      },
    ],
  ])('accepts %s', (_, point) => {
    expect(paths(point)).toEqual([]);
    expect(() => requireValidMonitoringPoint(point)).not.toThrow();
  });

  it.each<[string, unknown, string[]]>([
    [
      'H above 25 %LEL',
      { ...gas, thresholds: { scheme: 'process', H: { value: 25.1 } } },
      ['thresholds.H.value'],
    ],
    [
      'HH above 50 %LEL',
      { ...gas, thresholds: { scheme: 'process', HH: { value: 50.5 } } },
      ['thresholds.HH.value'],
    ],
    [
      'HH below H',
      { ...gas, thresholds: { scheme: 'process', H: { value: 20 }, HH: { value: 19 } } },
      ['thresholds.HH.value'],
    ],
    [
      'L on a gas detector',
      { ...gas, thresholds: { scheme: 'process', L: { value: 1 } } },
      ['thresholds.L.value'],
    ],
    [
      'H equal to L',
      { ...level, thresholds: { scheme: 'process', H: { value: 5 }, L: { value: 5 } } },
      ['thresholds.H.value'],
    ],
    [
      'LL above L',
      { ...level, thresholds: { scheme: 'process', L: { value: 2 }, LL: { value: 3 } } },
      ['thresholds.LL.value'],
    ],
    [
      'a threshold outside the range',
      { ...level, thresholds: { scheme: 'process', HH: { value: 21 } } },
      ['thresholds.HH.value'],
    ],
    [
      'HH a milder colour than H',
      {
        ...level,
        thresholds: {
          scheme: 'process',
          HH: { value: 18, colour: 'blue' },
          H: { value: 16, colour: 'yellow' },
        },
      },
      ['thresholds.HH.colour'],
    ],
    [
      'graded limits out of order on the low side',
      { ...beach, thresholds: { scheme: 'graded', side: 'low', orange: 100, red: 110 } },
      ['thresholds.red'],
    ],
    [
      'a dry beach alarming high',
      { ...beach, thresholds: { scheme: 'graded', side: 'high', red: 100 } },
      ['thresholds.red'],
    ],
    [
      'process thresholds on a tailings item',
      { ...beach, thresholds: { scheme: 'process', L: { value: 100 } } },
      ['thresholds.scheme'],
    ],
    ['a unit of another type', { ...gas, unit: 'ppm' }, ['unit']],
    ['min not below max', { ...gas, range: { min: 100, max: 100 }, thresholds: undefined }, ['range.max']],
    ['a gas on a level point', { ...level, gas: 'h2s' }, ['gas']],
    [
      'H2S set above 100 % OEL',
      {
        ...gas,
        type: 'toxic_gas',
        unit: 'mg/m³',
        gas: 'h2s',
        thresholds: { scheme: 'process', H: { value: 15 } },
      },
      ['thresholds.H.value'],
    ],
    ['an interval of 0 s', { ...gas, expectedIntervalSeconds: 0 }, ['expectedIntervalSeconds']],
    ['a point code with a space', { ...gas, code: 'GT 01' }, ['code']],
  ])('refuses %s', (_, point, expected) => {
    expect(paths(point)).toEqual(expected);
  });

  it('throws monitoring.point_invalid with the field problems', () => {
    const bad = { ...gas, thresholds: { scheme: 'process' as const, H: { value: 30 } } };
    expect(thrownCode(() => requireValidMonitoringPoint(bad))).toBe('monitoring.point_invalid');
  });
});
