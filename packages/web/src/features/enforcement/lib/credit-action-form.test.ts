import { describe, expect, it } from 'vitest';
import { creditListingActions, creditListingActionSchema } from '@anjian/domain';
import { creditActionBody, emptyCreditActionValues } from './credit-action-form.ts';

describe('the credit-list step dialog', () => {
  it('sends the listing decision without the empty optional texts', () => {
    const body = creditActionBody('decide', {
      ...emptyCreditActionValues(),
      documentNo: ' 江应急信〔2026〕1号 ',
    });
    expect(body).toEqual({ action: 'decide', outcome: 'list', documentNo: '江应急信〔2026〕1号' });
    expect(creditListingActionSchema.safeParse(body).success).toBe(true);
  });

  it('sends a refused repair with its reason', () => {
    expect(
      creditActionBody('decide_repair', {
        ...emptyCreditActionValues(),
        approve: false,
        reason: '整改未完成',
      }),
    ).toEqual({ action: 'decide_repair', approve: false, reason: '整改未完成' });
  });

  it('makes a valid request for every step once its fields are filled in', () => {
    const filled = {
      ...emptyCreditActionValues(),
      servedOn: '2026-11-27',
      publishedOn: '2026-12-05',
      summary: '已完成整改并履行处罚决定',
      reason: '处罚决定被撤销',
    };
    for (const action of creditListingActions) {
      const parsed = creditListingActionSchema.safeParse(creditActionBody(action, filled));
      expect(parsed.success, `${action}: ${parsed.error?.message}`).toBe(true);
    }
  });
});
