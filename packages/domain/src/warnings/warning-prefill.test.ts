import { describe, expect, it } from 'vitest';
import { levelOfAlarm, thinRing, warningDraftFromZone } from './warning-prefill.ts';

describe('pre-filled warning drafts', () => {
  it.each([
    [{ colour: 'red', level: 'H' }, 'red'],
    [{ colour: 'blue', level: null }, 'blue'],
    [{ colour: null, level: 'HH' }, 'orange'],
    [{ colour: null, level: 'LL' }, 'orange'],
    [{ colour: null, level: 'H' }, 'yellow'],
    [{ colour: null, level: null }, 'yellow'],
  ] as const)('maps an alarm %o to the %s level', (alarm, level) => {
    expect(levelOfAlarm(alarm)).toBe(level);
  });

  it('keeps a footprint of at most 500 corners, rounded to 1e-5 degrees', () => {
    const ring = Array.from({ length: 1200 }, (_, i) => ({
      lat: 24 + Math.sin(i / 200) * 0.0123456,
      lon: 102 + Math.cos(i / 200) * 0.0123456,
    }));
    const thinned = thinRing(ring);
    expect(thinned).toHaveLength(400);
    expect(thinned[0]).toEqual({ lat: 24, lon: 102.01235 });
  });

  it('turns the evacuation radius into a CAP circle at the site, red from 1 km', () => {
    const at = new Date('2026-11-29T02:00:00Z');
    const facts = {
      id: '00000000-0000-4000-8000-000000000001',
      county: '530402',
      location: '研和街道',
      enterpriseName: null,
      site: { lat: 24.3, lon: 102.55 },
      footprint: null,
      evacuationRadiusM: 999.6,
      chemical: '氯',
    };
    const near = warningDraftFromZone(facts, at).draft;
    expect(near.level).toBe('red');
    expect(near.area.circle).toEqual({ center: { lat: 24.3, lon: 102.55 }, radiusKm: 1 });
    expect(near.onset).toBe('2026-11-29T10:00:00+08:00');
    expect(near.expires).toBe('2026-11-29T22:00:00+08:00');
    expect(warningDraftFromZone({ ...facts, evacuationRadiusM: 400 }, at).draft.level).toBe('orange');
  });
});
