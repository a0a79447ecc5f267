import { describe, expect, it } from 'vitest';
import { checkClaimStep } from './insurance-claims.ts';
import { defaultObligationParameters } from './obligation-parameters.ts';
import { evaluatePreventionYear } from './prevention-spending.ts';

const year = (premiumsYuan: number, spendingYuan: number, unserved: string[] = []) =>
  evaluatePreventionYear(
    { insurer: '某保险公司', year: 2026, premiumsYuan, spendingYuan, unservedEnterprises: unserved },
    defaultObligationParameters,
  );

describe('prevention-service spending against the 21 % cap (应急厅函〔2024〕322号)', () => {
  it.each([
    [100_000, 21_000, false, 21],
    [100_000, 21_000.01, true, 21],
    [33_333.33, 7_000, true, 21],
    [33_333.34, 7_000, false, 21],
    [0, 0, false, null],
    [0, 500, true, null],
  ])('premiums %d, spending %d → over the cap %s', (premiums, spending, over, percent) => {
    const result = year(premiums, spending);
    expect(result.overCap).toBe(over);
    expect(result.capPercent).toBe(21);
    if (percent === null) expect(result.spendingPercent).toBeNull();
    else expect(result.spendingPercent).toBeCloseTo(percent, 2);
  });

  it('flags an insurer with an insured mandatory-sector unit it never served', () => {
    expect(year(10_000, 100, ['某矿业']).unservedFlagged).toBe(true);
    expect(year(10_000, 100).unservedFlagged).toBe(false);
  });
});

describe('claim steps', () => {
  const reported = { status: 'reported' as const, lastStepOn: '2026-10-12' };
  it.each([
    [reported, { step: 'accepted' as const, on: '2026-10-12' }, null],
    [
      reported,
      { step: 'paid' as const, on: '2026-10-13', paidYuan: 1 },
      'obligations.claim_step_not_allowed',
    ],
    [reported, { step: 'accepted' as const, on: '2026-10-11' }, 'obligations.claim_step_before_previous'],
    [reported, { step: 'rejected' as const, on: '2026-10-13' }, 'obligations.claim_reason_required'],
  ])('%o + %o → %s', (claim, step, error) => {
    expect(checkClaimStep(claim, step)).toBe(error);
  });
});
