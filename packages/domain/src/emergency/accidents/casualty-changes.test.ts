import { describe, expect, it } from 'vitest';
import { AccidentError } from './accident.errors.ts';
import type { AccidentFigures } from './accident-level.ts';
import {
  casualtyChangeWindowDays,
  recountAccidentCasualties,
  type CasualtyChange,
} from './casualty-changes.ts';

const cst = (text: string) => new Date(`${text}+08:00`);
const original: AccidentFigures = { deaths: 2, seriousInjuries: 0, directLossWan: '300' };
const occurredAt = cst('2025-03-01T10:00:00');

const recount = (changes: CasualtyChange[], accidentType = '19', roadTraffic = false, when = occurredAt) =>
  recountAccidentCasualties({ occurredAt: when, accidentType, roadTraffic, original, changes });

describe('casualtyChangeWindowDays (Art. 13)', () => {
  it.each([
    ['19', false, 30],
    ['02', false, 30],
    ['02', true, 7],
    ['08', false, 7],
    ['01', true, 7],
  ])('type %s, road traffic %s → %i days', (type, roadTraffic, days) => {
    expect(casualtyChangeWindowDays(type, roadTraffic)).toBe(days);
  });

  it('refuses an unknown type code', () => {
    expect(() => casualtyChangeWindowDays('99')).toThrow('accident.unknown_type');
  });
});

describe('recountAccidentCasualties: the 30-day window (day 0 = the accident day, China Standard Time)', () => {
  it.each([
    ['day 1', '2025-03-02T08:00:00', true],
    ['day 30, last minute', '2025-03-31T23:59:59', true],
    ['day 31, first minute', '2025-04-01T00:00:00', false],
    ['day 45', '2025-04-15T12:00:00', false],
  ])('a third death on %s (%s) counts: %s', (_day, time, counts) => {
    const result = recount([{ at: cst(time), deaths: 3 }]);
    expect([result.figures.deaths, result.level, result.reclassified]).toEqual(
      counts ? [3, 'larger', true] : [2, 'general', false],
    );
  });

  it('ends the window at the start of day 31 in China Standard Time, not UTC', () => {
    const result = recount([{ at: new Date('2025-03-31T16:30:00Z'), deaths: 3 }]); // 04-01 00:30 CST
    expect(result.windowEndsAt.toISOString()).toBe('2025-03-31T16:00:00.000Z');
    expect(result.level).toBe('general');
    expect(result.ignored).toHaveLength(1);
  });

  it('counts calendar days, so an accident just after midnight keeps almost 31 full days', () => {
    const result = recount(
      [{ at: cst('2025-03-31T23:00:00'), deaths: 3 }],
      '19',
      false,
      cst('2025-03-01T00:10:00'),
    );
    expect(result.level).toBe('larger');
  });

  it('reclassifies 9 deaths to 重大 when a tenth dies on day 30', () => {
    const result = recountAccidentCasualties({
      occurredAt,
      accidentType: '15',
      original: { deaths: 9, seriousInjuries: 4, directLossWan: '800' },
      changes: [{ at: cst('2025-03-31T20:00:00'), deaths: 10, seriousInjuries: 3 }],
    });
    expect(result).toMatchObject({
      windowDays: 30,
      originalLevel: 'larger',
      level: 'major',
      reclassified: true,
      figures: { deaths: 10, seriousInjuries: 3, directLossWan: '800' },
    });
  });

  it('applies changes in time order and keeps only those inside the window', () => {
    const changes = [
      { at: cst('2025-03-20T09:00:00'), deaths: 4 },
      { at: cst('2025-03-05T09:00:00'), deaths: 3, seriousInjuries: 11 },
      { at: cst('2025-04-02T09:00:00'), deaths: 12 },
    ];
    const result = recount(changes);
    expect(result.figures).toEqual({ deaths: 4, seriousInjuries: 11, directLossWan: '300' });
    expect(result.level).toBe('larger');
    expect(result.counted.map((change) => change.deaths)).toEqual([3, 4]);
    expect(result.ignored.map((change) => change.deaths)).toEqual([12]);
  });
});

describe('recountAccidentCasualties: the 7-day window of road traffic and fire accidents', () => {
  it.each([
    ['fire, day 7', '08', false, '2025-03-08T23:59:59', 'larger'],
    ['fire, day 8', '08', false, '2025-03-09T00:00:00', 'general'],
    ['road traffic, day 7', '02', true, '2025-03-08T12:00:00', 'larger'],
    ['road traffic, day 8', '02', true, '2025-03-09T12:00:00', 'general'],
    ['in-plant vehicle (not road traffic), day 8', '02', false, '2025-03-09T12:00:00', 'larger'],
  ])('%s: a third death → %s', (_name, type, roadTraffic, time, level) => {
    expect(recount([{ at: cst(time), deaths: 3 }], type, roadTraffic).level).toBe(level);
  });
});

describe('recountAccidentCasualties: bad input', () => {
  it('refuses a change dated before the accident', () => {
    expect(() => recount([{ at: cst('2025-03-01T09:00:00'), deaths: 3 }])).toThrow(
      'accident.change_before_accident',
    );
  });

  it('refuses a negative death toll in a change', () => {
    expect(() => recount([{ at: cst('2025-03-02T09:00:00'), deaths: -1 }])).toThrow(AccidentError);
  });
});
