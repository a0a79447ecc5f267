import { DomainError } from '../../errors/domain-error.ts';
import {
  allocationOnHand,
  roundAllocationQuantity,
  type AllocationQuantities,
  type AllocationStatus,
} from './allocation-order.ts';
import { planFefoIssue, type BatchTake, type StockBatch } from './fefo.ts';

/**
 * The ledger (台账): every quantity that moves is one line. A warehouse's stock changes only by
 * lines: an issue takes from it, a receipt (an order bound for a warehouse) and a return add to it.
 * A requisition (征用) brings an enterprise's material into an order; a consumption (核销) writes off
 * what was used up at the scene.
 */
export const ledgerMovementKinds = ['issue', 'requisition', 'receipt', 'return', 'consume'] as const;
export type LedgerMovementKind = (typeof ledgerMovementKinds)[number];

export interface LedgerLine {
  readonly kind: LedgerMovementKind;
  /** The warehouse whose stock moved; null for the scene and for an enterprise's requisition. */
  readonly warehouseId: string | null;
  readonly quantity: number;
}

/** How a line changes its warehouse's stock. */
export function ledgerStockDelta(line: LedgerLine): number {
  if (line.warehouseId === null) return 0;
  switch (line.kind) {
    case 'issue':
      return -line.quantity;
    case 'receipt':
    case 'return':
      return line.quantity;
    default:
      return 0;
  }
}

/** A warehouse's receipts and issues in the ledger and what they add up to. */
export function warehouseMovement(lines: readonly LedgerLine[], warehouseId: string) {
  let receipts = 0;
  let issues = 0;
  for (const line of lines) {
    if (line.warehouseId !== warehouseId) continue;
    const delta = ledgerStockDelta(line);
    if (delta > 0) receipts += delta;
    else issues -= delta;
  }
  return {
    receipts: roundAllocationQuantity(receipts),
    issues: roundAllocationQuantity(issues),
    net: roundAllocationQuantity(receipts - issues),
  };
}

/** The incident's (or one material's) orders summed: the equation the ledger page prints. */
export interface LedgerTotals {
  readonly requested: number;
  readonly issued: number;
  readonly inTransit: number;
  readonly received: number;
  readonly returned: number;
  readonly consumed: number;
  readonly onHand: number;
  /** issued = in transit + received, and received = returned + consumed + on hand. */
  readonly balanced: boolean;
}

export function ledgerTotals(
  orders: readonly (AllocationQuantities & { status: AllocationStatus })[],
): LedgerTotals {
  const sum = (pick: (o: AllocationQuantities & { status: AllocationStatus }) => number) =>
    roundAllocationQuantity(orders.reduce((total, o) => total + pick(o), 0));
  const live = orders.filter((o) => o.status !== 'rejected' && o.status !== 'cancelled');
  const requested = roundAllocationQuantity(live.reduce((t, o) => t + o.quantity, 0));
  const issued = sum((o) => o.issued);
  const inTransit = sum((o) => (o.status === 'issued' || o.status === 'in_transit' ? o.issued : 0));
  const received = sum((o) => o.received);
  const returned = sum((o) => o.returned);
  const consumed = sum((o) => o.consumed);
  const held = sum((o) => allocationOnHand(o));
  const balanced =
    roundAllocationQuantity(issued - inTransit - received) === 0 &&
    roundAllocationQuantity(received - returned - consumed - held) === 0 &&
    [issued, inTransit, received, returned, consumed, held].every((v) => v >= 0);
  return { requested, issued, inTransit, received, returned, consumed, onHand: held, balanced };
}

/**
 * A stock book: the pure model of warehouses' batches the server keeps in emergency_materials.
 * `issueFromBook` takes first-expiring first and never below zero (insufficient stock throws and
 * leaves the book as it was).
 */
export type StockBook = ReadonlyMap<string, readonly StockBatch[]>;

export function bookStock(book: StockBook, warehouseId: string): number {
  return roundAllocationQuantity((book.get(warehouseId) ?? []).reduce((t, b) => t + b.quantity, 0));
}

export function issueFromBook(
  book: StockBook,
  warehouseId: string,
  quantity: number,
  today: string,
): { book: StockBook; takes: BatchTake[] } {
  const batches = book.get(warehouseId) ?? [];
  const takes = planFefoIssue(batches, quantity, today);
  const next = batches.map((b) => {
    const take = takes.find((t) => t.batchId === b.id);
    return take ? { ...b, quantity: roundAllocationQuantity(b.quantity - take.quantity) } : b;
  });
  if (next.some((b) => b.quantity < 0)) throw new DomainError('allocation.insufficient_stock');
  return { book: new Map(book).set(warehouseId, next), takes };
}

export function receiveIntoBook(book: StockBook, warehouseId: string, batch: StockBatch): StockBook {
  if (!(batch.quantity > 0)) throw new DomainError('allocation.invalid_quantity');
  return new Map(book).set(warehouseId, [...(book.get(warehouseId) ?? []), batch]);
}
