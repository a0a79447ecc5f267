import type { DataScope } from '@anjian/domain';
import type { Db, Queryable } from '../../../platform/db.ts';
import { visible } from './allocation-rows.ts';

export interface RequisitionRow {
  id: string;
  enterprise_id: string;
  enterprise_name: string | null;
  quantity: string;
  compensation_yuan: string | null;
  compensation_status: 'pending' | 'agreed' | 'paid';
  paid_on: string | null;
  notes: string | null;
}

export const REQUISITION_SELECT = `SELECT q.id, q.enterprise_id, e.name AS enterprise_name, q.quantity, q.compensation_yuan,
    q.compensation_status, to_char(q.paid_on, 'YYYY-MM-DD') AS paid_on, q.notes, q.created_at
  FROM allocation_requisitions q LEFT JOIN enterprise_directory e ON e.id = q.enterprise_id`;

export const toRequisition = (r: RequisitionRow) => ({
  id: r.id,
  enterpriseId: r.enterprise_id,
  enterpriseName: r.enterprise_name ?? '',
  quantity: Number(r.quantity),
  compensationYuan: r.compensation_yuan === null ? null : Number(r.compensation_yuan),
  compensationStatus: r.compensation_status,
  paidOn: r.paid_on,
  notes: r.notes,
});

/** Requisitions (征用) of enterprises' materials for an order, and their compensation. */
export function createAllocationRequisitionsRepository(db: Db) {
  return {
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
