import type { CreditListingActionName } from '@anjian/domain';

/** Every field a step on the credit list may ask for (credit-list.schema.ts). */
export interface CreditActionValues {
  servedOn: string;
  publishedOn: string;
  note: string;
  summary: string;
  outcome: 'list' | 'not_list';
  objectionResponse: string;
  reason: string;
  documentNo: string;
  approve: boolean;
}

export type CreditActionField = keyof CreditActionValues;

export function emptyCreditActionValues(): CreditActionValues {
  return {
    servedOn: '',
    publishedOn: '',
    note: '',
    summary: '',
    outcome: 'list',
    objectionResponse: '',
    reason: '',
    documentNo: '',
    approve: true,
  };
}

export const creditActionFields: Readonly<Record<CreditListingActionName, readonly CreditActionField[]>> = {
  notify: ['servedOn', 'note'],
  object: ['summary'],
  waive_objection: ['note'],
  decide: ['outcome', 'objectionResponse', 'reason', 'documentNo'],
  dismiss: ['reason'],
  publish: ['publishedOn'],
  apply_repair: ['summary'],
  decide_repair: ['approve', 'reason'],
  revoke_repair: ['reason'],
  expire: ['note'],
  cancel: ['reason'],
};

/**
 * The body of POST /enforcement/credit/listings/:id/actions: the step's fields, text fields left
 * empty left out (they are the optional ones, or the server says which is missing).
 */
export function creditActionBody(
  action: CreditListingActionName,
  values: CreditActionValues,
): Record<string, unknown> {
  const body: Record<string, unknown> = { action };
  for (const field of creditActionFields[action]) {
    const value = values[field];
    if (typeof value === 'string') {
      if (value.trim() !== '') body[field] = value.trim();
    } else body[field] = value;
  }
  return body;
}
