import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { alarmResponseSchema } from './alarm.schema.ts';
import { alarmRuleSchema } from './alarm-rule.schema.ts';
import { monitoringPointDefinitionSchema } from './monitoring-point.schema.ts';
import { readingBatchResultSchema, readingBatchSchema } from './reading.schema.ts';
import { hazardousChemicalRollupPreset } from './rollup-presets.ts';
import { rollUpSite } from './site-warning.ts';
import { warningResponseSchema } from './warning.schema.ts';

describe('the monitoring API schemas', () => {
  it.each([
    ['point definition', monitoringPointDefinitionSchema],
    ['alarm rule', alarmRuleSchema],
    ['reading batch', readingBatchSchema],
    ['reading batch result', readingBatchResultSchema],
    ['alarm', alarmResponseSchema],
    ['warning', warningResponseSchema],
  ] as const)('%s has a description and converts to JSON Schema for OpenAPI', (_, schema) => {
    expect(schema.description?.length).toBeGreaterThan(5);
    expect(() => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })).not.toThrow();
  });

  it('answers a warning in the shape the roll-up gives', () => {
    const warning = rollUpSite(
      [
        { id: 'GT-1', type: 'combustible_gas', level: 'orange' },
        { id: 'GT-2', type: 'combustible_gas', level: 'orange' },
      ],
      hazardousChemicalRollupPreset,
    );
    const body = {
      objectId: '2b9f3c4e-8a1d-4c6b-9e2f-0a1b2c3d4e5f',
      enterpriseId: '7d0f6a3e-1b2c-4d5e-8f90-a1b2c3d4e5f6',
      level: warning.level,
      preset: { id: warning.presetId, version: warning.presetVersion },
      evaluatedAt: '2025-06-02T08:00:00+08:00',
      reasons: warning.reasons,
      items: warning.items,
    };
    expect(warningResponseSchema.parse(body)).toEqual(body);
  });
});
