export * from './allocation-order.ts';
export * from './fefo.ts';
export * from './ledger.ts';
export * from './allocation.schema.ts';
