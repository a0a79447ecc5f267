import { describe, expect, it } from 'vitest';
import { chinaHolidayCalendar } from '../enforcement/holiday-calendar.ts';
import { defaultObligationParameters as p } from './obligation-parameters.ts';
import {
  agencyReportFlags,
  defaultAgencyValidUntil,
  type AgencyQualificationRecord,
  type AgencyReportFacts,
  type AgencyStaffRegistration,
} from './agency-report-flags.ts';

const agency: AgencyQualificationRecord = {
  qualification: 'safety_assessment',
  fields: ['mine', 'dangerous_goods'],
  validFrom: '2022-03-01',
  validUntil: '2027-02-28',
};
const staff: AgencyStaffRegistration[] = [
  { registrationNumber: 'S1', registeredOn: '2022-03-01', leftOn: null },
  { registrationNumber: 'S2', registeredOn: '2022-03-01', leftOn: '2025-06-30' },
  { registrationNumber: 'S3', registeredOn: '2026-01-10', leftOn: null },
];
const report = (over: Partial<AgencyReportFacts> = {}): AgencyReportFacts => ({
  kind: 'status_assessment',
  field: 'mine',
  issuedOn: '2026-06-01',
  signers: [{ registrationNumber: 'S1' }, { registrationNumber: 'S3' }],
  ...over,
});

describe('agency report flags', () => {
  it.each<[string, Partial<AgencyReportFacts>, string[]]>([
    ['a sound report', {}, []],
    ['issued after the qualification ended', { issuedOn: '2027-03-01' }, ['qualification_lapsed']],
    ['issued on its last valid day', { issuedOn: '2027-02-28' }, []],
    [
      'issued before the qualification began (S3 not yet registered either)',
      { issuedOn: '2022-02-28', signers: [{ registrationNumber: 'S1' }, { registrationNumber: 'S2' }] },
      ['qualification_lapsed', 'unregistered_signer'],
    ],
    ['a testing report from an assessment agency', { kind: 'testing' }, ['wrong_qualification']],
    ['a field the qualification does not cover', { field: 'metal_smelting' }, ['out_of_scope']],
    [
      'signed by someone who had left',
      { signers: [{ registrationNumber: 'S1' }, { registrationNumber: 'S2' }] },
      ['unregistered_signer'],
    ],
    [
      'signed by someone registered with no record here',
      { signers: [{ registrationNumber: 'S1' }, { registrationNumber: 'X9' }] },
      ['unregistered_signer'],
    ],
    [
      'signed by one person (twice)',
      { signers: [{ registrationNumber: 'S1' }, { registrationNumber: 'S1' }] },
      ['too_few_signers'],
    ],
    [
      'signed before a signer joined',
      { issuedOn: '2025-12-31', signers: [{ registrationNumber: 'S1' }, { registrationNumber: 'S3' }] },
      ['unregistered_signer'],
    ],
  ])('%s', (_, over, expected) => {
    expect(agencyReportFlags(report(over), agency, staff, p)).toEqual(expected);
  });

  it('gives a qualification 5 years from 2019-05-01 (令第1号), ending the day before the anniversary', () => {
    expect(defaultAgencyValidUntil('2022-03-01', p)).toBe('2027-02-28');
    expect(defaultAgencyValidUntil('2024-02-29', p)).toBe('2029-02-27');
  });

  it('follows a bureau that overrides the minimum number of signers', () => {
    const strict = { ...p, agencyReportMinSigners: [{ ...p.agencyReportMinSigners[0]!, value: 3 }] };
    expect(agencyReportFlags(report(), agency, staff, strict)).toEqual(['too_few_signers']);
  });

  // Issued 2026-06-01: published by 2026-06-21 (20 days, unverified parameter).
  it.each<[string, string | null, string, string[]]>([
    ['not yet published on the last day allowed', null, '2026-06-21', []],
    ['not published the day after', null, '2026-06-22', ['not_disclosed']],
    ['published on the last day allowed', '2026-06-21', '2026-12-01', []],
    ['published a day late', '2026-06-22', '2026-12-01', ['not_disclosed']],
  ])('disclosure: %s', (_, disclosedOn, today, expected) => {
    const clock = { today, calendar: chinaHolidayCalendar };
    expect(agencyReportFlags(report({ disclosedOn }), agency, staff, p, clock)).toEqual(expected);
  });

  // 7 working days' written notice before on-site work, counted on the State Council's calendar.
  it.each<[string, string, string | null, string, string[]]>([
    ['notice 7 working days ahead', '2026-06-15', '2026-06-04', '2026-06-20', []],
    ['notice 6 working days ahead', '2026-06-15', '2026-06-05', '2026-06-20', ['late_notice']],
    [
      'notice on a holiday before 国庆, 7 working days with the make-up Saturday',
      '2026-10-12',
      '2026-09-25',
      '2026-10-20',
      [],
    ],
    [
      'notice after 中秋, only 6 working days across 国庆',
      '2026-10-12',
      '2026-09-28',
      '2026-10-20',
      ['late_notice'],
    ],
    ['no notice, work not yet begun', '2026-10-12', null, '2026-10-11', []],
    ['no notice, work begun', '2026-10-12', null, '2026-10-12', ['late_notice']],
  ])('prior notice: %s', (_, onsiteFrom, noticeOn, today, expected) => {
    const clock = { today, calendar: chinaHolidayCalendar };
    const facts = report({ issuedOn: '2026-11-01', disclosedOn: '2026-11-02', onsiteFrom, noticeOn });
    expect(agencyReportFlags(facts, agency, staff, p, clock)).toEqual(expected);
  });
});
