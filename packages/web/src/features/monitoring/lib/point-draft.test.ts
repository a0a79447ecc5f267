import { describe, expect, it } from 'vitest';
import { monitoringPointTypeOf } from '@anjian/domain';
import {
  draftDefaultThresholds,
  newPointDraft,
  pointDefinitionFromDraft,
  pointDraftProblems,
  withGradedThreshold,
  withPointType,
  withProcessThreshold,
} from './point-draft.ts';

const objectId = '7b0c5f36-9f55-4d8a-9a3e-2f0f6e1d3c11';

describe('the new-point form', () => {
  it('starts from the type’s default unit, range and interval, and sends no thresholds by default', () => {
    const type = monitoringPointTypeOf('pressure');
    const draft = { ...newPointDraft('pressure', objectId), code: ' PT-01 ', name: ' 1号罐压力 ' };
    expect(draft).toMatchObject({ unit: type.units[0], rangeMin: type.range.min, rangeMax: type.range.max });
    expect(pointDraftProblems(draft)).toEqual([]);
    expect(pointDefinitionFromDraft(draft)).toEqual({
      code: 'PT-01',
      name: '1号罐压力',
      objectId,
      type: 'pressure',
      unit: type.units[0],
      range: type.range,
      expectedIntervalSeconds: type.expectedIntervalSeconds,
    });
  });

  it('keeps code, name and location but takes the new type’s defaults when the type changes', () => {
    const draft = {
      ...newPointDraft('liquid_level', objectId),
      code: 'A',
      name: 'B',
      location: 'C',
      unit: '%',
    };
    const changed = withPointType(draft, 'dry_beach_length');
    expect(changed).toMatchObject({
      code: 'A',
      name: 'B',
      location: 'C',
      objectId,
      type: 'dry_beach_length',
    });
    expect(changed.unit).toBe(monitoringPointTypeOf('dry_beach_length').units[0]);
  });

  it('asks for the site, code, name and interval before anything else', () => {
    const draft = { ...newPointDraft('temperature'), code: 'bad code', expectedIntervalSeconds: 0 };
    expect(pointDraftProblems(draft).map((p) => p.path)).toEqual([
      'objectId',
      'code',
      'name',
      'expectedIntervalSeconds',
    ]);
  });

  it('reports the domain’s consistency problems: range and thresholds', () => {
    const draft = {
      ...newPointDraft('temperature', objectId),
      code: 'TT',
      name: 'T',
      rangeMin: 10,
      rangeMax: 5,
    };
    expect(pointDraftProblems(draft).map((p) => p.path)).toContain('range.max');
    const inverted = {
      ...newPointDraft('temperature', objectId),
      code: 'TT',
      name: 'T',
      useDefaultThresholds: false,
      thresholds: { scheme: 'process' as const, H: { value: 90 }, HH: { value: 80 } },
    };
    expect(pointDraftProblems(inverted).length).toBeGreaterThan(0);
    expect(pointDefinitionFromDraft(inverted).thresholds).toEqual(inverted.thresholds);
  });

  it('shows the gas’s GB/T 50493 set points as defaults of a toxic-gas detector in mg/m³', () => {
    const draft = { ...newPointDraft('toxic_gas', objectId), unit: 'mg/m³', gas: 'h2s' as const };
    const defaults = draftDefaultThresholds(draft);
    expect(defaults?.scheme).toBe('process');
    expect(pointDefinitionFromDraft(draft).gas).toBe('h2s');
    expect(pointDefinitionFromDraft({ ...draft, type: 'temperature' })).not.toHaveProperty('gas');
  });

  it('changes one threshold at a time, keeping colours, and removes it when emptied', () => {
    const process = { scheme: 'process' as const, H: { value: 5, colour: 'red' as const } };
    expect(withProcessThreshold(process, 'H', 6)).toEqual({
      scheme: 'process',
      H: { value: 6, colour: 'red' },
    });
    expect(withProcessThreshold(process, 'H', null)).toEqual({ scheme: 'process' });
    const graded = { scheme: 'graded' as const, side: 'high' as const, red: 9 };
    expect(withGradedThreshold(graded, 'blue', 3)).toEqual({ ...graded, blue: 3 });
    expect(withGradedThreshold(graded, 'red', null)).toEqual({ scheme: 'graded', side: 'high' });
    expect(withGradedThreshold(process, 'red', 1)).toBe(process);
  });
});
