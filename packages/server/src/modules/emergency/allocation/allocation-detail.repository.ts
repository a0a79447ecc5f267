import type { DataScope } from '@anjian/domain';
import type { Db } from '../../../platform/db.ts';
import { MOVEMENT_SELECT, toMovement, type MovementRow } from './allocation-ledger.repository.ts';
import { STEP_SELECT, toStep, type StepRow } from './allocation-orders.repository.ts';
import {
  REQUISITION_SELECT,
  toRequisition,
  type RequisitionRow,
} from './allocation-requisitions.repository.ts';
import { ORDER_COLUMNS, ORDER_FROM, toOrder, visible, type OrderRow } from './allocation-rows.ts';

// JSON carries a timestamp as text; the row mappers take a Date.
type Json<Row> = Omit<Row, 'at'> & { at: string };
const dated = <Row extends { at: Date }>(r: Json<Row>) => ({ ...r, at: new Date(r.at) }) as Row;

/**
 * An order with its step log, ledger lines and requisitions in one round trip: what every answer
 * that changes an order sends back, so it is read once and not four times.
 */
const DETAIL_SELECT = `SELECT ${ORDER_COLUMNS},
     (SELECT coalesce(json_agg(x ORDER BY x.step_id), '[]') FROM (${STEP_SELECT} WHERE s.order_id = $1) x) AS steps_json,
     (SELECT coalesce(json_agg(x ORDER BY x.id::bigint), '[]') FROM (${MOVEMENT_SELECT} WHERE m.order_id = $1) x)
       AS movements_json,
     (SELECT coalesce(json_agg(x ORDER BY x.created_at, x.id), '[]') FROM (${REQUISITION_SELECT} WHERE q.order_id = $1) x)
       AS requisitions_json
  ${ORDER_FROM}`;

export function createAllocationDetailRepository(db: Db) {
  return {
    async findDetail(id: string, scope: DataScope) {
      const params: unknown[] = [id];
      const rows = await db.query<
        OrderRow & {
          steps_json: Json<StepRow>[];
          movements_json: Json<MovementRow>[];
          requisitions_json: RequisitionRow[];
        }
      >(`${DETAIL_SELECT} WHERE o.id = $1 AND ${visible(scope, params)}`, params);
      const row = rows.rows[0];
      if (!row) return null;
      return {
        order: toOrder(row),
        steps: row.steps_json.map((r) => toStep(dated(r))),
        movements: row.movements_json.map((r) => toMovement(dated(r))),
        requisitions: row.requisitions_json.map(toRequisition),
      };
    },
  };
}
