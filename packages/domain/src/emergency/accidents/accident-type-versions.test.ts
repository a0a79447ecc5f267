import { describe, expect, it } from 'vitest';
import {
  accidentTypeVersionFor,
  checkAccidentType,
  defaultAccidentTypeOptions,
  type AccidentTypeOptions,
} from './accident-type-versions.ts';
import { gb6441v1986To2025Suggestions, gb6441v2025AccidentTypes } from './accident-types-2025.ts';
import { casualtyChangeWindowDays } from './casualty-changes.ts';
import { AccidentError } from './accident.errors.ts';

function errorOf(action: () => unknown): AccidentError {
  try {
    action();
  } catch (error) {
    if (error instanceof AccidentError) return error;
    throw error;
  }
  throw new Error('expected an AccidentError');
}

describe('GB 6441 version by accident date (China time)', () => {
  it.each([
    ['2026-06-30T23:59:59+08:00', 'GB6441-1986'],
    ['2026-06-30T15:59:59Z', 'GB6441-1986'], // 23:59:59 in Beijing
    ['2026-06-30T16:00:00Z', 'GB6441-2025'], // 2026-07-01 00:00 in Beijing
    ['2026-07-01T00:00:00+08:00', 'GB6441-2025'],
    ['2026-07-01T07:59:59+00:00', 'GB6441-2025'],
    ['2020-01-01T12:00:00+08:00', 'GB6441-1986'],
  ])('an accident at %s is classified by %s', (at, version) => {
    expect(accidentTypeVersionFor(new Date(at)).id).toBe(version);
  });

  it('takes the effective date from the options (data, not code)', () => {
    const later: AccidentTypeOptions = {
      versions: defaultAccidentTypeOptions.versions.map((v) =>
        v.id === 'GB6441-2025' ? { ...v, effectiveFrom: '2027-01-01' } : v,
      ),
    };
    expect(accidentTypeVersionFor(new Date('2026-07-01T00:00:00+08:00'), later).id).toBe('GB6441-1986');
    expect(accidentTypeVersionFor(new Date('2027-01-01T00:00:00+08:00'), later).id).toBe('GB6441-2025');
  });
});

describe('checkAccidentType', () => {
  const lastOld = new Date('2026-06-30T23:59:00+08:00');
  const firstNew = new Date('2026-07-01T00:01:00+08:00');

  it('accepts a 1986 code on 2026-06-30 and a 2025 code on 2026-07-01', () => {
    expect(checkAccidentType('08', lastOld).zh).toBe('火灾');
    expect(checkAccidentType('WSA10009', firstNew).zh).toBe('火灾');
    expect(checkAccidentType(' wsa10023 ', firstNew).zh).toBe('中毒');
  });

  it('refuses a 2025 code for an accident on 2026-06-30, naming both versions', () => {
    const error = errorOf(() => checkAccidentType('WSA10009', lastOld));
    expect([error.code, error.details]).toEqual([
      'accident.type_version_mismatch',
      {
        input: 'WSA10009',
        codeVersion: 'GB6441-2025',
        requiredVersion: 'GB6441-1986',
        accidentDate: '2026-06-30',
      },
    ]);
  });

  it('refuses a 1986 code for an accident on 2026-07-01', () => {
    const error = errorOf(() => checkAccidentType('19', firstNew));
    expect([error.code, error.details.requiredVersion]).toEqual([
      'accident.type_version_mismatch',
      'GB6441-2025',
    ]);
  });

  it('refuses an unknown code', () => {
    expect(errorOf(() => checkAccidentType('WSA19999', firstNew)).code).toBe('accident.unknown_type');
    expect(errorOf(() => checkAccidentType('21', lastOld)).code).toBe('accident.unknown_type');
  });
});

describe('GB 6441-2025 list (unconfirmed transcription)', () => {
  it('has the 27 transcribed types 0001–0026 and 0099 with WSA1 codes', () => {
    expect(gb6441v2025AccidentTypes.map((type) => type.code)).toEqual([
      ...Array.from({ length: 26 }, (_, index) => `WSA1${String(index + 1).padStart(4, '0')}`),
      'WSA10099',
    ]);
    expect(defaultAccidentTypeOptions.versions.find((v) => v.id === 'GB6441-2025')?.unconfirmed).toBe(true);
  });

  it('suggests a 2025 type for every 1986 type', () => {
    const codes2025 = new Set(gb6441v2025AccidentTypes.map((type) => type.code));
    const suggestions = Object.entries(gb6441v1986To2025Suggestions);
    expect(suggestions).toHaveLength(20);
    expect(suggestions.every(([, code]) => codes2025.has(code))).toBe(true);
  });

  it('gives fire the 7-day casualty window in both versions (Art. 13)', () => {
    expect([casualtyChangeWindowDays('08'), casualtyChangeWindowDays('WSA10009')]).toEqual([7, 7]);
    expect([casualtyChangeWindowDays('19'), casualtyChangeWindowDays('WSA10023')]).toEqual([30, 30]);
  });
});
