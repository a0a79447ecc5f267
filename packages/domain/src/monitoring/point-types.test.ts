import { describe, expect, it } from 'vitest';
import { defaultPointDeadband, defaultPointThresholds, pointSetPointMaxima } from './point-defaults.ts';
import { pointThresholdProblems } from './point-thresholds.ts';
import {
  isPointTypeDefaultConfirmed,
  monitoringPointTypeCodes,
  monitoringPointTypeOf,
  monitoringPointTypes,
} from './point-types.ts';
import { toxicGasSetPoints } from './toxic-gas-set-points.ts';

describe('the point types', () => {
  it('cover the twelve types of the issue, once each, with names in both languages', () => {
    expect(monitoringPointTypes.map((type) => type.code)).toEqual([...monitoringPointTypeCodes]);
    for (const type of monitoringPointTypes) {
      expect(type.name.zh, type.code).toMatch(/[\u4e00-\u9fff]/);
      expect(type.name.en, type.code).toMatch(/^[A-Z]/);
    }
  });

  it('give every default a basis, and their own defaults pass their own checks', () => {
    for (const type of monitoringPointTypes) {
      for (const item of ['range', 'interval', 'thresholds', 'colours', 'deadband'] as const) {
        expect(type.basis[item].note.length, `${type.code}.${item}`).toBeGreaterThan(10);
      }
      expect(type.range.min).toBeLessThan(type.range.max);
      if (type.defaultThresholds) {
        const limits = { range: type.range, sides: type.sides, setPointMaxima: type.setPointMaxima };
        expect(pointThresholdProblems(type.defaultThresholds, limits), type.code).toEqual([]);
      }
    }
  });

  it.each<[Parameters<typeof monitoringPointTypeOf>[0], 'high' | 'low', readonly string[]]>([
    ['phreatic_depth', 'low', ['low']],
    ['dry_beach_length', 'low', ['low']],
    ['pond_water_level', 'high', ['high']],
    ['rainfall', 'high', ['high']],
    ['surface_displacement', 'high', ['high', 'low']],
    ['combustible_gas', 'high', ['high']],
    ['pressure', 'high', ['high', 'low']],
  ])('%s alarms on the %s side by default (allowed: %j)', (code, side, sides) => {
    const type = monitoringPointTypeOf(code);
    expect(type.defaultSide).toBe(side);
    expect(type.sides).toEqual(sides);
  });

  it('marks which defaults the reference confirms', () => {
    expect(isPointTypeDefaultConfirmed('combustible_gas', 'thresholds')).toBe(true);
    expect(isPointTypeDefaultConfirmed('combustible_gas', 'colours')).toBe(false);
    expect(isPointTypeDefaultConfirmed('dry_beach_length', 'thresholds')).toBe(false);
    expect(isPointTypeDefaultConfirmed('liquid_level', 'interval')).toBe(false);
  });
});

describe('defaults of a new point', () => {
  it('combustible gas: level-1 25 %LEL yellow, level-2 50 %LEL orange (GB/T 50493-2019)', () => {
    expect(defaultPointThresholds({ type: 'combustible_gas' })).toEqual({
      scheme: 'process',
      H: { value: 25 },
      HH: { value: 50 },
    });
    expect(monitoringPointTypeOf('combustible_gas').colours).toMatchObject({ H: 'yellow', HH: 'orange' });
    expect(pointSetPointMaxima({ type: 'combustible_gas', unit: '%LEL' })).toEqual({ H: 25, HH: 50 });
  });

  it.each(toxicGasSetPoints.map((gas) => [gas.code, gas.level1MgPerM3, gas.level2MgPerM3] as const))(
    'toxic gas %s in mg/m³: %d / %d',
    (gas, level1, level2) => {
      expect(defaultPointThresholds({ type: 'toxic_gas', unit: 'mg/m³', gas })).toEqual({
        scheme: 'process',
        H: { value: level1 },
        HH: { value: level2 },
      });
      expect(level2).toBe(level1 * 2);
    },
  );

  it('has no toxic-gas default in ppm (it depends on the gas) and none for DCS set points', () => {
    expect(defaultPointThresholds({ type: 'toxic_gas', unit: 'ppm', gas: 'h2s' })).toBeNull();
    expect(defaultPointThresholds({ type: 'temperature' })).toBeNull();
    expect(defaultPointThresholds({ type: 'phreatic_depth' })).toBeNull();
  });

  it('rainfall: yellow above 50 mm in 24 h', () => {
    expect(defaultPointThresholds({ type: 'rainfall' })).toEqual({
      scheme: 'graded',
      side: 'high',
      yellow: 50,
    });
  });

  it('gives no default in another unit than the type’s', () => {
    expect(defaultPointThresholds({ type: 'rainfall', unit: 'cm' })).toBeNull();
  });

  it.each<[Parameters<typeof defaultPointDeadband>[0], number, number, number]>([
    ['liquid_level', 0, 20, 1],
    ['pressure', -0.1, 2.5, 0.052],
    ['temperature', -20, 150, 1.7],
    ['combustible_gas', 0, 100, 2],
    ['phreatic_depth', 0, 50, 0],
  ])('deadband of %s over %d…%d: %d', (type, min, max, deadband) => {
    expect(defaultPointDeadband(type, { min, max })).toBe(deadband);
  });
});
