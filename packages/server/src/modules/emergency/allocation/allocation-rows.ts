import type { AllocationDestinationKind, AllocationStatus, DataScope } from '@anjian/domain';
import { scopeCondition } from '../../../platform/scope-sql.ts';

// The allocation order's row, its mapping and the scope rule, shared by the allocation repositories.

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

export interface OrderRow {
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

export const toOrder = (r: OrderRow): OrderRecord => ({
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

export const ORDER_COLUMNS = 'o.*, i.location AS incident_name, dw.name AS destination_warehouse_name';
export const ORDER_FROM = `FROM allocation_orders o
  LEFT JOIN incidents i ON i.id = o.incident_id
  LEFT JOIN emergency_resources dw ON dw.id = o.destination_warehouse_id`;
export const ORDER_SELECT = `SELECT ${ORDER_COLUMNS} ${ORDER_FROM}`;

/** Orders belong to a county; enterprise accounts see none. */
export const visible = (scope: DataScope, params: unknown[], column = 'o.county') =>
  scope.kind === 'enterprise'
    ? 'FALSE'
    : scopeCondition(scope, { county: column, enterprise: 'NULL' }, params);

export const escapeLike = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
