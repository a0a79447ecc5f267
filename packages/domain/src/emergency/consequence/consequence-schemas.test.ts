import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bleveRequestSchema, bleveResponseSchema } from './bleve.schema.ts';
import { footprintRequestSchema, footprintResponseSchema } from './footprint.schema.ts';
import { plumeRequestSchema, plumeResponseSchema } from './plume.schema.ts';
import { poolFireRequestSchema, poolFireResponseSchema } from './pool-fire.schema.ts';
import { probitRequestSchema, probitResponseSchema } from './probit.schema.ts';
import { puffRequestSchema, puffResponseSchema } from './puff.schema.ts';
import { vceRequestSchema, vceResponseSchema } from './vce.schema.ts';

const endpoints = {
  plume: [plumeRequestSchema, plumeResponseSchema],
  puff: [puffRequestSchema, puffResponseSchema],
  footprint: [footprintRequestSchema, footprintResponseSchema],
  'vce/tnt': [vceRequestSchema, vceResponseSchema],
  bleve: [bleveRequestSchema, bleveResponseSchema],
  'pool-fire': [poolFireRequestSchema, poolFireResponseSchema],
  probit: [probitRequestSchema, probitResponseSchema],
} as const;

describe('POST /api/v1/calc/consequence/* schemas for the OpenAPI document', () => {
  it.each(Object.entries(endpoints))(
    '%s converts to JSON Schema with a description',
    (_, [request, response]) => {
      const input = z.toJSONSchema(request, { io: 'input' }) as { description?: string };
      const output = z.toJSONSchema(response, { io: 'output' });
      expect(input.description ?? JSON.stringify(input)).toMatch(/\w/);
      expect(JSON.stringify(input)).toContain('description');
      expect(output).toBeTruthy();
    },
  );

  it.each(Object.entries(endpoints).filter(([name]) => name !== 'probit'))(
    'describes every top-level request field of %s',
    (_, [request]) => {
      const json = z.toJSONSchema(request, { io: 'input' }) as {
        properties: Record<string, { description?: string }>;
      };
      for (const [name, property] of Object.entries(json.properties)) {
        expect(property.description, name).toBeTruthy();
      }
    },
  );

  it('requires the chemical, release, source and weather of a footprint and says where the wind is from', () => {
    const json = z.toJSONSchema(footprintRequestSchema, { io: 'input' }) as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(json.required).toEqual(['chemical', 'release', 'source', 'weather']);
    expect(JSON.stringify(json.properties.weather)).toContain('comes FROM');
  });

  it('fills the defaults: rural terrain, more-stable split rule, ERG 100 m, ground-level release', () => {
    const parsed = footprintRequestSchema.parse({
      chemical: '氯',
      release: { kind: 'instantaneous', massKg: 100 },
      source: [102.5, 24.3],
      weather: { windSpeedMPerS: 2, windFromDeg: 270, stability: 'D' },
    });
    expect(parsed).toMatchObject({
      releaseHeightM: 0,
      minimumIsolationM: 100,
      weather: { terrain: 'rural', splitClassRule: 'more_stable' },
    });
    expect(parsed.thresholds).toBeUndefined();
  });

  it.each([
    [{ windSpeedMPerS: 0, windFromDeg: 0, stability: 'D' }, 'weather.windSpeedMPerS'],
    [{ windSpeedMPerS: 2, windFromDeg: 361, stability: 'D' }, 'weather.windFromDeg'],
    [{ windSpeedMPerS: 2, windFromDeg: 0, stability: 'G' }, 'weather.stability'],
    [{ windSpeedMPerS: 2, windFromDeg: 0, stability: { period: 'day' } }, 'weather.stability'],
  ])('rejects the weather %j at %s', (weather, path) => {
    const result = footprintRequestSchema.safeParse({
      chemical: '氯',
      release: { kind: 'continuous', rateKgPerS: 1 },
      source: [102.5, 24.3],
      weather,
    });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('rejects more than three thresholds, unknown fields and a source off the globe', () => {
    const base = {
      chemical: '氯',
      release: { kind: 'continuous', rateKgPerS: 1 },
      source: [102.5, 24.3],
      weather: { windSpeedMPerS: 2, windFromDeg: 0, stability: 'D' },
    };
    expect(
      footprintRequestSchema.safeParse({ ...base, thresholds: ['AEGL-3', 'AEGL-2', 'AEGL-1', 'IDLH'] })
        .success,
    ).toBe(false);
    expect(footprintRequestSchema.safeParse({ ...base, colour: 'red' }).success).toBe(false);
    expect(footprintRequestSchema.safeParse({ ...base, source: [200, 24] }).success).toBe(false);
    expect(footprintRequestSchema.safeParse({ ...base, thresholds: [{ concentrationPpm: 1 }] }).success).toBe(
      false,
    );
  });

  it('defaults the VCE to the Chinese 1.8·α method with α 0.04 and Q_TNT 4.52 MJ/kg', () => {
    expect(vceRequestSchema.parse({ fuelMassKg: 1, chemical: 'LPG' }).method).toEqual({
      kind: 'cn_ground_factor',
      alpha: 0.04,
      groundFactor: 1.8,
      tntHeatMjPerKg: 4.52,
    });
    expect(vceRequestSchema.parse({ fuelMassKg: 1, method: { kind: 'yield' } }).method).toEqual({
      kind: 'yield',
      efficiency: 0.1,
      tntHeatMjPerKg: 4.68,
    });
  });
});
