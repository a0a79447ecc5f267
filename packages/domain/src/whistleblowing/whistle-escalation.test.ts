import { describe, expect, it } from 'vitest';
import { dueWhistleEscalationSteps, whistleEscalationAudience } from './whistle-escalation.ts';

const received = {
  status: 'received' as const,
  acceptanceDue: '2026-12-10',
  verificationDue: null,
  assignedDeadline: null,
};

describe('the whistleblowing escalation ladder', () => {
  it('climbs the acceptance ladder: 提醒 the day before, 警示 the day after, 通报 after 5 days', () => {
    expect(dueWhistleEscalationSteps(received, '2026-12-08')!.steps).toEqual([]);
    expect(dueWhistleEscalationSteps(received, '2026-12-09')!.steps).toEqual(['reminder']);
    expect(dueWhistleEscalationSteps(received, '2026-12-10')!.steps).toEqual(['reminder']);
    expect(dueWhistleEscalationSteps(received, '2026-12-11')!.steps).toEqual(['reminder', 'warning']);
    expect(dueWhistleEscalationSteps(received, '2026-12-15')).toEqual({
      subject: 'acceptance',
      deadline: '2026-12-10',
      steps: ['reminder', 'warning', 'notice'],
    });
  });

  it('runs verification against the earlier of the county deadline and the 60 days', () => {
    const accepted = {
      status: 'accepted' as const,
      acceptanceDue: '2026-12-10',
      verificationDue: '2027-02-01',
      assignedDeadline: '2026-12-20',
    };
    expect(dueWhistleEscalationSteps(accepted, '2026-12-13')).toEqual({
      subject: 'verification',
      deadline: '2026-12-20',
      steps: ['reminder'],
    });
    expect(dueWhistleEscalationSteps({ ...accepted, assignedDeadline: null }, '2027-02-17')!.steps).toEqual([
      'reminder',
      'warning',
      'notice',
    ]);
  });

  it('stops once the report is decided, verified or replied', () => {
    for (const status of ['not_accepted', 'transferred', 'verified', 'replied'] as const)
      expect(dueWhistleEscalationSteps({ ...received, status }, '2027-06-01')).toBeNull();
  });

  it('tells the city from 通报 on', () => {
    expect(whistleEscalationAudience('warning')).toEqual(['county']);
    expect(whistleEscalationAudience('notice')).toEqual(['county', 'city']);
  });
});
