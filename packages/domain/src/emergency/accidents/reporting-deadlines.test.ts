import { describe, expect, it } from 'vitest';
import { AccidentError } from './accident.errors.ts';
import type { AccidentLevel } from './accident-level.ts';
import { planAccidentReporting } from './reporting-deadlines.ts';

const occurredAt = new Date('2025-03-01T10:00:00+08:00');
const at = (time: string) => new Date(`2025-03-01T${time}:00+08:00`).toISOString();

describe('planAccidentReporting (国务院令第493号 Arts. 9–11)', () => {
  it.each<[AccidentLevel, [string, string][]]>([
    [
      'general',
      [
        ['site_to_unit', at('10:00')],
        ['unit_to_county', at('11:00')],
        ['county_to_city', at('13:00')],
      ],
    ],
    [
      'larger',
      [
        ['site_to_unit', at('10:00')],
        ['unit_to_county', at('11:00')],
        ['county_to_city', at('13:00')],
        ['city_to_province', at('15:00')],
      ],
    ],
    [
      'major',
      [
        ['site_to_unit', at('10:00')],
        ['unit_to_county', at('11:00')],
        ['county_to_city', at('13:00')],
        ['city_to_province', at('15:00')],
        ['province_to_state', at('17:00')],
      ],
    ],
    [
      'especially_major',
      [
        ['site_to_unit', at('10:00')],
        ['unit_to_county', at('11:00')],
        ['county_to_city', at('13:00')],
        ['city_to_province', at('15:00')],
        ['province_to_state', at('17:00')],
      ],
    ],
  ])('a %s accident at 10:00 is reported up to these latest times', (level, expected) => {
    const plan = planAccidentReporting({ level, occurredAt });
    expect(plan.steps.map((step) => [step.id, step.latestAt.toISOString()])).toEqual(expected);
  });

  it('gives each step its limit and what the limit counts from', () => {
    const plan = planAccidentReporting({ level: 'larger', occurredAt });
    expect(plan.steps.map((step) => [step.id, step.limitMinutes, step.countsFrom])).toEqual([
      ['site_to_unit', 0, 'occurred'],
      ['unit_to_county', 60, 'unit_informed'],
      ['county_to_city', 120, 'unit_to_county'],
      ['city_to_province', 120, 'county_to_city'],
    ]);
    expect(plan.steps[1]?.recipientAlsoNotifiesZh).toEqual([
      '公安机关',
      '劳动保障行政部门',
      '工会',
      '人民检察院',
    ]);
  });

  it('counts the unit’s hour from when its responsible person was told', () => {
    const plan = planAccidentReporting({
      level: 'general',
      occurredAt,
      unitInformedAt: new Date('2025-03-01T10:20:00+08:00'),
    });
    expect(plan.steps.map((step) => step.latestAt.toISOString())).toEqual([
      at('10:00'),
      at('11:20'),
      at('13:20'),
    ]);
  });

  it.each<[AccidentLevel, number]>([
    ['general', 1],
    ['larger', 1],
    ['major', 2],
    ['especially_major', 2],
  ])('asks for follow-up reports on a %s accident %i time(s) a day', (level, perDay) => {
    expect(planAccidentReporting({ level, occurredAt }).followUpReportsPerDay).toBe(perDay);
  });

  it('takes the follow-up frequency from the options', () => {
    const options = { followUpReportsPerDay: { general: 1, larger: 2, major: 3, especially_major: 4 } };
    expect(planAccidentReporting({ level: 'larger', occurredAt }, options).followUpReportsPerDay).toBe(2);
  });

  it('refuses an accident time that is not a date', () => {
    expect(() => planAccidentReporting({ level: 'general', occurredAt: new Date('not a date') })).toThrow(
      'accident.invalid_time',
    );
  });

  it('refuses a unit informed before the accident', () => {
    expect(() =>
      planAccidentReporting({
        level: 'general',
        occurredAt,
        unitInformedAt: new Date('2025-03-01T09:59:00+08:00'),
      }),
    ).toThrow(AccidentError);
  });
  it('runs the next level from when it received the report, never past the deadline', () => {
    const latest = (sentAt: Parameters<typeof planAccidentReporting>[0]['sentAt']) =>
      planAccidentReporting({ level: 'larger', occurredAt, sentAt }).steps.map((s) => [
        s.id,
        s.latestAt.toISOString(),
      ]);
    // The county records the accident at 10:20: the unit's report reached it then, so the city's
    // two hours end at 12:20, and the province's at 14:20.
    expect(latest({ unit_to_county: new Date(at('10:20')) })).toEqual([
      ['site_to_unit', at('10:00')],
      ['unit_to_county', at('11:00')],
      ['county_to_city', at('12:20')],
      ['city_to_province', at('14:20')],
    ]);
    // A report made late does not push the next level's deadline past the lawful one.
    expect(latest({ unit_to_county: new Date(at('11:30')) })[2]).toEqual(['county_to_city', at('13:00')]);
  });
});
