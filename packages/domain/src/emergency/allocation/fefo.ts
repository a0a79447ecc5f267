import { DomainError } from '../../errors/domain-error.ts';
import { roundAllocationQuantity } from './allocation-order.ts';

/** One stock row of a material in a warehouse: a batch, with its expiry date when it has one. */
export interface StockBatch {
  readonly id: string;
  readonly quantity: number;
  readonly expiresOn?: string | null | undefined;
}

export interface BatchTake {
  readonly batchId: string;
  readonly expiresOn: string | null;
  readonly quantity: number;
}

/** First-expiring first: dated batches by date, then undated ones; ties by id, so the choice is stable. */
export function fefoOrder<T extends StockBatch>(batches: readonly T[]): T[] {
  return [...batches].sort((a, b) => {
    const ea = a.expiresOn ?? null;
    const eb = b.expiresOn ?? null;
    if (ea !== eb) {
      if (ea === null) return 1;
      if (eb === null) return -1;
      return ea < eb ? -1 : 1;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/**
 * Which batches an issue of `quantity` takes, first-expiring first. Expired batches (before `today`)
 * are never issued. `allocation.insufficient_stock` when the usable stock is short: nothing is taken.
 */
export function planFefoIssue(batches: readonly StockBatch[], quantity: number, today: string): BatchTake[] {
  if (!(quantity > 0)) throw new DomainError('allocation.invalid_quantity');
  const takes: BatchTake[] = [];
  let left = roundAllocationQuantity(quantity);
  for (const batch of fefoOrder(batches)) {
    if (left <= 0) break;
    const expiresOn = batch.expiresOn ?? null;
    if (expiresOn !== null && expiresOn < today) continue;
    if (batch.quantity <= 0) continue;
    const take = roundAllocationQuantity(Math.min(batch.quantity, left));
    takes.push({ batchId: batch.id, expiresOn, quantity: take });
    left = roundAllocationQuantity(left - take);
  }
  if (left > 0) throw new DomainError('allocation.insufficient_stock');
  return takes;
}
