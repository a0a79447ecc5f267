import { describe, expect, it } from 'vitest';
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
});
