import { describe, expect, it } from 'vitest';
import { defaultObligationParameters as p, parameterOn } from './obligation-parameters.ts';
import { insuranceCoverage } from './insurance-coverage.ts';

describe('安责险 coverage', () => {
  const mine = { sectors: ['non_coal_mine'] };
  it('takes the per-person minimum in force on the policy start: 30万 before 2025-03-29, 40万 from it', () => {
    expect(parameterOn(p.insuranceMinPerPersonYuan, '2025-03-28')).toBe(300_000);
    expect(parameterOn(p.insuranceMinPerPersonYuan, '2025-03-29')).toBe(400_000);
    const old = { startsOn: '2025-03-01', endsOn: '2026-02-28', perPersonYuan: 300_000 };
    expect(insuranceCoverage(mine, [old], '2025-06-01', p).status).toBe('covered');
    const recent = { startsOn: '2026-01-01', endsOn: '2026-12-31', perPersonYuan: 300_000 };
    expect(insuranceCoverage(mine, [recent], '2026-06-01', p)).toEqual({
      status: 'below_minimum',
      required: true,
      minimumYuan: 400_000,
    });
  });

  it('lists a mandatory unit without a policy in force, and warns 30 days before the end unless renewed', () => {
    const policy = { startsOn: '2026-01-01', endsOn: '2026-12-31', perPersonYuan: 400_000 };
    expect(insuranceCoverage(mine, [], '2026-11-29', p).status).toBe('uninsured');
    expect(insuranceCoverage(mine, [policy], '2027-01-01', p).status).toBe('uninsured');
    expect(insuranceCoverage(mine, [policy], '2026-12-01', p).status).toBe('covered');
    expect(insuranceCoverage(mine, [policy], '2026-12-02', p).status).toBe('expiring');
    const next = { startsOn: '2027-01-01', endsOn: '2027-12-31', perPersonYuan: 500_000 };
    expect(insuranceCoverage(mine, [policy, next], '2026-12-20', p).status).toBe('covered');
    expect(insuranceCoverage({ sectors: ['commerce'] }, [], '2026-11-29', p).status).toBe('not_required');
  });
});
