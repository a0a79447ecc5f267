import { describe, expect, it } from 'vitest';
import { shouldAlert, type StreamEvent } from './alarm-alerts.ts';

const base: StreamEvent = {
  type: 'alarm',
  id: 'a1',
  objectId: 'o1',
  status: 'firing',
  colour: 'red',
  county: '530402',
  enterpriseId: 'e1',
  at: '2026-11-29T02:00:00Z',
};

describe('shouldAlert', () => {
  it.each([
    ['a new red alarm', base, true],
    ['a new orange alarm', { ...base, colour: 'orange' as const }, true],
    ['a yellow alarm', { ...base, colour: 'yellow' as const }, false],
    ['a blue alarm', { ...base, colour: 'blue' as const }, false],
    ['a device alarm without colour', { ...base, colour: null }, false],
    ['a red alarm still pending its duration', { ...base, status: 'pending' }, false],
    ['a red alarm acknowledged', { ...base, status: 'acknowledged' }, false],
    ['a warning change', { ...base, type: 'warning' as const, to: 'red' as const }, false],
  ])('%s → %s', (_name, event, expected) => expect(shouldAlert(event, new Set())).toBe(expected));

  it('alerts once per alarm', () => {
    expect(shouldAlert(base, new Set(['a1']))).toBe(false);
  });
});
