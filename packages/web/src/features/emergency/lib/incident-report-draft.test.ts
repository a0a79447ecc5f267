import { describe, expect, it } from 'vitest';
import { emptyIncidentDraft, incidentReportFromDraft, type IncidentDraft } from './incident-report-draft.ts';

const filled = (overrides: Partial<IncidentDraft> = {}): IncidentDraft => ({
  ...emptyIncidentDraft({ occurredAt: '2026-12-01 08:00:00', county: '530402', reporter: '值班员' }),
  accidentType: 'WSA10023',
  location: '红塔区某化工厂',
  description: '液氯储罐阀门泄漏',
  ...overrides,
});

describe('incident first-report draft', () => {
  it('sends the notification time in Beijing time, and leaves it out when empty (server: the accident time)', () => {
    const told = incidentReportFromDraft(filled({ notifiedAt: '2026-12-01 08:40:00' }));
    expect(told.ok && [told.value.occurredAt, told.value.notifiedAt]).toEqual([
      '2026-12-01T08:00:00+08:00',
      '2026-12-01T08:40:00+08:00',
    ]);
    const plain = incidentReportFromDraft(filled());
    expect(plain.ok && 'notifiedAt' in plain.value).toBe(false);
  });

  it('refuses a notification time before the accident', () => {
    expect(incidentReportFromDraft(filled({ notifiedAt: '2026-12-01 07:59:59' }))).toEqual({
      ok: false,
      problems: { notifiedAt: 'notifiedBeforeAccident' },
    });
  });

  it('names every missing or malformed field', () => {
    const result = incidentReportFromDraft(
      filled({ accidentType: '', location: ' ', description: '短', directLossWan: '1.23456', lon: 102.5 }),
    );
    expect(result).toEqual({
      ok: false,
      problems: {
        accidentType: 'required',
        location: 'required',
        description: 'descriptionShort',
        directLossWan: 'lossInvalid',
        position: 'positionBoth',
      },
    });
  });
});
