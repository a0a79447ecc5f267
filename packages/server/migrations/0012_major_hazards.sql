-- GB 18218-2018 declarations (重大危险源辨识与分级申报): an enterprise's production and storage units,
-- each unit's inventory, the identification computed on every change, and every version kept.

CREATE TABLE major_hazard_units (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id       uuid NOT NULL REFERENCES enterprises (id) ON DELETE RESTRICT,
  county              text NOT NULL,
  name                text NOT NULL,
  kind                text NOT NULL CHECK (kind IN ('production', 'storage')),
  location_text       text,
  lon                 double precision,
  lat                 double precision,
  exposed_population  integer NOT NULL CHECK (exposed_population >= 0),
  -- The identification as last computed (S, α, R, level, items, steps); S and R are exact-truncated text.
  s                   text NOT NULL,
  is_major            boolean NOT NULL,
  level               smallint CHECK (level BETWEEN 1 AND 4),
  identification      jsonb NOT NULL,
  -- The registry major hazard source this unit keeps up to date; never deleted by this module.
  registry_object_id  uuid REFERENCES regulated_objects (id) ON DELETE SET NULL,
  retired_at          timestamptz,
  version             integer NOT NULL DEFAULT 1,
  demo                boolean NOT NULL DEFAULT false,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  updated_by          text NOT NULL,
  CHECK ((lon IS NULL) = (lat IS NULL)),
  CHECK (is_major = (level IS NOT NULL))
);
CREATE UNIQUE INDEX major_hazard_units_name ON major_hazard_units (enterprise_id, name) WHERE retired_at IS NULL;
CREATE INDEX major_hazard_units_county ON major_hazard_units (county, level) WHERE retired_at IS NULL;
CREATE UNIQUE INDEX major_hazard_units_object ON major_hazard_units (registry_object_id)
  WHERE registry_object_id IS NOT NULL;

-- The current inventory, one row per declared chemical; quantities exact (numeric keeps the input's scale).
CREATE TABLE major_hazard_inventory (
  unit_id           uuid NOT NULL REFERENCES major_hazard_units (id) ON DELETE CASCADE,
  position          integer NOT NULL,
  substance         text NOT NULL,
  substance_code    text NOT NULL,
  quantity_tonnes   numeric NOT NULL CHECK (quantity_tonnes > 0),
  beta_category     text,
  PRIMARY KEY (unit_id, position)
);
CREATE INDEX major_hazard_inventory_code ON major_hazard_inventory (substance_code);

CREATE TABLE major_hazard_unit_history (
  id                  bigserial PRIMARY KEY,
  unit_id             uuid NOT NULL REFERENCES major_hazard_units (id) ON DELETE CASCADE,
  version             integer NOT NULL,
  at                  timestamptz NOT NULL,
  actor_id            uuid,
  actor_name          text NOT NULL,
  change              text NOT NULL CHECK (change IN ('declared', 'updated', 'retired')),
  exposed_population  integer NOT NULL,
  inventory           jsonb NOT NULL,
  s                   text NOT NULL,
  is_major            boolean NOT NULL,
  r                   text,
  level               smallint,
  identification      jsonb NOT NULL
);
CREATE INDEX major_hazard_unit_history_unit ON major_hazard_unit_history (unit_id, id DESC);
