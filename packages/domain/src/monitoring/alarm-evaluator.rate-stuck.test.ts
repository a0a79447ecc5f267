import { describe, expect, it } from 'vitest';
import { resolved, ruleFor, run, type Step, summary } from './monitoring.test-fixtures.ts';
import type { PointForRules } from './resolve-point-rules.ts';

const tank: PointForRules = {
  code: 'LT-9',
  type: 'liquid_level',
  unit: 'm',
  range: { min: 0, max: 20 },
  expectedIntervalSeconds: 60,
};

describe('rate of change: Δ per minute over the window', () => {
  const rise = (extra: Record<string, unknown> = {}) =>
    resolved(tank, [
      ruleFor(tank, {
        kind: 'rate_of_change',
        direction: 'rise',
        limitPerMinute: 2,
        windowSeconds: 60,
        ...extra,
      }),
    ]);

  it.each<[string, Step[], string]>([
    [
      '2 m in 60 s: exactly the limit',
      [
        [0, 5],
        [60, 7],
      ],
      'firing',
    ],
    [
      '1.99 m in 60 s',
      [
        [0, 5],
        [60, 6.99],
      ],
      'normal',
    ],
    [
      'a fall does not trip a rise rule',
      [
        [0, 7],
        [60, 5],
      ],
      'normal',
    ],
    [
      '10 m within 30 s: the window is not full yet',
      [
        [0, 5],
        [30, 15],
      ],
      'normal',
    ],
  ])('rise ≥ 2 m/min: %s → %s', (_, steps, status) => {
    expect(run(rise(), steps).state.rules.r?.status).toBe(status);
  });

  it('clears below limit − deadband and not at it (2 − 0.5 = 1.5 m/min)', () => {
    const firing: Step[] = [
      [0, 0],
      [60, 2],
    ];
    const stays = run(rise({ deadband: 0.5 }), [...firing, [120, 3.5]]);
    expect(stays.state.rules.r?.status).toBe('firing');
    const clears = run(rise({ deadband: 0.5 }), [...firing, [120, 3.5], [180, 4.99]]);
    expect(summary(clears.transitions)).toEqual([
      [60, 'normal→firing', 'rate_exceeded'],
      [180, 'firing→normal', 'returned_to_normal'],
    ]);
  });

  it.each<['fall' | 'either', Step[], string]>([
    [
      'fall',
      [
        [0, 10],
        [60, 8],
      ],
      'firing',
    ],
    [
      'fall',
      [
        [0, 8],
        [60, 10],
      ],
      'normal',
    ],
    [
      'either',
      [
        [0, 10],
        [60, 8],
      ],
      'firing',
    ],
    [
      'either',
      [
        [0, 8],
        [60, 10],
      ],
      'firing',
    ],
  ])('%s: %j → %s', (direction, steps, status) => {
    const rules = resolved(tank, [
      ruleFor(tank, { kind: 'rate_of_change', direction, limitPerMinute: 2, windowSeconds: 60 }),
    ]);
    expect(run(rules, steps).state.rules.r?.status).toBe(status);
  });

  it('measures over at least the window, from the newest checkpoint that old', () => {
    // Window 120 s, readings every 60 s: at 180 s the base is the reading at 60 s (120 s old).
    const rules = resolved(tank, [
      ruleFor(tank, { kind: 'rate_of_change', direction: 'rise', limitPerMinute: 1, windowSeconds: 120 }),
    ]);
    const steps: Step[] = [
      [0, 0],
      [60, 0],
      [120, 1],
      [180, 2],
    ];
    expect(summary(run(rules, steps).transitions)).toEqual([[180, 'normal→firing', 'rate_exceeded']]);
  });

  it('keeps a small state: a few checkpoints however long it runs', () => {
    const rules = rise({ windowSeconds: 600 });
    const steps = Array.from({ length: 500 }, (_, i): Step => [i * 10, 5]);
    const samples = run(rules, steps).state.rules.r?.samples ?? [];
    expect(samples.length).toBeGreaterThanOrEqual(4);
    expect(samples.length).toBeLessThanOrEqual(6);
  });
});

describe('stuck: unchanged within ± epsilon for N intervals', () => {
  // Interval 60 s, 5 intervals: stuck after 300 s; epsilon 0.1 m, inclusive.
  const rules = resolved(tank, [ruleFor(tank, { kind: 'stuck', epsilon: 0.1, intervals: 5 })]);

  it.each<[string, Step[], string]>([
    [
      'unchanged for 240 s',
      [
        [0, 10],
        [60, 10],
        [120, 10],
        [180, 10],
        [240, 10],
      ],
      'normal',
    ],
    [
      'within exactly epsilon for 300 s',
      [
        [0, 10],
        [120, 10.05],
        [300, 10.1],
      ],
      'firing',
    ],
    [
      'just beyond epsilon at 300 s',
      [
        [0, 10],
        [120, 10.05],
        [300, 10.11],
      ],
      'normal',
    ],
    [
      'a slow drift moves the reference',
      [
        [0, 10],
        [100, 10.08],
        [200, 10.16],
        [300, 10.24],
      ],
      'normal',
    ],
  ])('%s → %s', (_, steps, status) => {
    expect(run(rules, steps).state.rules.r?.status).toBe(status);
  });

  it('fires at the reading that shows it and clears when the value moves', () => {
    const result = run(rules, [
      [0, 10],
      [300, 10],
      [360, 10],
      [420, 10.5],
    ]);
    expect(summary(result.transitions)).toEqual([
      [300, 'normal→firing', 'value_stuck'],
      [420, 'firing→normal', 'value_changed'],
    ]);
    expect(result.transitions[0]?.colour).toBeNull();
  });
});
