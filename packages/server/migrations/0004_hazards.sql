-- Hidden hazards (事故隐患) and their closed loop. The rules live in the domain; `state` keeps the
-- domain's state (plan, supervision, extensions, rectification, timeline) and the columns beside it
-- are what lists filter and sort on.
CREATE TABLE hidden_hazards (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id      uuid NOT NULL REFERENCES enterprises (id),
  county             text NOT NULL,
  source             text NOT NULL,
  source_ref         text,
  location_text      text NOT NULL,
  lon                double precision,
  lat                double precision,
  description        text NOT NULL,
  category           text NOT NULL,
  photos             uuid[] NOT NULL DEFAULT '{}',
  level              text NOT NULL CHECK (level IN ('general', 'major')),
  status             text NOT NULL,
  deadline           date,
  supervision_level  text,
  state              jsonb NOT NULL,
  reported_by        uuid NOT NULL REFERENCES users (id),
  reported_at        timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL
);
CREATE INDEX hidden_hazards_county_status ON hidden_hazards (county, status, reported_at DESC);
CREATE INDEX hidden_hazards_enterprise ON hidden_hazards (enterprise_id, reported_at DESC);
CREATE INDEX hidden_hazards_open_deadline ON hidden_hazards (deadline) WHERE status IN ('reported', 'rectifying', 'pending_acceptance');
