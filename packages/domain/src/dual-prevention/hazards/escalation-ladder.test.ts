import { describe, expect, it } from 'vitest';
import { evaluateHazardEscalation } from './deadline-escalation.ts';
import {
  checkEscalationSettings,
  defaultHazardEscalationSettings,
  dueEscalationSteps,
  escalationHorizon,
  escalationRulesOf,
  type EscalationLadderInput,
} from './escalation-ladder.ts';

// Deadline day 2025-03-31 (China Standard Time) runs out at 2025-04-01 00:00 +08:00.
const at = (time: string) => new Date(`${time}+08:00`);
const general: EscalationLadderInput = { level: 'general', status: 'rectifying', deadline: '2025-03-31' };

describe('dueEscalationSteps: 提醒, 警示, 通报 (N), 约谈 (M) at each boundary', () => {
  it.each<[string, string | null]>([
    ['2025-03-28T23:59:59.999', null],
    ['2025-03-29T00:00:00.000', 'reminder'],
    ['2025-03-31T23:59:59.999', 'reminder'],
    ['2025-04-01T00:00:00.000', 'warning'],
    ['2025-04-07T23:59:59.999', 'warning'],
    ['2025-04-08T00:00:00.000', 'notice'],
    ['2025-04-30T23:59:59.999', 'notice'],
    ['2025-05-01T00:00:00.000', 'interview'],
  ])('一般 with the defaults (3 before, N = 7, M = 30) at %s: %s', (time, step) => {
    const due = dueEscalationSteps(general, at(time));
    expect(due.map((d) => d.step)).toEqual(step ? [step] : []);
  });

  it('agrees with the escalation state the hazard shows', () => {
    const state = {
      reminder: 'due_soon',
      warning: 'overdue',
      notice: 'escalated_county',
      interview: 'escalated_city',
    };
    for (const time of [
      '2025-03-30T12:00:00',
      '2025-04-03T00:00:00',
      '2025-04-20T00:00:00',
      '2025-06-01T00:00:00',
    ]) {
      const [due] = dueEscalationSteps(general, at(time));
      const shown = evaluateHazardEscalation({ ...general, source: 'self_check' }, at(time)).state;
      expect(state[due!.step]).toBe(shown);
    }
  });

  it('names the key, the moment it became due and who hears of it', () => {
    expect(dueEscalationSteps(general, at('2025-04-09T10:00:00'))).toEqual([
      {
        subject: 'deadline',
        step: 'notice',
        deadline: '2025-03-31',
        dueAt: at('2025-04-08T00:00:00'),
        recipients: ['enterprise', 'county'],
        key: 'deadline:notice:2025-03-31',
      },
    ]);
    expect(dueEscalationSteps(general, at('2025-05-09T10:00:00'))[0]!.recipients).toEqual([
      'enterprise',
      'county',
      'city',
    ]);
  });

  it('uses the configured N and M', () => {
    const rules = escalationRulesOf({
      ...defaultHazardEscalationSettings,
      general: { reminderDaysBefore: 0, noticeAfterDays: 2, interviewAfterDays: 2 },
    });
    expect(dueEscalationSteps(general, at('2025-03-31T23:59:59.999'), rules)).toEqual([]);
    expect(dueEscalationSteps(general, at('2025-04-02T23:59:59.999'), rules)[0]!.step).toBe('warning');
    expect(dueEscalationSteps(general, at('2025-04-03T00:00:00.000'), rules)[0]!.step).toBe('interview');
  });

  it('runs a 挂牌督办 deadline on the 重大 days, with the listing level told, until 核销', () => {
    const listed: EscalationLadderInput = {
      level: 'general',
      status: 'reported',
      supervision: { level: 'city', deadline: '2025-03-31', closed: false },
    };
    // 重大: reminder 7 days before.
    expect(dueEscalationSteps(listed, at('2025-03-24T23:59:59.999'))).toEqual([]);
    expect(dueEscalationSteps(listed, at('2025-03-25T00:00:00.000'))).toMatchObject([
      { subject: 'supervision', step: 'reminder', recipients: ['enterprise', 'city'] },
    ]);
    const closed = { ...listed, supervision: { ...listed.supervision!, closed: true } };
    expect(dueEscalationSteps(closed, at('2025-05-25T00:00:00.000'))).toEqual([]);
  });

  it('stays silent once the rectification is submitted, or when there is no deadline', () => {
    for (const status of ['pending_acceptance', 'closed', 'dismissed'] as const) {
      expect(dueEscalationSteps({ ...general, status }, at('2025-06-01T00:00:00'))).toEqual([]);
    }
    expect(dueEscalationSteps({ level: 'major', status: 'reported' }, at('2025-06-01T00:00:00'))).toEqual([]);
  });

  it('looks ahead by the longest reminder, and refuses N after M', () => {
    const rules = escalationRulesOf(defaultHazardEscalationSettings);
    expect(escalationHorizon(at('2025-03-24T23:00:00'), rules)).toBe('2025-04-01');
    expect(() =>
      checkEscalationSettings({
        ...defaultHazardEscalationSettings,
        major: { reminderDaysBefore: 7, noticeAfterDays: 8, interviewAfterDays: 7 },
      }),
    ).toThrow(expect.objectContaining({ code: 'hazard.escalation_rules_invalid' }));
  });
});
