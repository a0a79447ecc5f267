-- The enterprises' risk registers (风险分级管控): units, and the assessed risk points in them.
CREATE TABLE risk_units (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id      uuid NOT NULL REFERENCES enterprises (id),
  county             text NOT NULL,
  name               text NOT NULL,
  kind               text NOT NULL CHECK (kind IN ('area', 'facility', 'activity', 'post')),
  location           text,
  site_plan_polygon  jsonb,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL
);
CREATE INDEX risk_units_enterprise ON risk_units (enterprise_id);
CREATE INDEX risk_units_county ON risk_units (county);

CREATE TABLE risk_points (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id             uuid NOT NULL REFERENCES risk_units (id) ON DELETE CASCADE,
  name                text NOT NULL,
  accident_types      text[] NOT NULL,
  assessment          jsonb NOT NULL,
  value               double precision NOT NULL,
  level               smallint NOT NULL CHECK (level BETWEEN 1 AND 4),
  colour              text NOT NULL,
  measures            jsonb NOT NULL,
  control_level       text NOT NULL,
  responsible_person  text NOT NULL,
  assessed_at         timestamptz NOT NULL,
  assessed_by         text NOT NULL
);
CREATE INDEX risk_points_unit ON risk_points (unit_id);
