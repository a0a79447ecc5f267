import { describe, expect, it } from 'vitest';
import {
  beijingWallTimeToIso,
  countyName,
  describeScope,
  formatDateTime,
  parseScopeLine,
  roleName,
} from './format.ts';

const texts = {
  city: '玉溪市（全市）',
  enterprise: (id: string, county: string) => `企业 ${id}（${county}）`,
  enterpriseOnly: (id: string) => `企业 ${id}`,
  separator: '、',
};

describe('formatDateTime', () => {
  it.each([
    ['2026-11-29T00:05:03Z', '2026-11-29 08:05:03'],
    ['2026-11-28T16:00:00.000Z', '2026-11-29 00:00:00'],
    ['2026-11-29T08:05:03+08:00', '2026-11-29 08:05:03'],
    ['2026-12-31T23:59:59Z', '2027-01-01 07:59:59'],
  ])('shows %s in Beijing time as %s', (iso, shown) => {
    expect(formatDateTime(iso)).toBe(shown);
  });

  it('shows a dash for no time or a bad one', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
  });

  it('reads a picked wall time as Beijing time for the API', () => {
    expect(beijingWallTimeToIso('2026-11-29 08:05:03')).toBe('2026-11-29T08:05:03+08:00');
    expect(formatDateTime(beijingWallTimeToIso('2026-11-29 08:05:03'))).toBe('2026-11-29 08:05:03');
  });
});

describe('describeScope', () => {
  it('names the city, the counties in the given order, or the enterprise and its county', () => {
    expect(describeScope({ kind: 'city' }, 'zh-CN', texts)).toBe('玉溪市（全市）');
    expect(describeScope({ kind: 'county', counties: ['530403'] }, 'zh-CN', texts)).toBe('江川区');
    expect(describeScope({ kind: 'county', counties: ['530423', '530481'] }, 'zh-CN', texts)).toBe(
      '通海县、澄江市',
    );
    expect(
      describeScope(
        { kind: 'enterprise', enterpriseId: '6f1c2d3e-4a5b-4c6d-8e7f-901234567890', county: '530402' },
        'zh-CN',
        texts,
      ),
    ).toBe('企业 6f1c2d3e（红塔区）');
  });

  it('uses the English county names in English', () => {
    expect(countyName('530403', 'en')).toBe('Jiangchuan District');
    expect(countyName('999999', 'en')).toBe('999999');
  });
});

describe('parseScopeLine', () => {
  it('reads the audit log scope line', () => {
    expect(parseScopeLine('city')).toEqual({ kind: 'city' });
    expect(parseScopeLine('county:530403,530423')).toEqual({
      kind: 'county',
      counties: ['530403', '530423'],
    });
    expect(parseScopeLine('enterprise:abc')).toEqual({ kind: 'enterprise', enterpriseId: 'abc', county: '' });
    expect(parseScopeLine('public')).toBeNull();
  });
});

describe('roleName', () => {
  it('prefers the loaded role list, then the built-in catalogue, then the code', () => {
    expect(roleName('county_officer', 'zh-CN')).toBe('县（区）局工作人员');
    expect(roleName('county_officer', 'en')).toBe('County bureau officer');
    expect(
      roleName('safety_clerk', 'zh-CN', [{ code: 'safety_clerk', nameZh: '安全文员', nameEn: 'Clerk' }]),
    ).toBe('安全文员');
    expect(roleName('unknown_role', 'zh-CN')).toBe('unknown_role');
  });
});
