import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors/domain-error.ts';
import {
  allocationBalanced,
  availableAllocationActions,
  nextAllocationStatus,
  allocationOnHand,
  type AllocationQuantities,
  type AllocationStatus,
} from './allocation-order.ts';
import { planFefoIssue } from './fefo.ts';
import {
  bookStock,
  issueFromBook,
  ledgerTotals,
  receiveIntoBook,
  warehouseMovement,
  type LedgerLine,
  type StockBook,
} from './ledger.ts';

const TODAY = '2026-12-06';

describe('FEFO: the first-expiring batch goes first', () => {
  it('takes dated batches by date, undated last, and skips expired ones', () => {
    const batches = [
      { id: 'c', quantity: 10, expiresOn: null },
      { id: 'b', quantity: 5, expiresOn: '2027-06-30' },
      { id: 'a', quantity: 4, expiresOn: '2027-01-31' },
      { id: 'x', quantity: 100, expiresOn: '2026-12-05' },
    ];
    expect(planFefoIssue(batches, 12, TODAY)).toEqual([
      { batchId: 'a', expiresOn: '2027-01-31', quantity: 4 },
      { batchId: 'b', expiresOn: '2027-06-30', quantity: 5 },
      { batchId: 'c', expiresOn: null, quantity: 3 },
    ]);
  });

  it('refuses a shortfall of unexpired stock whole', () => {
    const batches = [
      { id: 'a', quantity: 4, expiresOn: '2027-01-31' },
      { id: 'x', quantity: 100, expiresOn: '2026-01-01' },
    ];
    expect(() => planFefoIssue(batches, 5, TODAY)).toThrow(
      expect.objectContaining({ code: 'allocation.insufficient_stock' }),
    );
  });
});

describe('the order’s steps', () => {
  it('walks a scene order from request to closed', () => {
    let status: AllocationStatus = 'requested';
    const q: AllocationQuantities = { quantity: 10, issued: 0, received: 0, returned: 0, consumed: 0 };
    const order = () => ({ status, destinationKind: 'scene' as const });
    expect(availableAllocationActions(order())).toEqual(['approve', 'reject', 'cancel']);
    status = nextAllocationStatus(order(), 'approve', q);
    status = nextAllocationStatus(order(), 'issue', { ...q, issued: 10 });
    expect(availableAllocationActions(order())).toEqual(['transport', 'receive']);
    status = nextAllocationStatus(order(), 'transport', q);
    status = nextAllocationStatus(order(), 'receive', q);
    expect(status).toBe('received');
    status = nextAllocationStatus(order(), 'use', q);
    const afterReturn = { ...q, issued: 10, received: 10, returned: 4 };
    status = nextAllocationStatus(order(), 'return', afterReturn);
    expect(status).toBe('in_use');
    expect(allocationOnHand(afterReturn)).toBe(6);
    status = nextAllocationStatus(order(), 'write_off', { ...afterReturn, consumed: 6 });
    expect(status).toBe('closed');
    expect(availableAllocationActions(order())).toEqual([]);
  });

  it('closes a warehouse order on receipt and refuses steps that are not open', () => {
    const q = { quantity: 3, issued: 3, received: 3, returned: 0, consumed: 0 };
    expect(nextAllocationStatus({ status: 'issued', destinationKind: 'warehouse' }, 'receive', q)).toBe(
      'closed',
    );
    expect(() =>
      nextAllocationStatus({ status: 'received', destinationKind: 'warehouse' }, 'return', q),
    ).toThrow(DomainError);
    expect(() => nextAllocationStatus({ status: 'requested', destinationKind: 'scene' }, 'issue', q)).toThrow(
      expect.objectContaining({ code: 'allocation.invalid_step' }),
    );
  });
});

/**
 * The property: any sequence of orders — issues from warehouses (FEFO), receipts into warehouses,
 * returns, write-offs, refused shortfalls — keeps every warehouse's stock equal to its opening stock
 * plus the ledger's receipts minus its issues, never negative, and every order balanced.
 */
describe('any sequence of orders keeps the books', () => {
  const warehouses = ['w0', 'w1', 'w2'];
  const op = fc.oneof(
    fc.record({
      type: fc.constant('order' as const),
      sources: fc.array(
        fc.record({ w: fc.integer({ min: 0, max: 2 }), q: fc.integer({ min: 1, max: 40 }) }),
        { minLength: 1, maxLength: 3 },
      ),
      toWarehouse: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
      returnShare: fc.integer({ min: 0, max: 100 }),
      returnTo: fc.integer({ min: 0, max: 2 }),
      received: fc.boolean(),
    }),
    fc.record({
      type: fc.constant('restock' as const),
      w: fc.integer({ min: 0, max: 2 }),
      q: fc.integer({ min: 1, max: 30 }),
      days: fc.integer({ min: -5, max: 400 }),
    }),
  );
  const opening = fc.array(
    fc.record({
      w: fc.integer({ min: 0, max: 2 }),
      q: fc.integer({ min: 0, max: 60 }),
      days: fc.option(fc.integer({ min: -10, max: 500 }), { nil: undefined }),
    }),
    { maxLength: 9 },
  );
  const dayPlus = (days: number) =>
    new Date(Date.parse(`${TODAY}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  it('stock = opening + receipts − issues, never negative', () => {
    fc.assert(
      fc.property(opening, fc.array(op, { maxLength: 25 }), (open, ops) => {
        let book: StockBook = new Map();
        let serial = 0;
        const batchId = () => `b${String(serial++).padStart(5, '0')}`;
        for (const o of open)
          book = receiveIntoBook(book, warehouses[o.w]!, {
            id: batchId(),
            quantity: o.q || 1,
            expiresOn: o.days === undefined ? null : dayPlus(o.days),
          });
        const openingStock = new Map(warehouses.map((w) => [w, bookStock(book, w)]));
        const lines: LedgerLine[] = [];
        const orders: (AllocationQuantities & { status: AllocationStatus })[] = [];

        for (const o of ops) {
          if (o.type === 'restock') {
            const w = warehouses[o.w]!;
            book = receiveIntoBook(book, w, { id: batchId(), quantity: o.q, expiresOn: dayPlus(o.days) });
            lines.push({ kind: 'receipt', warehouseId: w, quantity: o.q });
            continue;
          }
          // One issue step: all sources or none (a shortfall anywhere refuses the whole step).
          const before = book;
          const taken: LedgerLine[] = [];
          try {
            for (const s of o.sources) {
              const w = warehouses[s.w]!;
              const result = issueFromBook(book, w, s.q, TODAY);
              book = result.book;
              for (const t of result.takes)
                taken.push({ kind: 'issue', warehouseId: w, quantity: t.quantity });
            }
          } catch (error) {
            expect((error as DomainError).code).toBe('allocation.insufficient_stock');
            book = before;
            continue;
          }
          lines.push(...taken);
          const issued = o.sources.reduce((t, s) => t + s.q, 0);
          expect(taken.reduce((t, l) => t + l.quantity, 0)).toBe(issued);
          if (!o.received) {
            orders.push({
              status: 'in_transit',
              quantity: issued,
              issued,
              received: 0,
              returned: 0,
              consumed: 0,
            });
            continue;
          }
          if (o.toWarehouse !== undefined) {
            const w = warehouses[o.toWarehouse]!;
            book = receiveIntoBook(book, w, { id: batchId(), quantity: issued, expiresOn: null });
            lines.push({ kind: 'receipt', warehouseId: w, quantity: issued });
            orders.push({
              status: 'closed',
              quantity: issued,
              issued,
              received: issued,
              returned: 0,
              consumed: 0,
            });
            continue;
          }
          const returned = Math.floor((issued * o.returnShare) / 100);
          if (returned > 0) {
            const w = warehouses[o.returnTo]!;
            book = receiveIntoBook(book, w, { id: batchId(), quantity: returned, expiresOn: null });
            lines.push({ kind: 'return', warehouseId: w, quantity: returned });
          }
          const consumed = issued - returned;
          if (consumed > 0) lines.push({ kind: 'consume', warehouseId: null, quantity: consumed });
          orders.push({ status: 'closed', quantity: issued, issued, received: issued, returned, consumed });
        }

        for (const w of warehouses) {
          const stock = bookStock(book, w);
          expect(stock).toBeGreaterThanOrEqual(0);
          for (const batch of book.get(w) ?? []) expect(batch.quantity).toBeGreaterThanOrEqual(0);
          expect(stock).toBe(openingStock.get(w)! + warehouseMovement(lines, w).net);
        }
        for (const order of orders) expect(allocationBalanced(order.status, order)).toBe(true);
        expect(ledgerTotals(orders).balanced).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
