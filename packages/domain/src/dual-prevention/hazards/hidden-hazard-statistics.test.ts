import { describe, expect, it } from 'vitest';
import { summariseHiddenHazards } from './hidden-hazard-statistics.ts';

describe('summariseHiddenHazards', () => {
  const hazards = [
    { status: 'reported', level: 'general', escalation: 'on_time' },
    { status: 'rectifying', level: 'major', escalation: 'escalated_county' },
    { status: 'rectifying', level: 'general', escalation: 'due_soon' },
    { status: 'rectifying', level: 'general' },
    { status: 'pending_acceptance', level: 'major', escalation: 'on_time' },
    { status: 'closed', level: 'major', escalation: 'on_time' },
    { status: 'closed', level: 'general' },
    { status: 'dismissed', level: 'general' },
  ] as const;

  it('counts per status and level, with zeros for empty statuses', () => {
    const statistics = summariseHiddenHazards(hazards);
    expect(statistics.total).toEqual({ general: 5, major: 3, total: 8 });
    expect(statistics.byStatus).toEqual({
      reported: { general: 1, major: 0, total: 1 },
      rectifying: { general: 2, major: 1, total: 3 },
      pending_acceptance: { general: 0, major: 1, total: 1 },
      closed: { general: 1, major: 1, total: 2 },
      dismissed: { general: 1, major: 0, total: 1 },
    });
    expect(statistics.open).toEqual({ general: 3, major: 2, total: 5 });
  });

  it('counts deadline states of open hazards only', () => {
    expect(summariseHiddenHazards(hazards).byEscalation).toEqual({
      on_time: { general: 1, major: 1, total: 2 },
      due_soon: { general: 1, major: 0, total: 1 },
      overdue: { general: 0, major: 0, total: 0 },
      escalated_county: { general: 0, major: 1, total: 1 },
      escalated_city: { general: 0, major: 0, total: 0 },
    });
  });

  it('answers zeros for no hazards', () => {
    expect(summariseHiddenHazards([]).total).toEqual({ general: 0, major: 0, total: 0 });
  });
});
