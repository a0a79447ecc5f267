import type { AllocationDestinationKind, DataScope, Page } from '@anjian/domain';
import type { Db, Queryable } from '../../../platform/db.ts';
import { listPage } from '../../../platform/sql-page.ts';
import {
  escapeLike,
  ORDER_SELECT,
  toOrder,
  visible,
  type OrderRecord,
  type OrderRow,
} from './allocation-rows.ts';

export interface StepRow {
  action: string;
  note: string | null;
  actor_name: string | null;
  at: Date;
}

export const STEP_SELECT = `SELECT s.id AS step_id, s.action, s.note, u.display_name AS actor_name, s.at
  FROM allocation_steps s LEFT JOIN users u ON u.id = s.actor`;

export const toStep = (r: StepRow) => ({
  action: r.action,
  note: r.note,
  actorName: r.actor_name,
  at: r.at.toISOString(),
});

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

/** Allocation orders: the order rows, their step log and the incident they answer. */
export function createAllocationOrdersRepository(db: Db) {
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

    /** Writes the order's new state and its step log line, in one statement. */
    async recordStep(
      source: Queryable,
      id: string,
      data: Pick<
        OrderRecord,
        'status' | 'issued' | 'received' | 'returned' | 'consumed' | 'vehicle' | 'driver'
      >,
      step: { action: string; note: string | null; actor: string | null; at: Date },
    ): Promise<void> {
      await source.query(
        `WITH changed AS (
           UPDATE allocation_orders SET status = $2, issued = $3, received = $4, returned = $5, consumed = $6,
             vehicle = $7, driver = $8, updated_at = $9 WHERE id = $1 RETURNING id)
         INSERT INTO allocation_steps (order_id, action, note, actor, at) SELECT id, $10, $11, $12, $9 FROM changed`,
        [
          id,
          data.status,
          data.issued,
          data.received,
          data.returned,
          data.consumed,
          data.vehicle,
          data.driver,
          step.at,
          step.action,
          step.note,
          step.actor,
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
  };
}
