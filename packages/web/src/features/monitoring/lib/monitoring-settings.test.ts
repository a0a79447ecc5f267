import { describe, expect, it } from 'vitest';
import { settingsForm, settingsFromForm, settingsProblems } from './monitoring-settings.ts';

const defaults = {
  escalation: { responseMinutes: 30, cityAfterMinutes: 30 },
  repeat: { count: 3, periodHours: 24 },
  normalMinutesBeforeAcceptance: 60,
};

describe('the monitoring settings form', () => {
  it('round-trips the settings the server answers', () => {
    const form = settingsForm(defaults);
    expect(settingsProblems(form)).toEqual([]);
    expect(settingsFromForm(form)).toEqual(defaults);
  });

  it('accepts each bound and refuses one past it, empty or fractional', () => {
    const form = settingsForm(defaults);
    expect(settingsProblems({ ...form, responseMinutes: 1, cityAfterMinutes: 0, repeatCount: 2 })).toEqual(
      [],
    );
    expect(
      settingsProblems({ ...form, repeatPeriodHours: 8760, normalMinutesBeforeAcceptance: 43_200 }),
    ).toEqual([]);
    expect(settingsProblems({ ...form, responseMinutes: 0 })).toEqual([
      { field: 'responseMinutes', min: 1, max: 10_080 },
    ]);
    expect(settingsProblems({ ...form, repeatCount: 1, repeatPeriodHours: null })).toEqual([
      { field: 'repeatCount', min: 2, max: 1000 },
      { field: 'repeatPeriodHours', min: 1, max: 8760 },
    ]);
    expect(settingsProblems({ ...form, normalMinutesBeforeAcceptance: 1.5 })).toEqual([
      { field: 'normalMinutesBeforeAcceptance', min: 0, max: 43_200 },
    ]);
  });
});
