import type { AllocationMovement, DataScope, LedgerMovementKind } from '@anjian/domain';
import type { Db, Queryable } from '../../../platform/db.ts';
import { listPage } from '../../../platform/sql-page.ts';
import { ORDER_SELECT, toOrder, visible, type OrderRecord, type OrderRow } from './allocation-rows.ts';

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

export interface MovementRow {
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

export const toMovement = (r: MovementRow): AllocationMovement => ({
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
export const MOVEMENT_SELECT = `SELECT m.id::text AS id, m.order_id, o.number AS order_number, i.location AS incident_name, m.kind,
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

/** The allocation ledger: one line per movement of stock, with the balance after it. */
export function createAllocationLedgerRepository(db: Db) {
  return {
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

    /**
     * Takes from batches and writes the ledger lines of what was taken, in one statement (the
     * batches are locked by the caller; the CHECK (quantity ≥ 0) is the last word).
     */
    async takeAndRecord(
      source: Queryable,
      takes: readonly { batchId: string; quantity: number }[],
      lines: readonly MovementWrite[],
    ): Promise<void> {
      if (lines.length === 0 && takes.length === 0) return;
      const col = <K extends keyof MovementWrite>(key: K) => lines.map((l) => l[key]);
      await source.query(
        `WITH taken AS (
           UPDATE emergency_materials m SET quantity = m.quantity - t.q
           FROM unnest($13::uuid[], $14::numeric[]) AS t(id, q) WHERE m.id = t.id)
         INSERT INTO allocation_movements (order_id, kind, material_name, unit, warehouse_id, warehouse_name, enterprise_id,
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
          takes.map((t) => t.batchId),
          takes.map((t) => t.quantity),
        ],
      );
    },
  };
}
