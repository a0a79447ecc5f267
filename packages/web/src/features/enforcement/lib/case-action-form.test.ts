import { describe, expect, it } from 'vitest';
import { penaltyCaseActionSchema, penaltyCaseActions } from '@anjian/domain';
import { caseActionBody, caseActionFields, emptyCaseActionValues } from './case-action-form.ts';

describe('the penalty-case step dialog', () => {
  it('sends the notice with its proposed penalty, leaving empty optional fields out', () => {
    const values = {
      ...emptyCaseActionValues(),
      kinds: ['fine' as const],
      fineYuan: '30000.00',
      servedOn: '2026-11-27',
    };
    const body = caseActionBody('issue_notice', values);
    expect(body).toEqual({
      action: 'issue_notice',
      proposal: { kinds: ['fine'], fineYuan: '30000.00' },
      servedOn: '2026-11-27',
    });
    expect(penaltyCaseActionSchema.safeParse(body).success).toBe(true);
  });

  it('sends a penalty only with a penalty decision, and the credit-list grounds', () => {
    const base = {
      ...emptyCaseActionValues(),
      kinds: ['warning' as const],
      documentNo: '江应急罚〔2026〕3号',
    };
    expect(caseActionBody('decide', { ...base, creditGrounds: ['major_accident'] })).toEqual({
      action: 'decide',
      outcome: 'penalty',
      penalty: { kinds: ['warning'] },
      documentNo: '江应急罚〔2026〕3号',
      creditGrounds: ['major_accident'],
    });
    const none = caseActionBody('decide', {
      ...base,
      decision: 'no_penalty',
      reason: '违法行为轻微并及时改正',
    });
    expect(none).not.toHaveProperty('penalty');
    expect(penaltyCaseActionSchema.safeParse(none).success).toBe(true);
  });

  it('splits the investigators typed in one line', () => {
    expect(
      caseActionBody('start_investigation', {
        ...emptyCaseActionValues(),
        investigatorIds: 'a1, b2，c3、 d4',
      }),
    ).toEqual({ action: 'start_investigation', investigatorIds: ['a1', 'b2', 'c3', 'd4'] });
  });

  it('has a field list for every step, and each filled-in step is a valid request', () => {
    const filled = {
      ...emptyCaseActionValues(),
      investigatorIds: 'i1 i2',
      kinds: ['fine' as const],
      fineYuan: '1000.00',
      servedOn: '2026-11-27',
      summary: '当事人陈述已整改',
      date: '2026-12-08',
      notifiedOn: '2026-11-30',
      presiderId: 'p1',
      hearingOutcome: 'held' as const,
      opinion: '事实清楚，证据确凿',
      reason: '当事人主体资格消灭',
      completedOn: '2026-12-20',
    };
    for (const action of penaltyCaseActions) {
      expect(caseActionFields[action]).toBeDefined();
      const parsed = penaltyCaseActionSchema.safeParse(caseActionBody(action, filled));
      expect(parsed.success, `${action}: ${parsed.error?.message}`).toBe(true);
    }
  });
});
