import {
  allocationBalanced,
  availableAllocationActions,
  chinaDate,
  DomainError,
  ledgerTotals,
  nextAllocationStatus,
  allocationOnHand,
  planFefoIssue,
  roundAllocationQuantity,
  type AllocationOrder,
  type AllocationOrderDetail,
  type AllocationOrderInput,
  type AllocationStepInput,
  type DataScope,
} from '@anjian/domain';
import type { AuthContext } from '../../../platform/access.ts';
import type { Clock } from '../../../platform/clock.ts';
import { inTransaction, type Db, type Queryable } from '../../../platform/db.ts';
import { scopeAllows } from '../../../platform/scope-sql.ts';
import type { EnterpriseLookup } from '../../registry/index.ts';
import type {
  AllocationRepository,
  LedgerFilter,
  MovementWrite,
  OrderRecord,
} from './allocation.repository.ts';

type LowStock = AllocationOrderDetail['lowStock'];

const linkedMissing = () => new DomainError('allocation.linked_record_not_found');

/**
 * Allocation orders: every step runs in one transaction with the order's row locked; every change of
 * a warehouse's stock holds that warehouse-material's advisory lock and the batches' row locks, takes
 * first-expiring batches first and writes a ledger line with the balance after it.
 */
export function createAllocationService(deps: {
  db: Db;
  clock: Clock;
  allocation: AllocationRepository;
  enterprises: EnterpriseLookup;
}) {
  const { db, clock, allocation: repo, enterprises } = deps;

  function present(order: OrderRecord, auth: AuthContext): AllocationOrder {
    return {
      id: order.id,
      number: order.number,
      incidentId: order.incidentId,
      incidentName: order.incidentName,
      county: order.county,
      materialName: order.materialName,
      unit: order.unit,
      quantity: order.quantity,
      destinationKind: order.destinationKind,
      destinationWarehouseId: order.destinationWarehouseId,
      destinationWarehouseName: order.destinationWarehouseName,
      destination: order.destination,
      status: order.status,
      issued: order.issued,
      received: order.received,
      returned: order.returned,
      consumed: order.consumed,
      onHand: allocationOnHand(order),
      vehicle: order.vehicle,
      driver: order.driver,
      notes: order.notes,
      demo: order.demo,
      createdAt: order.createdAt.toISOString(),
      updatedAt: order.updatedAt.toISOString(),
      allowedActions: auth.permissions.has('emergency:write') ? availableAllocationActions(order) : [],
    };
  }

  async function detail(
    auth: AuthContext,
    id: string,
    lowStock: LowStock = [],
  ): Promise<AllocationOrderDetail> {
    const found = await repo.findDetail(id, auth.scope);
    if (!found) throw new DomainError('allocation.not_found');
    const { order, steps, movements, requisitions } = found;
    return {
      ...present(order, auth),
      steps: steps as AllocationOrderDetail['steps'],
      movements,
      requisitions,
      lowStock,
    };
  }

  /** Adds to a warehouse's stock (a receipt or a return) and writes the ledger line. */
  async function putIntoWarehouse(
    tx: Queryable,
    order: OrderRecord,
    warehouse: { id: string; name: string },
    kind: 'receipt' | 'return',
    parts: { quantity: number; expiresOn: string | null }[],
    actor: string,
    at: Date,
  ) {
    await repo.lockStock(tx, warehouse.id, order.materialName, order.unit);
    await repo.batches(tx, warehouse.id, order.materialName, order.unit);
    for (const part of parts) {
      await repo.put(tx, warehouse.id, order.materialName, order.unit, part.quantity, part.expiresOn);
      const { stock } = await repo.stock(tx, warehouse.id, order.materialName, order.unit);
      await repo.addMovement(tx, {
        orderId: order.id,
        kind,
        materialName: order.materialName,
        unit: order.unit,
        warehouseId: warehouse.id,
        warehouseName: warehouse.name,
        enterpriseId: null,
        expiresOn: part.expiresOn,
        quantity: part.quantity,
        balanceAfter: stock,
        actor,
        at,
      });
    }
  }

  /** The issue: every source or none. Answers the warehouses left below their minimum stock. */
  async function issue(
    tx: Queryable,
    auth: AuthContext,
    order: OrderRecord,
    input: Extract<AllocationStepInput, { action: 'issue' }>,
    at: Date,
  ): Promise<LowStock> {
    const total = roundAllocationQuantity(
      input.sources.reduce((t, s) => t + s.quantity, 0) +
        input.requisitions.reduce((t, r) => t + r.quantity, 0),
    );
    if (total !== roundAllocationQuantity(order.quantity))
      throw new DomainError('allocation.issue_quantity_mismatch');
    const warehouseIds = input.sources.map((s) => s.warehouseId);
    const enterpriseIds = input.requisitions.map((r) => r.enterpriseId);
    if (
      new Set(warehouseIds).size !== warehouseIds.length ||
      new Set(enterpriseIds).size !== enterpriseIds.length
    )
      throw new DomainError('allocation.duplicate_source');
    if (order.destinationWarehouseId && warehouseIds.includes(order.destinationWarehouseId))
      throw new DomainError('allocation.same_warehouse');
    for (const id of enterpriseIds) if (!(await enterprises.findById(id, auth.scope))) throw linkedMissing();

    // Stock locks in one sorted order (no two issues wait on each other in a circle), held only for
    // the few statements that read and take the batches.
    const today = chinaDate(at);
    const sorted = [...warehouseIds].sort();
    const warehouses = await repo.lockWarehouseStocks(tx, sorted, order.materialName, order.unit, auth.scope);
    if (warehouses.size !== warehouseIds.length) throw linkedMissing();
    const batchesBy = await repo.batchesOf(tx, sorted, order.materialName, order.unit);
    const lowStock: LowStock = [];
    const takes: { batchId: string; quantity: number }[] = [];
    const lines: MovementWrite[] = [];
    for (const source of input.sources) {
      const batches = batchesBy.get(source.warehouseId) ?? [];
      const plan = planFefoIssue(batches, source.quantity, today);
      let balance = roundAllocationQuantity(batches.reduce((t, b) => t + b.quantity, 0));
      const warehouse = warehouses.get(source.warehouseId)!;
      for (const take of plan) {
        takes.push(take);
        balance = roundAllocationQuantity(balance - take.quantity);
        lines.push({
          orderId: order.id,
          kind: 'issue',
          materialName: order.materialName,
          unit: order.unit,
          warehouseId: warehouse.id,
          warehouseName: warehouse.name,
          enterpriseId: null,
          expiresOn: take.expiresOn,
          quantity: take.quantity,
          balanceAfter: balance,
          actor: auth.userId,
          at,
        });
      }
      const minimum = batches.reduce<number | null>(
        (m, b) => (b.minimumStock === null ? m : Math.max(m ?? 0, b.minimumStock)),
        null,
      );
      if (minimum !== null && balance < minimum)
        lowStock.push({
          warehouseId: warehouse.id,
          warehouseName: warehouse.name,
          quantity: balance,
          minimumStock: minimum,
        });
    }
    await repo.takeAndRecord(tx, takes, lines);
    for (const r of input.requisitions) {
      await repo.addRequisition(
        tx,
        {
          orderId: order.id,
          enterpriseId: r.enterpriseId,
          quantity: r.quantity,
          compensationYuan: r.compensationYuan ?? null,
          notes: r.notes ?? null,
        },
        at,
      );
      await repo.addMovement(tx, {
        orderId: order.id,
        kind: 'requisition',
        materialName: order.materialName,
        unit: order.unit,
        warehouseId: null,
        warehouseName: null,
        enterpriseId: r.enterpriseId,
        expiresOn: null,
        quantity: r.quantity,
        balanceAfter: null,
        actor: auth.userId,
        at,
      });
    }
    return lowStock;
  }

  return {
    async list(
      auth: AuthContext,
      filter: {
        status?: string | undefined;
        incidentId?: string | undefined;
        county?: string | undefined;
        q?: string | undefined;
      },
      page: { page: number; pageSize: number },
    ) {
      const result = await repo.list(auth.scope, filter, page);
      return { ...result, items: result.items.map((o) => present(o, auth)) };
    },

    get: (auth: AuthContext, id: string) => detail(auth, id),

    async create(auth: AuthContext, input: AllocationOrderInput, options: { demo?: boolean } = {}) {
      let county = input.county;
      if (input.incidentId) {
        const incident = await repo.incident(input.incidentId, auth.scope);
        if (!incident) throw linkedMissing();
        county = incident.county;
      }
      if (!county || !scopeAllows(auth.scope, county, null))
        throw new DomainError('registry.scope_outside_caller');
      if (
        input.destinationWarehouseId &&
        !(await repo.warehouse(db, input.destinationWarehouseId, auth.scope))
      )
        throw linkedMissing();
      const at = clock.now();
      const id = await inTransaction(db, async (tx) => {
        const id = await repo.insert(
          tx,
          {
            incidentId: input.incidentId ?? null,
            county,
            materialName: input.materialName,
            unit: input.unit,
            quantity: input.quantity,
            destinationKind: input.destinationKind,
            destinationWarehouseId: input.destinationWarehouseId ?? null,
            destination: input.destination ?? null,
            notes: input.notes ?? null,
            requestedBy: auth.userId,
            demo: options.demo ?? false,
          },
          `DB${chinaDate(at).replaceAll('-', '')}-`,
          at,
        );
        await repo.addStep(tx, {
          orderId: id,
          action: 'request',
          note: input.notes ?? null,
          actor: auth.userId,
          at,
        });
        return id;
      });
      return detail(auth, id);
    },

    async step(auth: AuthContext, id: string, input: AllocationStepInput) {
      const at = clock.now();
      const lowStock = await inTransaction(db, async (tx) => {
        const order = await repo.find(id, auth.scope, tx, true);
        if (!order) throw new DomainError('allocation.not_found');
        // The step must be open before anything moves.
        if (!availableAllocationActions(order).includes(input.action))
          throw new DomainError('allocation.invalid_step');
        const next = { ...order };
        let low: LowStock = [];
        switch (input.action) {
          case 'issue':
            next.issued = order.quantity; // the stock moves below, after the order's own writes
            break;
          case 'transport':
            next.vehicle = input.vehicle;
            next.driver = input.driver;
            break;
          case 'receive': {
            next.received = order.issued;
            if (order.destinationKind === 'warehouse') {
              const warehouse = await repo.warehouse(tx, order.destinationWarehouseId!, {
                kind: 'city',
              } as DataScope);
              if (!warehouse) throw linkedMissing();
              const byExpiry = new Map<string | null, number>();
              for (const line of await repo.movementsOf(order.id))
                if (line.kind === 'issue' || line.kind === 'requisition')
                  byExpiry.set(
                    line.expiresOn,
                    roundAllocationQuantity((byExpiry.get(line.expiresOn) ?? 0) + line.quantity),
                  );
              await putIntoWarehouse(
                tx,
                order,
                warehouse,
                'receipt',
                [...byExpiry].map(([expiresOn, quantity]) => ({ expiresOn, quantity })),
                auth.userId,
                at,
              );
            }
            break;
          }
          case 'return': {
            if (input.quantity > allocationOnHand(order) + 1e-9)
              throw new DomainError('allocation.more_than_on_hand');
            const warehouse = await repo.warehouse(tx, input.warehouseId, auth.scope);
            if (!warehouse) throw linkedMissing();
            // What comes back is booked as the earliest expiry that went out, so it goes out first again.
            const expiries = (await repo.movementsOf(order.id))
              .filter((l) => l.kind === 'issue' && l.expiresOn !== null)
              .map((l) => l.expiresOn!)
              .sort();
            await putIntoWarehouse(
              tx,
              order,
              warehouse,
              'return',
              [{ quantity: input.quantity, expiresOn: expiries[0] ?? null }],
              auth.userId,
              at,
            );
            next.returned = roundAllocationQuantity(order.returned + input.quantity);
            break;
          }
          case 'write_off':
            if (input.quantity > allocationOnHand(order) + 1e-9)
              throw new DomainError('allocation.more_than_on_hand');
            await repo.addMovement(tx, {
              orderId: order.id,
              kind: 'consume',
              materialName: order.materialName,
              unit: order.unit,
              warehouseId: null,
              warehouseName: null,
              enterpriseId: null,
              expiresOn: null,
              quantity: input.quantity,
              balanceAfter: null,
              actor: auth.userId,
              at,
            });
            next.consumed = roundAllocationQuantity(order.consumed + input.quantity);
            break;
          default:
            break;
        }
        next.status = nextAllocationStatus(order, input.action, next);
        if (!allocationBalanced(next.status, next))
          throw new Error(`allocation order ${order.id} would not balance`);
        await repo.recordStep(tx, order.id, next, {
          action: input.action,
          note: input.note ?? null,
          actor: auth.userId,
          at,
        });
        if (input.action === 'issue') low = await issue(tx, auth, order, input, at);
        return low;
      });
      return detail(auth, id, lowStock);
    },

    async sources(auth: AuthContext, id: string) {
      const order = await repo.find(id, auth.scope);
      if (!order) throw new DomainError('allocation.not_found');
      const items = await repo.sources(auth.scope, order.materialName, order.unit, chinaDate(clock.now()));
      return items.filter((s) => s.warehouseId !== order.destinationWarehouseId);
    },

    async compensation(
      auth: AuthContext,
      requisitionId: string,
      input: { compensationYuan: number; paidOn?: string | undefined; notes?: string | undefined },
    ) {
      const orderId = await repo.requisitionOrder(requisitionId, auth.scope);
      if (!orderId) throw new DomainError('allocation.requisition_not_found');
      const at = clock.now();
      await inTransaction(db, async (tx) => {
        await repo.setCompensation(
          tx,
          requisitionId,
          {
            compensationYuan: input.compensationYuan,
            paidOn: input.paidOn ?? null,
            notes: input.notes ?? null,
          },
          at,
        );
        await repo.addStep(tx, {
          orderId,
          action: 'compensation',
          note: input.notes ?? null,
          actor: auth.userId,
          at,
        });
      });
      return detail(auth, orderId);
    },

    ledger: (auth: AuthContext, filter: LedgerFilter, page: { page: number; pageSize: number }) =>
      repo.ledger(auth.scope, filter, page),

    async ledgerSummary(auth: AuthContext, filter: LedgerFilter) {
      const [orders, warehouses] = await Promise.all([
        repo.ledgerOrders(auth.scope, filter),
        repo.ledgerWarehouses(auth.scope, filter),
      ]);
      return { totals: ledgerTotals(orders), warehouses };
    },
  };
}

export type AllocationService = ReturnType<typeof createAllocationService>;
