import { describe, expect, it } from 'vitest';
import { defaultObligationParameters as p } from './obligation-parameters.ts';
import { certificateGaps, type StaffMember } from './certificate-gaps.ts';

const person = (
  id: string,
  post: StaffMember['post'],
  certificates: StaffMember['certificates'],
  operation: string | null = null,
): StaffMember => ({
  id,
  name: `人员${id}`,
  post,
  operation,
  certificates,
});

describe('certificate gaps', () => {
  it('asks a high-risk unit for a certified principal and safety manager', () => {
    const staff = [
      person('1', 'principal', [{ kind: 'principal', operation: null, status: 'expired' }]),
      person('2', 'safety_manager', [{ kind: 'safety_manager', operation: null, status: 'expiring' }]),
    ];
    expect(certificateGaps({ sectors: ['hazchem_production'] }, staff, '2026-11-29', p)).toEqual([
      { kind: 'no_principal', personId: '1', personName: '人员1', operation: null },
    ]);
    expect(certificateGaps({ sectors: ['light_industry'] }, staff, '2026-11-29', p)).toEqual([]);
    expect(certificateGaps({ sectors: ['non_coal_mine'] }, [], '2026-11-29', p).map((g) => g.kind)).toEqual([
      'no_principal',
      'no_safety_manager',
    ]);
  });

  it('flags a special-operation worker without a valid certificate of their own operation', () => {
    const staff = [
      person(
        '3',
        'special_operation',
        [{ kind: 'special_operation', operation: 'electrical', status: 'valid' }],
        'welding',
      ),
      person(
        '4',
        'special_operation',
        [{ kind: 'special_operation', operation: 'welding', status: 'review_overdue' }],
        'welding',
      ),
      person(
        '5',
        'special_operation',
        [{ kind: 'special_operation', operation: 'welding', status: 'review_due' }],
        'welding',
      ),
    ];
    expect(
      certificateGaps({ sectors: ['machinery'] }, staff, '2026-11-29', p).map((g) => g.personId),
    ).toEqual(['3', '4']);
  });
});
