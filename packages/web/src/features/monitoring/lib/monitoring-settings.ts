/*
 * The monitoring settings (监测预警参数) as GET/PUT /api/v1/monitoring/settings answer and take
 * them, with the server's bounds so the form can say what is wrong before the round trip.
 */

export interface MonitoringSettings {
  escalation: { responseMinutes: number; cityAfterMinutes: number };
  repeat: { count: number; periodHours: number };
  normalMinutesBeforeAcceptance: number;
}

/** Each field's path and its inclusive bounds (the server's settings schema). */
export const settingsBounds = {
  'escalation.responseMinutes': { min: 1, max: 10_080 },
  'escalation.cityAfterMinutes': { min: 0, max: 10_080 },
  'repeat.count': { min: 2, max: 1000 },
  'repeat.periodHours': { min: 1, max: 8760 },
  normalMinutesBeforeAcceptance: { min: 0, max: 43_200 },
} as const;
export type SettingsField = keyof typeof settingsBounds;

export interface SettingsForm {
  responseMinutes: number | null;
  cityAfterMinutes: number | null;
  repeatCount: number | null;
  repeatPeriodHours: number | null;
  normalMinutesBeforeAcceptance: number | null;
}

export function settingsForm(settings: MonitoringSettings): SettingsForm {
  return {
    responseMinutes: settings.escalation.responseMinutes,
    cityAfterMinutes: settings.escalation.cityAfterMinutes,
    repeatCount: settings.repeat.count,
    repeatPeriodHours: settings.repeat.periodHours,
    normalMinutesBeforeAcceptance: settings.normalMinutesBeforeAcceptance,
  };
}

const fieldOf: Record<keyof SettingsForm, SettingsField> = {
  responseMinutes: 'escalation.responseMinutes',
  cityAfterMinutes: 'escalation.cityAfterMinutes',
  repeatCount: 'repeat.count',
  repeatPeriodHours: 'repeat.periodHours',
  normalMinutesBeforeAcceptance: 'normalMinutesBeforeAcceptance',
};

/** Form fields that are empty, not whole numbers or out of bounds, with the bounds to show. */
export function settingsProblems(
  form: SettingsForm,
): { field: keyof SettingsForm; min: number; max: number }[] {
  return (Object.keys(fieldOf) as (keyof SettingsForm)[]).flatMap((field) => {
    const value = form[field];
    const { min, max } = settingsBounds[fieldOf[field]];
    const fine = value !== null && Number.isInteger(value) && value >= min && value <= max;
    return fine ? [] : [{ field, min, max }];
  });
}

/** The body PUT takes; call only when settingsProblems is empty. */
export function settingsFromForm(form: SettingsForm): MonitoringSettings {
  const n = (value: number | null) => value ?? 0;
  return {
    escalation: { responseMinutes: n(form.responseMinutes), cityAfterMinutes: n(form.cityAfterMinutes) },
    repeat: { count: n(form.repeatCount), periodHours: n(form.repeatPeriodHours) },
    normalMinutesBeforeAcceptance: n(form.normalMinutesBeforeAcceptance),
  };
}
