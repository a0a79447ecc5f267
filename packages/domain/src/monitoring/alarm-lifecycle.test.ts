import { describe, expect, it } from 'vitest';
import { alarmActionSchema, type AlarmStatus } from './alarm.schema.ts';
import {
  type AlarmActor,
  type AlarmEvent,
  type AlarmRecord,
  alarmEventOf,
  applyAlarmEvent,
  openAlarm,
  systemActor,
} from './alarm-lifecycle.ts';
import type { AlarmTransition } from './alarm-state.ts';
import { at, thrownCode } from './monitoring.test-fixtures.ts';

const enterprise: AlarmActor = { kind: 'enterprise', id: 'user-ent' };
const county: AlarmActor = { kind: 'county', id: 'user-county' };
const city: AlarmActor = { kind: 'city', id: 'user-city' };

const transition = (
  from: AlarmTransition['from'],
  to: AlarmTransition['to'],
  seconds = 0,
): AlarmTransition => ({
  ruleId: 'combustible_gas.h',
  ruleVersion: 1,
  kind: 'threshold',
  from,
  to,
  level: 'H',
  colour: 'yellow',
  value: 30,
  at: at(seconds),
  reason:
    to === 'normal' ? 'returned_to_normal' : to === 'pending' ? 'condition_started' : 'threshold_reached',
});

const step = (alarm: AlarmRecord, event: AlarmEvent, actor: AlarmActor, seconds: number) =>
  applyAlarmEvent(alarm, event, { now: at(seconds), actor }).alarm;

const firing = openAlarm(transition('normal', 'firing'))!;
const acknowledged = step(firing, { action: 'acknowledge' }, enterprise, 60);
const handling = step(
  acknowledged,
  { action: 'handle', assignee: '李强', notes: '现场检查罐区阀门' },
  enterprise,
  120,
);
const disposal = { cause: '法兰垫片老化泄漏', measures: '更换垫片，复测合格' };
const cleared = step(
  handling,
  { action: 'return_to_normal', reason: 'returned_to_normal' },
  systemActor,
  600,
);
const byStatus: Record<Exclude<AlarmStatus, 'pending' | 'closed'>, AlarmRecord> = {
  firing,
  acknowledged,
  handling,
  cleared,
};

describe('opening an alarm from the evaluator', () => {
  it('opens a pending alarm on normal → pending and a firing one on normal → firing', () => {
    expect(openAlarm(transition('normal', 'pending'))).toMatchObject({ status: 'pending', raisedAt: at(0) });
    expect(openAlarm(transition('normal', 'firing'))).toMatchObject({
      status: 'firing',
      raisedAt: at(0),
      firedAt: at(0),
      timeline: [
        { action: 'raise', from: null, to: 'firing', actorKind: 'system', reason: 'threshold_reached' },
      ],
    });
  });

  it.each<[AlarmTransition['from'], AlarmTransition['to'], string | null]>([
    ['pending', 'firing', 'fire'],
    ['firing', 'normal', 'return_to_normal'],
    ['pending', 'normal', 'return_to_normal'],
  ])('maps %s → %s to %s on the open alarm', (from, to, action) => {
    expect(openAlarm(transition(from, to))).toBeNull();
    expect(alarmEventOf(transition(from, to))?.action ?? null).toBe(action);
  });
});

describe('the lifecycle: pending → firing → acknowledged → handling → cleared → closed', () => {
  it('walks the whole way with a timeline', () => {
    const pending = openAlarm(transition('normal', 'pending'))!;
    const fired = step(pending, { action: 'fire' }, systemActor, 60);
    const ack = step(fired, { action: 'acknowledge', note: '已通知班长' }, enterprise, 300);
    const handled = step(ack, { action: 'handle', assignee: '李强', notes: '关闭进料阀' }, enterprise, 400);
    const auto = step(handled, { action: 'return_to_normal' }, systemActor, 900);
    const closed = step(auto, { action: 'close', disposal }, enterprise, 1200);
    expect(closed).toMatchObject({
      status: 'closed',
      raisedAt: at(0),
      firedAt: at(60),
      acknowledgedAt: at(300),
      assignee: '李强',
      clearedAt: at(900),
      clearedBy: 'auto',
      disposal,
      closedAt: at(1200),
    });
    expect(closed.timeline.map((entry) => [entry.action, entry.from, entry.to, entry.actorKind])).toEqual([
      ['raise', null, 'pending', 'system'],
      ['fire', 'pending', 'firing', 'system'],
      ['acknowledge', 'firing', 'acknowledged', 'enterprise'],
      ['handle', 'acknowledged', 'handling', 'enterprise'],
      ['return_to_normal', 'handling', 'cleared', 'system'],
      ['close', 'cleared', 'closed', 'enterprise'],
    ]);
  });

  it('closes a pending alarm that went back to normal before firing: nothing to handle', () => {
    const pending = openAlarm(transition('normal', 'pending'))!;
    expect(step(pending, { action: 'return_to_normal' }, systemActor, 30)).toMatchObject({
      status: 'closed',
      closedAt: at(30),
    });
  });

  it.each<[keyof typeof byStatus, AlarmActor]>([
    ['firing', enterprise],
    ['acknowledged', county],
    ['handling', city],
  ])('clears by hand (消警) from %s by the %s, with the reason', (status, actor) => {
    const result = step(
      byStatus[status],
      { action: 'clear', reason: '传感器标定中，已现场确认无泄漏' },
      actor,
      700,
    );
    expect(result).toMatchObject({
      status: 'cleared',
      clearedAt: at(700),
      clearedBy: actor.kind,
      clearReason: '传感器标定中，已现场确认无泄漏',
    });
  });

  it('lets the handler change the assignee and add notes while handling', () => {
    const result = step(
      handling,
      { action: 'handle', assignee: '王芳', notes: '交接给维修班' },
      enterprise,
      200,
    );
    expect(result.status).toBe('handling');
    expect(result.assignee).toBe('王芳');
    expect(result.timeline.at(-1)?.note).toBe('交接给维修班');
  });

  it('ignores a system event on an alarm already cleared or closed by hand', () => {
    const manual = step(firing, { action: 'clear', reason: '误报' }, county, 100);
    const result = applyAlarmEvent(
      manual,
      { action: 'return_to_normal' },
      { now: at(200), actor: systemActor },
    );
    expect(result).toEqual({ alarm: manual, entry: null });
  });
});

describe('what is refused', () => {
  it.each<[string, AlarmRecord, AlarmEvent, AlarmActor, string]>([
    [
      'acknowledging twice',
      acknowledged,
      { action: 'acknowledge' },
      enterprise,
      'monitoring.illegal_transition',
    ],
    [
      'handling before acknowledging',
      firing,
      { action: 'handle', assignee: 'a', notes: 'bb' },
      enterprise,
      'monitoring.illegal_transition',
    ],
    [
      'closing a firing alarm',
      firing,
      { action: 'close', disposal },
      enterprise,
      'monitoring.illegal_transition',
    ],
    [
      'clearing a cleared alarm',
      cleared,
      { action: 'clear', reason: '再次消警' },
      county,
      'monitoring.illegal_transition',
    ],
    [
      'the county handling',
      acknowledged,
      { action: 'handle', assignee: 'a', notes: 'bb' },
      county,
      'monitoring.action_not_allowed',
    ],
    ['a person firing', firing, { action: 'fire' }, enterprise, 'monitoring.action_not_allowed'],
    [
      'clearing without a reason',
      firing,
      { action: 'clear', reason: '  ' },
      enterprise,
      'monitoring.reason_required',
    ],
    [
      'handling without an assignee',
      acknowledged,
      { action: 'handle', assignee: ' ', notes: 'bb' },
      enterprise,
      'monitoring.assignee_required',
    ],
    [
      'closing without the disposal feedback',
      cleared,
      { action: 'close' },
      enterprise,
      'monitoring.disposal_required',
    ],
    [
      'closing with an empty cause',
      cleared,
      { action: 'close', disposal: { cause: ' ', measures: '更换' } },
      city,
      'monitoring.disposal_required',
    ],
  ])('%s', (_, alarm, event, actor, code) => {
    expect(thrownCode(() => applyAlarmEvent(alarm, event, { now: at(1000), actor }))).toBe(code);
  });
});

describe('alarmActionSchema', () => {
  it.each<[unknown, boolean]>([
    [{ action: 'acknowledge' }, true],
    [{ action: 'handle', assignee: '李强', notes: '关闭进料阀' }, true],
    [{ action: 'handle', assignee: '李强' }, false],
    [{ action: 'clear', reason: '误报，探头受潮' }, true],
    [{ action: 'clear' }, false],
    [{ action: 'clear', reason: ' ' }, false],
    [{ action: 'close', disposal }, true],
    [{ action: 'close', disposal: { cause: '泄漏' } }, false],
    [{ action: 'fire' }, false],
  ])('%j: valid %s', (body, valid) => {
    expect(alarmActionSchema.safeParse(body).success).toBe(valid);
  });
});
