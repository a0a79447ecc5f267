import { describe, expect, it } from 'vitest';
import { defaultAccidentTypeOptions } from '@anjian/domain';
import {
  accidentTypeForVersion,
  accidentTypeLabel,
  accidentTypeVersionAt,
} from './incident-accident-types.ts';

const version = (id: string) => defaultAccidentTypeOptions.versions.find((v) => v.id === id)!;

describe('incident form: accident type list by accident date (Beijing time)', () => {
  it.each([
    ['2026-06-30 23:59:59', 'GB6441-1986', 20],
    ['2026-07-01 00:00:00', 'GB6441-2025', 27],
  ])('%s offers %s (%i types)', (wallTime, id, count) => {
    const chosen = accidentTypeVersionAt(wallTime);
    expect([chosen.id, chosen.types.length]).toEqual([id, count]);
  });

  it('moves a chosen type across the boundary to its suggested type, or clears it', () => {
    expect(accidentTypeForVersion('08', version('GB6441-2025'))).toBe('WSA10009');
    expect(accidentTypeForVersion('19', version('GB6441-2025'))).toBe('WSA10023');
    expect(accidentTypeForVersion('WSA10009', version('GB6441-1986'))).toBe('');
    expect(accidentTypeForVersion('08', version('GB6441-1986'))).toBe('08');
  });

  it('names types of both versions', () => {
    const zh = (name: string) => name;
    expect([
      accidentTypeLabel('19', zh),
      accidentTypeLabel('WSA10024', zh),
      accidentTypeLabel('X', zh),
    ]).toEqual(['中毒和窒息', '窒息', 'X']);
  });
});
