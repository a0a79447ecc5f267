import { describe, expect, it } from 'vitest';
import { defaultObligationParameters as p } from './obligation-parameters.ts';
import { certificateStanding, defaultCertificateDates } from './certificate-status.ts';

describe('certificate dates and standing', () => {
  it('gives a 特种作业操作证 six years with a review after three, a manager certificate three years', () => {
    expect(defaultCertificateDates('special_operation', '2024-03-15', p)).toEqual({
      expiresOn: '2030-03-14',
      reviewDueOn: '2027-03-14',
    });
    expect(defaultCertificateDates('principal', '2024-02-29', p)).toEqual({
      expiresOn: '2027-02-27',
      reviewDueOn: null,
    });
  });

  it('reminds 60 days ahead and lapses the day after', () => {
    const special = { expiresOn: '2030-03-14', reviewDueOn: '2027-03-14' };
    expect(certificateStanding(special, '2027-01-12', p)).toEqual({
      status: 'valid',
      daysToAct: 61,
      actBy: '2027-03-14',
    });
    expect(certificateStanding(special, '2027-01-13', p).status).toBe('review_due');
    expect(certificateStanding(special, '2027-03-14', p).status).toBe('review_due');
    expect(certificateStanding(special, '2027-03-15', p)).toEqual({
      status: 'review_overdue',
      daysToAct: -1,
      actBy: '2027-03-14',
    });
    expect(certificateStanding({ ...special, reviewedOn: '2027-02-01' }, '2027-03-15', p).status).toBe(
      'valid',
    );
    const manager = { expiresOn: '2027-02-27', reviewDueOn: null };
    expect(certificateStanding(manager, '2026-12-29', p).status).toBe('expiring');
    expect(certificateStanding(manager, '2027-02-28', p).status).toBe('expired');
  });
});
