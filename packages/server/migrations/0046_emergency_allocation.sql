-- Allocation orders (调拨单) of emergency materials: request → approval → issue (FEFO, from one or
-- more warehouses and requisitions from enterprises) → transport → receipt (the scene or another
-- warehouse) → use → return / write-off. Every quantity that moves is a ledger line.

-- Stock never below zero: the issue also locks the rows it takes from, this is the last word.
ALTER TABLE emergency_materials ADD CONSTRAINT emergency_materials_quantity_nonnegative CHECK (quantity >= 0);
CREATE INDEX emergency_materials_name ON emergency_materials (name, unit, warehouse_id);

CREATE SEQUENCE allocation_order_serial;

CREATE TABLE allocation_orders (
  id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number                    text NOT NULL UNIQUE,
  incident_id               uuid REFERENCES incidents (id) ON DELETE SET NULL,
  county                    text NOT NULL,
  material_name             text NOT NULL,
  unit                      text NOT NULL,
  quantity                  numeric NOT NULL CHECK (quantity > 0),
  destination_kind          text NOT NULL CHECK (destination_kind IN ('scene', 'warehouse')),
  destination_warehouse_id  uuid REFERENCES emergency_resources (id),
  destination               text,
  status                    text NOT NULL CHECK (status IN ('requested', 'approved', 'rejected', 'cancelled',
                              'issued', 'in_transit', 'received', 'in_use', 'closed')),
  issued                    numeric NOT NULL DEFAULT 0 CHECK (issued >= 0),
  received                  numeric NOT NULL DEFAULT 0 CHECK (received >= 0),
  returned                  numeric NOT NULL DEFAULT 0 CHECK (returned >= 0),
  consumed                  numeric NOT NULL DEFAULT 0 CHECK (consumed >= 0),
  vehicle                   text,
  driver                    text,
  notes                     text,
  requested_by              uuid REFERENCES users (id) ON DELETE SET NULL,
  demo                      boolean NOT NULL DEFAULT false,
  created_at                timestamptz NOT NULL,
  updated_at                timestamptz NOT NULL,
  CHECK (issued <= quantity),
  CHECK (returned + consumed <= received),
  CHECK ((destination_kind = 'warehouse') = (destination_warehouse_id IS NOT NULL))
);
CREATE INDEX allocation_orders_county ON allocation_orders (county, created_at DESC);
CREATE INDEX allocation_orders_incident ON allocation_orders (incident_id);

CREATE TABLE allocation_steps (
  id          bigserial PRIMARY KEY,
  order_id    uuid NOT NULL REFERENCES allocation_orders (id) ON DELETE CASCADE,
  action      text NOT NULL,
  note        text,
  actor       uuid REFERENCES users (id) ON DELETE SET NULL,
  at          timestamptz NOT NULL
);
CREATE INDEX allocation_steps_order ON allocation_steps (order_id, id);

CREATE TABLE allocation_requisitions (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id             uuid NOT NULL REFERENCES allocation_orders (id) ON DELETE CASCADE,
  enterprise_id        uuid NOT NULL,
  quantity             numeric NOT NULL CHECK (quantity > 0),
  compensation_yuan    numeric CHECK (compensation_yuan >= 0),
  compensation_status  text NOT NULL CHECK (compensation_status IN ('pending', 'agreed', 'paid')),
  paid_on              date,
  notes                text,
  created_at           timestamptz NOT NULL,
  updated_at           timestamptz NOT NULL
);
CREATE INDEX allocation_requisitions_order ON allocation_requisitions (order_id);

-- The ledger (台账): one line per quantity that moves; balance_after is the warehouse's stock of the
-- material (all its batches) just after the line.
CREATE TABLE allocation_movements (
  id              bigserial PRIMARY KEY,
  order_id        uuid NOT NULL REFERENCES allocation_orders (id) ON DELETE CASCADE,
  kind            text NOT NULL CHECK (kind IN ('issue', 'requisition', 'receipt', 'return', 'consume')),
  material_name   text NOT NULL,
  unit            text NOT NULL,
  warehouse_id    uuid REFERENCES emergency_resources (id) ON DELETE SET NULL,
  warehouse_name  text,
  enterprise_id   uuid,
  expires_on      date,
  quantity        numeric NOT NULL CHECK (quantity > 0),
  balance_after   numeric CHECK (balance_after >= 0),
  actor           uuid REFERENCES users (id) ON DELETE SET NULL,
  at              timestamptz NOT NULL
);
CREATE INDEX allocation_movements_order ON allocation_movements (order_id, id);
CREATE INDEX allocation_movements_material ON allocation_movements (material_name, unit, id);
CREATE INDEX allocation_movements_warehouse ON allocation_movements (warehouse_id, id);
