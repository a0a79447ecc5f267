import type {
  AllocationDestinationKind,
  AllocationMovement,
  AllocationStatus,
  DataScope,
  LedgerMovementKind,
  Page,
} from '@anjian/domain';
import type { Db, Queryable } from '../../../platform/db.ts';
import { scopeCondition } from '../../../platform/scope-sql.ts';
import { listPage } from '../../../platform/sql-page.ts';

export interface OrderRecord {
  id: string;
  number: string;
  incidentId: string | null;
  incidentName: string | null;
  county: string;
  materialName: string;
  unit: string;
  quantity: number;
  destinationKind: AllocationDestinationKind;
  destinationWarehouseId: string | null;
  destinationWarehouseName: string | null;
  destination: string | null;
  status: AllocationStatus;
  issued: number;
  received: number;
  returned: number;
  consumed: number;
  vehicle: string | null;
  driver: string | null;
  notes: string | null;
  demo: boolean;
  createdAt: Date;
  updatedAt: Date;
}

interface OrderRow {
  id: string;
  number: string;
  incident_id: string | null;
  incident_name: string | null;
  county: string;
  material_name: string;
  unit: string;
  quantity: string;
  destination_kind: AllocationDestinationKind;
  destination_warehouse_id: string | null;
  destination_warehouse_name: string | null;
  destination: string | null;
  status: AllocationStatus;
  issued: string;
  received: string;
  returned: string;
  consumed: string;
  vehicle: string | null;
  driver: string | null;
  notes: string | null;
  demo: boolean;
  created_at: Date;
  updated_at: Date;
}

const toOrder = (r: OrderRow): OrderRecord => ({
  id: r.id,
  number: r.number,
  incidentId: r.incident_id,
  incidentName: r.incident_name,
  county: r.county,
  materialName: r.material_name,
  unit: r.unit,
  quantity: Number(r.quantity),
  destinationKind: r.destination_kind,
  destinationWarehouseId: r.destination_warehouse_id,
  destinationWarehouseName: r.destination_warehouse_name,
  destination: r.destination,
  status: r.status,
  issued: Number(r.issued),
  received: Number(r.received),
  returned: Number(r.returned),
  consumed: Number(r.consumed),
  vehicle: r.vehicle,
  driver: r.driver,
  notes: r.notes,
  demo: r.demo,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const ORDER_FROM = `FROM allocation_orders o
  LEFT JOIN incidents i ON i.id = o.incident_id
  LEFT JOIN emergency_resources dw ON dw.id = o.destination_warehouse_id`;
const ORDER_SELECT = `SELECT o.*, i.location AS incident_name, dw.name AS destination_warehouse_name ${ORDER_FROM}`;

/** Orders belong to a county; enterprise accounts see none. */
const visible = (scope: DataScope, params: unknown[], column = 'o.county') =>
  scope.kind === 'enterprise'
    ? 'FALSE'
    : scopeCondition(scope, { county: column, enterprise: 'NULL' }, params);

const escapeLike = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface OrderWrite {
  incidentId: string | null;
  county: string;
  materialName: string;
  unit: string;
  quantity: number;
  destinationKind: AllocationDestinationKind;
  destinationWarehouseId: string | null;
  destination: string | null;
  notes: string | null;
  requestedBy: string | null;
  demo: boolean;
}

export interface MovementWrite {
  orderId: string;
  kind: LedgerMovementKind;
  materialName: string;
  unit: string;
  warehouseId: string | null;
  warehouseName: string | null;
  enterpriseId: string | null;
  expiresOn: string | null;
  quantity: number;
  balanceAfter: number | null;
  actor: string | null;
  at: Date;
}

interface MovementRow {
  id: string;
  order_id: string;
  order_number: string;
  incident_name: string | null;
  kind: LedgerMovementKind;
  material_name: string;
  unit: string;
  warehouse_id: string | null;
  warehouse_name: string | null;
  enterprise_id: string | null;
  enterprise_name: string | null;
  expires_on: string | null;
  quantity: string;
  balance_after: string | null;
  at: Date;
}

const toMovement = (r: MovementRow): AllocationMovement => ({
  id: r.id,
  orderId: r.order_id,
  orderNumber: r.order_number,
  incidentName: r.incident_name,
  kind: r.kind,
  materialName: r.material_name,
  unit: r.unit,
  warehouseId: r.warehouse_id,
  warehouseName: r.warehouse_name,
  enterpriseId: r.enterprise_id,
  enterpriseName: r.enterprise_name,
  expiresOn: r.expires_on,
  quantity: Number(r.quantity),
  balanceAfter: r.balance_after === null ? null : Number(r.balance_after),
  at: r.at.toISOString(),
});

const MOVEMENT_FROM = `FROM allocation_movements m
  JOIN allocation_orders o ON o.id = m.order_id
  LEFT JOIN incidents i ON i.id = o.incident_id
  LEFT JOIN enterprise_directory e ON e.id = m.enterprise_id`;
const MOVEMENT_SELECT = `SELECT m.id::text AS id, m.order_id, o.number AS order_number, i.location AS incident_name, m.kind,
  m.material_name, m.unit, m.warehouse_id, m.warehouse_name, m.enterprise_id, e.name AS enterprise_name,
  to_char(m.expires_on, 'YYYY-MM-DD') AS expires_on, m.quantity, m.balance_after, m.at ${MOVEMENT_FROM}`;

export interface LedgerFilter {
  materialName?: string | undefined;
  warehouseId?: string | undefined;
  incidentId?: string | undefined;
  kind?: LedgerMovementKind | undefined;
}

function ledgerWhere(scope: DataScope, filter: LedgerFilter, params: unknown[]): string {
  const conditions = [visible(scope, params)];
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(params.length));
  };
  if (filter.materialName) add((n) => `m.material_name = $${n}`, filter.materialName);
  if (filter.warehouseId) add((n) => `m.warehouse_id = $${n}`, filter.warehouseId);
  if (filter.incidentId) add((n) => `o.incident_id = $${n}`, filter.incidentId);
  if (filter.kind) add((n) => `m.kind = $${n}`, filter.kind);
  return conditions.join(' AND ');
}

export interface BatchRow {
  id: string;
  quantity: number;
  expiresOn: string | null;
  minimumStock: number | null;
}

export function createAllocationRepository(db: Db) {
  return {
    async list(
      scope: DataScope,
      filter: {
        status?: string | undefined;
        incidentId?: string | undefined;
        county?: string | undefined;
        q?: string | undefined;
      },
      page: { page: number; pageSize: number },
    ): Promise<Page<OrderRecord>> {
      const params: unknown[] = [];
      const conditions = [visible(scope, params)];
      const add = (sql: (n: number) => string, value: unknown) => {
        params.push(value);
        conditions.push(sql(params.length));
      };
      if (filter.status) add((n) => `o.status = $${n}`, filter.status);
      if (filter.incidentId) add((n) => `o.incident_id = $${n}`, filter.incidentId);
      if (filter.county) add((n) => `o.county = $${n}`, filter.county);
      if (filter.q) add((n) => `(o.number ILIKE $${n} OR o.material_name ILIKE $${n})`, escapeLike(filter.q));
      return listPage(
        db,
        {
          select: ORDER_SELECT,
          countFrom: 'FROM allocation_orders o',
          where: conditions.join(' AND '),
          orderBy: 'o.created_at DESC, o.id',
          params,
        },
        page,
        toOrder,
      );
    },

    async find(
      id: string,
      scope: DataScope,
      source: Queryable = db,
      lock = false,
    ): Promise<OrderRecord | null> {
      const params: unknown[] = [id];
      const rows = await source.query<OrderRow>(
        `${ORDER_SELECT} WHERE o.id = $1 AND ${visible(scope, params)}${lock ? ' FOR UPDATE OF o' : ''}`,
        params,
      );
      return rows.rows[0] ? toOrder(rows.rows[0]) : null;
    },

    async insert(source: Queryable, data: OrderWrite, numberPrefix: string, at: Date): Promise<string> {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO allocation_orders (number, incident_id, county, material_name, unit, quantity, destination_kind,
           destination_warehouse_id, destination, status, notes, requested_by, demo, created_at, updated_at)
         VALUES ($1 || lpad(nextval('allocation_order_serial')::text, 5, '0'), $2, $3, $4, $5, $6, $7, $8, $9, 'requested',
           $10, $11, $12, $13, $13) RETURNING id`,
        [
          numberPrefix,
          data.incidentId,
          data.county,
          data.materialName,
          data.unit,
          data.quantity,
          data.destinationKind,
          data.destinationWarehouseId,
          data.destination,
          data.notes,
          data.requestedBy,
          data.demo,
          at,
        ],
      );
      return rows.rows[0]!.id;
    },

    async update(
      source: Queryable,
      id: string,
      data: Pick<
        OrderRecord,
        'status' | 'issued' | 'received' | 'returned' | 'consumed' | 'vehicle' | 'driver'
      >,
      at: Date,
    ): Promise<void> {
      await source.query(
        `UPDATE allocation_orders SET status = $2, issued = $3, received = $4, returned = $5, consumed = $6,
           vehicle = $7, driver = $8, updated_at = $9 WHERE id = $1`,
        [
          id,
          data.status,
          data.issued,
          data.received,
          data.returned,
          data.consumed,
          data.vehicle,
          data.driver,
          at,
        ],
      );
    },

    async addStep(
      source: Queryable,
      step: { orderId: string; action: string; note: string | null; actor: string | null; at: Date },
    ): Promise<void> {
      await source.query(
        'INSERT INTO allocation_steps (order_id, action, note, actor, at) VALUES ($1, $2, $3, $4, $5)',
        [step.orderId, step.action, step.note, step.actor, step.at],
      );
    },

    async steps(orderId: string) {
      const rows = await db.query<{
        action: string;
        note: string | null;
        actor_name: string | null;
        at: Date;
      }>(
        `SELECT s.action, s.note, u.display_name AS actor_name, s.at FROM allocation_steps s
         LEFT JOIN users u ON u.id = s.actor WHERE s.order_id = $1 ORDER BY s.id`,
        [orderId],
      );
      return rows.rows.map((r) => ({
        action: r.action,
        note: r.note,
        actorName: r.actor_name,
        at: r.at.toISOString(),
      }));
    },

    async movementsOf(orderId: string): Promise<AllocationMovement[]> {
      const rows = await db.query<MovementRow>(`${MOVEMENT_SELECT} WHERE m.order_id = $1 ORDER BY m.id`, [
        orderId,
      ]);
      return rows.rows.map(toMovement);
    },

    async addMovement(source: Queryable, m: MovementWrite): Promise<void> {
      await source.query(
        `INSERT INTO allocation_movements (order_id, kind, material_name, unit, warehouse_id, warehouse_name, enterprise_id,
           expires_on, quantity, balance_after, actor, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          m.orderId,
          m.kind,
          m.materialName,
          m.unit,
          m.warehouseId,
          m.warehouseName,
          m.enterpriseId,
          m.expiresOn,
          m.quantity,
          m.balanceAfter,
          m.actor,
          m.at,
        ],
      );
    },

    async ledger(scope: DataScope, filter: LedgerFilter, page: { page: number; pageSize: number }) {
      const params: unknown[] = [];
      const where = ledgerWhere(scope, filter, params);
      return listPage(
        db,
        {
          select: MOVEMENT_SELECT,
          countFrom: 'FROM allocation_movements m JOIN allocation_orders o ON o.id = m.order_id',
          where,
          orderBy: 'm.id DESC',
          params,
        },
        page,
        toMovement,
      );
    },

    /** The orders behind a ledger filter, for its totals. */
    async ledgerOrders(scope: DataScope, filter: LedgerFilter): Promise<OrderRecord[]> {
      const params: unknown[] = [];
      const conditions = [visible(scope, params)];
      if (filter.materialName) {
        params.push(filter.materialName);
        conditions.push(`o.material_name = $${params.length}`);
      }
      if (filter.incidentId) {
        params.push(filter.incidentId);
        conditions.push(`o.incident_id = $${params.length}`);
      }
      if (filter.warehouseId) {
        params.push(filter.warehouseId);
        conditions.push(
          `EXISTS (SELECT 1 FROM allocation_movements m WHERE m.order_id = o.id AND m.warehouse_id = $${params.length})`,
        );
      }
      const rows = await db.query<OrderRow>(
        `${ORDER_SELECT} WHERE ${conditions.join(' AND ')} ORDER BY o.id`,
        params,
      );
      return rows.rows.map(toOrder);
    },

    /** Per warehouse and material in a ledger filter: receipts, issues and the stock now. */
    async ledgerWarehouses(scope: DataScope, filter: LedgerFilter) {
      const p2: unknown[] = [];
      const w = ledgerWhere(scope, { ...filter, kind: undefined }, p2);
      const rows = await db.query<{
        warehouse_id: string;
        warehouse_name: string;
        material_name: string;
        unit: string;
        receipts: string;
        issues: string;
        stock: string;
      }>(
        `SELECT m.warehouse_id, r.name AS warehouse_name, m.material_name, m.unit,
           sum(m.quantity) FILTER (WHERE m.kind IN ('receipt', 'return')) AS receipts,
           sum(m.quantity) FILTER (WHERE m.kind = 'issue') AS issues,
           (SELECT coalesce(sum(s.quantity), 0) FROM emergency_materials s
             WHERE s.warehouse_id = m.warehouse_id AND s.name = m.material_name AND s.unit = m.unit) AS stock
         ${MOVEMENT_FROM} JOIN emergency_resources r ON r.id = m.warehouse_id
         WHERE ${w} GROUP BY m.warehouse_id, r.name, m.material_name, m.unit ORDER BY r.name, m.material_name`,
        p2,
      );
      return rows.rows.map((r) => ({
        warehouseId: r.warehouse_id,
        warehouseName: r.warehouse_name,
        materialName: r.material_name,
        unit: r.unit,
        receipts: Number(r.receipts ?? 0),
        issues: Number(r.issues ?? 0),
        stock: Number(r.stock),
      }));
    },

    /** A warehouse the caller may use: a warehouse-kind resource in the caller's counties. */
    async warehouse(
      source: Queryable,
      id: string,
      scope: DataScope,
    ): Promise<{ id: string; name: string; county: string } | null> {
      const params: unknown[] = [id];
      const rows = await source.query<{ id: string; name: string; county: string }>(
        `SELECT r.id, r.name, r.county FROM emergency_resources r WHERE r.id = $1 AND r.kind = 'warehouse'
           AND ${visible(scope, params, 'r.county')}`,
        params,
      );
      return rows.rows[0] ?? null;
    },

    async incident(
      id: string,
      scope: DataScope,
    ): Promise<{ id: string; county: string; location: string } | null> {
      const params: unknown[] = [id];
      const rows = await db.query<{ id: string; county: string; location: string }>(
        `SELECT i.id, i.county, i.location FROM incidents i WHERE i.id = $1 AND ${visible(scope, params, 'i.county')}`,
        params,
      );
      return rows.rows[0] ?? null;
    },

    /**
     * Serialises every change of one warehouse's stock of one material (transaction-scoped advisory
     * locks, taken in a sorted order by the caller so two issues never wait on each other in a circle).
     */
    async lockStock(
      source: Queryable,
      warehouseId: string,
      materialName: string,
      unit: string,
    ): Promise<void> {
      await source.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 46))', [
        `${warehouseId}|${materialName}|${unit}`,
      ]);
    },

    async batches(
      source: Queryable,
      warehouseId: string,
      materialName: string,
      unit: string,
    ): Promise<BatchRow[]> {
      const rows = await source.query<{
        id: string;
        quantity: string;
        expires_on: string | null;
        minimum_stock: string | null;
      }>(
        `SELECT id, quantity, to_char(expires_on, 'YYYY-MM-DD') AS expires_on, minimum_stock FROM emergency_materials
         WHERE warehouse_id = $1 AND name = $2 AND unit = $3 ORDER BY id FOR UPDATE`,
        [warehouseId, materialName, unit],
      );
      return rows.rows.map((r) => ({
        id: r.id,
        quantity: Number(r.quantity),
        expiresOn: r.expires_on,
        minimumStock: r.minimum_stock === null ? null : Number(r.minimum_stock),
      }));
    },

    /** Several warehouse-materials' locks in one round trip, in the order given (callers sort it). */
    async lockStocks(source: Queryable, warehouseIds: readonly string[], materialName: string, unit: string) {
      await source.query(
        `SELECT pg_advisory_xact_lock(hashtextextended(k, 46)) FROM unnest($1::text[]) WITH ORDINALITY AS u(k, n) ORDER BY n`,
        [warehouseIds.map((id) => `${id}|${materialName}|${unit}`)],
      );
    },

    /** The batches of several warehouses, locked, in one round trip. */
    async batchesOf(
      source: Queryable,
      warehouseIds: readonly string[],
      materialName: string,
      unit: string,
    ): Promise<Map<string, BatchRow[]>> {
      const rows = await source.query<{
        id: string;
        warehouse_id: string;
        quantity: string;
        expires_on: string | null;
        minimum_stock: string | null;
      }>(
        `SELECT id, warehouse_id, quantity, to_char(expires_on, 'YYYY-MM-DD') AS expires_on, minimum_stock FROM emergency_materials
         WHERE warehouse_id = ANY ($1::uuid[]) AND name = $2 AND unit = $3 ORDER BY warehouse_id, id FOR UPDATE`,
        [warehouseIds, materialName, unit],
      );
      const found = new Map<string, BatchRow[]>(warehouseIds.map((id) => [id, []]));
      for (const r of rows.rows)
        found.get(r.warehouse_id)?.push({
          id: r.id,
          quantity: Number(r.quantity),
          expiresOn: r.expires_on,
          minimumStock: r.minimum_stock === null ? null : Number(r.minimum_stock),
        });
      return found;
    },

    /** Takes from several batches at once; the CHECK (quantity ≥ 0) is the last word. */
    async takeMany(
      source: Queryable,
      takes: readonly { batchId: string; quantity: number }[],
    ): Promise<void> {
      if (takes.length === 0) return;
      await source.query(
        `UPDATE emergency_materials m SET quantity = m.quantity - t.q
         FROM unnest($1::uuid[], $2::numeric[]) AS t(id, q) WHERE m.id = t.id`,
        [takes.map((t) => t.batchId), takes.map((t) => t.quantity)],
      );
    },

    async addMovements(source: Queryable, lines: readonly MovementWrite[]): Promise<void> {
      if (lines.length === 0) return;
      const col = <K extends keyof MovementWrite>(key: K) => lines.map((l) => l[key]);
      await source.query(
        `INSERT INTO allocation_movements (order_id, kind, material_name, unit, warehouse_id, warehouse_name, enterprise_id,
           expires_on, quantity, balance_after, actor, at)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::uuid[], $8::date[],
           $9::numeric[], $10::numeric[], $11::uuid[], $12::timestamptz[])`,
        [
          col('orderId'),
          col('kind'),
          col('materialName'),
          col('unit'),
          col('warehouseId'),
          col('warehouseName'),
          col('enterpriseId'),
          col('expiresOn'),
          col('quantity'),
          col('balanceAfter'),
          col('actor'),
          col('at'),
        ],
      );
    },

    /** Warehouses the caller may use, by id (those missing or outside the scope are left out). */
    async warehousesOf(source: Queryable, ids: readonly string[], scope: DataScope) {
      const params: unknown[] = [ids];
      const rows = await source.query<{ id: string; name: string; county: string }>(
        `SELECT r.id, r.name, r.county FROM emergency_resources r WHERE r.id = ANY ($1::uuid[]) AND r.kind = 'warehouse'
           AND ${visible(scope, params, 'r.county')}`,
        params,
      );
      return new Map(rows.rows.map((r) => [r.id, r]));
    },

    /** Takes from one batch; the CHECK (quantity ≥ 0) refuses anything that would go below zero. */
    async take(source: Queryable, batchId: string, quantity: number): Promise<void> {
      await source.query('UPDATE emergency_materials SET quantity = quantity - $2 WHERE id = $1', [
        batchId,
        quantity,
      ]);
    },

    /** Adds to the batch of that expiry, or a new batch carrying the material's minimum stock. */
    async put(
      source: Queryable,
      warehouseId: string,
      materialName: string,
      unit: string,
      quantity: number,
      expiresOn: string | null,
    ): Promise<void> {
      const updated = await source.query(
        `UPDATE emergency_materials SET quantity = quantity + $5
         WHERE id = (SELECT id FROM emergency_materials WHERE warehouse_id = $1 AND name = $2 AND unit = $3
                     AND expires_on IS NOT DISTINCT FROM $4::date ORDER BY id LIMIT 1)`,
        [warehouseId, materialName, unit, expiresOn, quantity],
      );
      if (updated.rowCount) return;
      await source.query(
        `INSERT INTO emergency_materials (warehouse_id, name, unit, quantity, minimum_stock, expires_on)
         VALUES ($1, $2, $3, $5, (SELECT max(minimum_stock) FROM emergency_materials WHERE warehouse_id = $1 AND name = $2 AND unit = $3), $4::date)`,
        [warehouseId, materialName, unit, expiresOn, quantity],
      );
    },

    async stock(source: Queryable, warehouseId: string, materialName: string, unit: string) {
      const rows = await source.query<{ stock: string; minimum_stock: string | null }>(
        `SELECT coalesce(sum(quantity), 0) AS stock, max(minimum_stock) AS minimum_stock FROM emergency_materials
         WHERE warehouse_id = $1 AND name = $2 AND unit = $3`,
        [warehouseId, materialName, unit],
      );
      const row = rows.rows[0]!;
      return {
        stock: Number(row.stock),
        minimumStock: row.minimum_stock === null ? null : Number(row.minimum_stock),
      };
    },

    /** Warehouses in the caller's counties holding unexpired stock of a material. */
    async sources(scope: DataScope, materialName: string, unit: string, today: string) {
      const params: unknown[] = [materialName, unit, today];
      const rows = await db.query<{
        warehouse_id: string;
        warehouse_name: string;
        county: string;
        available: string;
        earliest_expiry: string | null;
      }>(
        `SELECT r.id AS warehouse_id, r.name AS warehouse_name, r.county, sum(m.quantity) AS available,
           to_char(min(m.expires_on), 'YYYY-MM-DD') AS earliest_expiry
         FROM emergency_materials m JOIN emergency_resources r ON r.id = m.warehouse_id
         WHERE m.name = $1 AND m.unit = $2 AND (m.expires_on IS NULL OR m.expires_on >= $3::date) AND m.quantity > 0
           AND ${visible(scope, params, 'r.county')}
         GROUP BY r.id, r.name, r.county ORDER BY r.name, r.id`,
        params,
      );
      return rows.rows.map((r) => ({
        warehouseId: r.warehouse_id,
        warehouseName: r.warehouse_name,
        county: r.county,
        available: Number(r.available),
        earliestExpiry: r.earliest_expiry,
      }));
    },

    async addRequisition(
      source: Queryable,
      r: {
        orderId: string;
        enterpriseId: string;
        quantity: number;
        compensationYuan: number | null;
        notes: string | null;
      },
      at: Date,
    ): Promise<void> {
      await source.query(
        `INSERT INTO allocation_requisitions (order_id, enterprise_id, quantity, compensation_yuan, compensation_status, notes, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
        [
          r.orderId,
          r.enterpriseId,
          r.quantity,
          r.compensationYuan,
          r.compensationYuan === null ? 'pending' : 'agreed',
          r.notes,
          at,
        ],
      );
    },

    async requisitionsOf(orderId: string) {
      const rows = await db.query<{
        id: string;
        enterprise_id: string;
        enterprise_name: string | null;
        quantity: string;
        compensation_yuan: string | null;
        compensation_status: 'pending' | 'agreed' | 'paid';
        paid_on: string | null;
        notes: string | null;
      }>(
        `SELECT q.id, q.enterprise_id, e.name AS enterprise_name, q.quantity, q.compensation_yuan, q.compensation_status,
           to_char(q.paid_on, 'YYYY-MM-DD') AS paid_on, q.notes
         FROM allocation_requisitions q LEFT JOIN enterprise_directory e ON e.id = q.enterprise_id
         WHERE q.order_id = $1 ORDER BY q.created_at, q.id`,
        [orderId],
      );
      return rows.rows.map((r) => ({
        id: r.id,
        enterpriseId: r.enterprise_id,
        enterpriseName: r.enterprise_name ?? '',
        quantity: Number(r.quantity),
        compensationYuan: r.compensation_yuan === null ? null : Number(r.compensation_yuan),
        compensationStatus: r.compensation_status,
        paidOn: r.paid_on,
        notes: r.notes,
      }));
    },

    async requisitionOrder(id: string, scope: DataScope): Promise<string | null> {
      const params: unknown[] = [id];
      const rows = await db.query<{ order_id: string }>(
        `SELECT q.order_id FROM allocation_requisitions q JOIN allocation_orders o ON o.id = q.order_id
         WHERE q.id = $1 AND ${visible(scope, params)}`,
        params,
      );
      return rows.rows[0]?.order_id ?? null;
    },

    async setCompensation(
      source: Queryable,
      id: string,
      c: { compensationYuan: number; paidOn: string | null; notes: string | null },
      at: Date,
    ): Promise<void> {
      await source.query(
        `UPDATE allocation_requisitions SET compensation_yuan = $2, paid_on = $3::date,
           compensation_status = CASE WHEN $3::date IS NULL THEN 'agreed' ELSE 'paid' END,
           notes = coalesce($4, notes), updated_at = $5 WHERE id = $1`,
        [id, c.compensationYuan, c.paidOn, c.notes, at],
      );
    },
  };
}

export type AllocationRepository = ReturnType<typeof createAllocationRepository>;
