-- Emergency libraries: teams, warehouses (with materials), experts, shelters, hospitals, schools.
-- Distances use the earthdistance extension (a sphere of the Earth's mean radius), indexed by GiST.
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;

CREATE TABLE emergency_resources (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind           text NOT NULL CHECK (kind IN ('team', 'warehouse', 'expert', 'shelter', 'hospital', 'school')),
  name           text NOT NULL,
  county         text NOT NULL,
  lon            double precision NOT NULL,
  lat            double precision NOT NULL,
  address        text,
  contact_name   text,
  contact_phone_enc text,
  attributes     jsonb NOT NULL DEFAULT '{}',
  demo           boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL
);
CREATE INDEX emergency_resources_kind ON emergency_resources (kind, county);
CREATE INDEX emergency_resources_earth ON emergency_resources USING gist (ll_to_earth(lat, lon));

CREATE TABLE emergency_materials (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  warehouse_id   uuid NOT NULL REFERENCES emergency_resources (id) ON DELETE CASCADE,
  name           text NOT NULL,
  unit           text NOT NULL,
  quantity       numeric NOT NULL,
  minimum_stock  numeric,
  expires_on     date
);
CREATE INDEX emergency_materials_warehouse ON emergency_materials (warehouse_id);
