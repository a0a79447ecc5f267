import type { Db } from '../../../platform/db.ts';
import { createAllocationDetailRepository } from './allocation-detail.repository.ts';
import { createAllocationLedgerRepository } from './allocation-ledger.repository.ts';
import { createAllocationOrdersRepository } from './allocation-orders.repository.ts';
import { createAllocationRequisitionsRepository } from './allocation-requisitions.repository.ts';
import { createAllocationStockRepository } from './allocation-stock.repository.ts';

export type { OrderRecord } from './allocation-rows.ts';
export type { OrderWrite } from './allocation-orders.repository.ts';
export type { LedgerFilter, MovementWrite } from './allocation-ledger.repository.ts';
export type { BatchRow } from './allocation-stock.repository.ts';

/**
 * The allocation repository, one object over its parts: orders and their steps, the ledger of
 * movements, warehouses' stock (batches and locks), enterprises' requisitions, and an order's whole detail in one read.
 */
export function createAllocationRepository(db: Db) {
  return {
    ...createAllocationOrdersRepository(db),
    ...createAllocationLedgerRepository(db),
    ...createAllocationStockRepository(db),
    ...createAllocationRequisitionsRepository(db),
    ...createAllocationDetailRepository(db),
  };
}

export type AllocationRepository = ReturnType<typeof createAllocationRepository>;
