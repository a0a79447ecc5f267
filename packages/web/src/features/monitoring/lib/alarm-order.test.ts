import { describe, expect, it } from 'vitest';
import { availableAlarmActions, colourHex, sortAlarmQueue, type QueuedAlarm } from './alarm-order.ts';

const alarm = (
  id: string,
  colour: QueuedAlarm['colour'],
  status: QueuedAlarm['status'],
  raisedAt: string,
): QueuedAlarm => ({ id, colour, status, raisedAt, firedAt: raisedAt });

describe('sortAlarmQueue', () => {
  it('puts red before orange before yellow before blue before alarms without a colour', () => {
    const queue = sortAlarmQueue([
      alarm('device', null, 'firing', '2026-11-29T02:09:00Z'),
      alarm('blue', 'blue', 'firing', '2026-11-29T02:08:00Z'),
      alarm('red', 'red', 'firing', '2026-11-29T02:00:00Z'),
      alarm('yellow', 'yellow', 'firing', '2026-11-29T02:07:00Z'),
      alarm('orange', 'orange', 'firing', '2026-11-29T02:01:00Z'),
    ]);
    expect(queue.map((a) => a.id)).toEqual(['red', 'orange', 'yellow', 'blue', 'device']);
  });

  it('within a colour, puts alarms awaiting a response first, then the newest', () => {
    const queue = sortAlarmQueue([
      alarm('acked-new', 'red', 'acknowledged', '2026-11-29T02:10:00Z'),
      alarm('firing-old', 'red', 'firing', '2026-11-29T02:00:00Z'),
      alarm('firing-new', 'red', 'firing', '2026-11-29T02:05:00Z'),
      alarm('handling-old', 'red', 'handling', '2026-11-29T01:00:00Z'),
    ]);
    expect(queue.map((a) => a.id)).toEqual(['firing-new', 'firing-old', 'acked-new', 'handling-old']);
  });

  it('orders equal alarms by id and leaves the input untouched', () => {
    const input = [
      alarm('b', 'red', 'firing', '2026-11-29T02:00:00Z'),
      alarm('a', 'red', 'firing', '2026-11-29T02:00:00Z'),
    ];
    expect(sortAlarmQueue(input).map((a) => a.id)).toEqual(['a', 'b']);
    expect(input.map((a) => a.id)).toEqual(['b', 'a']);
  });
});

describe('colourHex', () => {
  it.each([
    ['red', '#e0252b'],
    ['orange', '#f5811f'],
    ['yellow', '#f2c811'],
    ['blue', '#1e6fd9'],
    [null, '#8c939d'],
  ] as const)('%s → %s', (colour, hex) => expect(colourHex(colour)).toBe(hex));
});

describe('availableAlarmActions', () => {
  it.each([
    ['firing', 'county', ['acknowledge', 'clear']],
    ['firing', 'enterprise', ['acknowledge', 'clear']],
    ['acknowledged', 'enterprise', ['handle', 'clear']],
    ['acknowledged', 'city', ['clear']],
    ['handling', 'enterprise', ['handle', 'clear']],
    ['cleared', 'county', ['close']],
    ['pending', 'enterprise', []],
    ['closed', 'city', []],
  ] as const)('%s for %s → %j', (status, actor, actions) =>
    expect(availableAlarmActions(status, actor)).toEqual(actions),
  );
});
