-- Dual prevention (issue 4): the site plan (厂区平面图) under each enterprise's four-colour risk map,
-- one per enterprise. The image itself is an upload; width and height are its pixel size, the space
-- the risk units' outlines (risk_units.site_plan_polygon) are drawn in.
CREATE TABLE risk_site_plans (
  enterprise_id  uuid PRIMARY KEY REFERENCES enterprises (id) ON DELETE CASCADE,
  upload_id      uuid NOT NULL REFERENCES uploads (id),
  width          integer NOT NULL CHECK (width BETWEEN 1 AND 100000),
  height         integer NOT NULL CHECK (height BETWEEN 1 AND 100000),
  updated_by     text NOT NULL,
  updated_at     timestamptz NOT NULL
);
