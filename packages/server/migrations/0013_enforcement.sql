-- Enforcement (执法, issue 6): categories, inspector roster and conflicts, plans, double-random draws,
-- the checklist library, inspections with offline submissions, documents, penalty cases and the
-- credit list. The rules live in the domain; `state` columns keep the domain's state and the
-- columns beside them are what lists filter and sort on.

CREATE TABLE enforcement_categories (
  code         text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{0,31}$'),
  name_zh      text NOT NULL,
  name_en      text NOT NULL,
  description  text,
  sort_order   integer NOT NULL DEFAULT 0,
  active       boolean NOT NULL DEFAULT true
);
INSERT INTO enforcement_categories (code, name_zh, name_en, sort_order) VALUES
  ('key', '重点检查企业', 'Key inspection enterprise', 1),
  ('general', '一般检查企业', 'General inspection enterprise', 2),
  ('minor', '小微企业', 'Small and micro enterprise', 3);

CREATE TABLE enforcement_enterprise_categories (
  enterprise_id  uuid PRIMARY KEY REFERENCES enterprises (id),
  category_code  text NOT NULL REFERENCES enforcement_categories (code),
  updated_at     timestamptz NOT NULL
);

CREATE TABLE enforcement_inspectors (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name                text NOT NULL,
  certificate_no      text NOT NULL UNIQUE,
  certificate_expiry  date NOT NULL,
  county              text NOT NULL,
  specialties         text[] NOT NULL DEFAULT '{}',
  user_id             uuid UNIQUE REFERENCES users (id),
  active              boolean NOT NULL DEFAULT true,
  demo                boolean NOT NULL DEFAULT false,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL
);
CREATE INDEX enforcement_inspectors_county ON enforcement_inspectors (county);

CREATE TABLE enforcement_conflicts (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inspector_id   uuid NOT NULL REFERENCES enforcement_inspectors (id),
  enterprise_id  uuid NOT NULL REFERENCES enterprises (id),
  relation       text NOT NULL,
  declared_at    timestamptz NOT NULL,
  UNIQUE (inspector_id, enterprise_id)
);

CREATE TABLE enforcement_plans (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county      text NOT NULL,          -- 530400 for the city plan
  kind        text NOT NULL CHECK (kind IN ('annual', 'monthly')),
  year        integer NOT NULL,
  month       integer CHECK (month BETWEEN 1 AND 12),
  title       text NOT NULL,
  targets     jsonb NOT NULL,         -- [{ categoryCode, county, count }]
  focus       jsonb NOT NULL,         -- [{ enterpriseId, reason }]
  demo        boolean NOT NULL DEFAULT false,
  created_by  uuid NOT NULL REFERENCES users (id),
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  CHECK ((kind = 'annual' AND month IS NULL) OR (kind = 'monthly' AND month IS NOT NULL))
);

CREATE TABLE enforcement_draws (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county         text NOT NULL,       -- 530400 for a city draw
  plan_id        uuid REFERENCES enforcement_plans (id),
  title          text NOT NULL,
  status         text NOT NULL CHECK (status IN ('draft', 'published', 'executed', 'disclosed')),
  filters        jsonb NOT NULL,
  record         jsonb NOT NULL,      -- the public record (announcedAt filled in when published)
  seed           text,                -- secret until disclosed
  commitment     text,
  result         jsonb,
  demo           boolean NOT NULL DEFAULT false,
  created_by     uuid NOT NULL REFERENCES users (id),
  created_at     timestamptz NOT NULL,
  published_at   timestamptz,
  executed_at    timestamptz,
  disclosed_at   timestamptz
);
CREATE INDEX enforcement_draws_county ON enforcement_draws (county, created_at DESC);

CREATE TABLE enforcement_checklist_items (
  id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  sector                    text NOT NULL,   -- regulatory sector code, or 'general' for every enterprise
  code                      text NOT NULL,
  text                      text NOT NULL,
  legal_basis               text NOT NULL,
  hazard_category           text NOT NULL,   -- GB 6441 accident type of the hidden hazard a failure opens
  suggested_penalty_clause  text,
  sort_order                integer NOT NULL DEFAULT 0,
  active                    boolean NOT NULL DEFAULT true,
  updated_at                timestamptz NOT NULL,
  UNIQUE (sector, code)
);

CREATE TABLE enforcement_inspections (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind                 text NOT NULL CHECK (kind IN ('double_random', 'ad_hoc')),
  status               text NOT NULL CHECK (status IN ('planned', 'in_progress', 'completed', 'cancelled')),
  enterprise_id        uuid NOT NULL REFERENCES enterprises (id),
  county               text NOT NULL,
  draw_id              uuid REFERENCES enforcement_draws (id),
  planned_date         date,
  inspector_ids        uuid[] NOT NULL,
  notes                text,
  signature_upload_id  uuid REFERENCES uploads (id),
  started_at           timestamptz,
  finished_at          timestamptz,
  completed_at         timestamptz,
  demo                 boolean NOT NULL DEFAULT false,
  created_by           uuid NOT NULL REFERENCES users (id),
  created_at           timestamptz NOT NULL,
  updated_at           timestamptz NOT NULL
);
CREATE INDEX enforcement_inspections_county ON enforcement_inspections (county, status, created_at DESC);
CREATE INDEX enforcement_inspections_enterprise ON enforcement_inspections (enterprise_id, created_at DESC);
CREATE INDEX enforcement_inspections_draw ON enforcement_inspections (draw_id);

CREATE TABLE enforcement_inspection_items (
  id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inspection_id             uuid NOT NULL REFERENCES enforcement_inspections (id),
  position                  integer NOT NULL,
  library_item_id           uuid REFERENCES enforcement_checklist_items (id),
  code                      text NOT NULL,
  text                      text NOT NULL,
  legal_basis               text NOT NULL,
  hazard_category           text NOT NULL,
  suggested_penalty_clause  text,
  result                    text CHECK (result IN ('pass', 'fail', 'na')),
  note                      text,
  photo_ids                 uuid[] NOT NULL DEFAULT '{}',
  deadline                  date,
  hazard_id                 uuid REFERENCES hidden_hazards (id),
  UNIQUE (inspection_id, position)
);

-- One row per offline submission: the first answer is kept and replayed for the same client id.
CREATE TABLE enforcement_submissions (
  client_submission_id  uuid PRIMARY KEY,
  inspection_id         uuid NOT NULL REFERENCES enforcement_inspections (id),
  body_hash             text NOT NULL,
  response              jsonb NOT NULL,
  submitted_by          uuid NOT NULL REFERENCES users (id),
  accepted_at           timestamptz NOT NULL
);

CREATE TABLE enforcement_document_sequences (
  prefix       text NOT NULL,
  type_tag     text NOT NULL,
  year         integer NOT NULL,
  last_number  text NOT NULL,
  PRIMARY KEY (prefix, type_tag, year)
);

CREATE TABLE enforcement_documents (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  type           text NOT NULL,
  number         text NOT NULL UNIQUE,
  county         text NOT NULL,
  enterprise_id  uuid NOT NULL REFERENCES enterprises (id),
  inspection_id  uuid REFERENCES enforcement_inspections (id),
  case_id        uuid,
  fields         jsonb NOT NULL,
  issued_by      uuid NOT NULL REFERENCES users (id),
  issued_at      timestamptz NOT NULL
);
CREATE INDEX enforcement_documents_owner ON enforcement_documents (inspection_id, case_id);

CREATE TABLE enforcement_cases (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id  uuid NOT NULL REFERENCES enterprises (id),
  county         text NOT NULL,
  inspection_id  uuid REFERENCES enforcement_inspections (id),
  party_name     text NOT NULL,
  summary        text NOT NULL,
  status         text NOT NULL,
  state          jsonb NOT NULL,
  demo           boolean NOT NULL DEFAULT false,
  created_by     uuid NOT NULL REFERENCES users (id),
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL
);
CREATE INDEX enforcement_cases_county ON enforcement_cases (county, created_at DESC);
ALTER TABLE enforcement_documents ADD FOREIGN KEY (case_id) REFERENCES enforcement_cases (id);

CREATE TABLE credit_listings (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id  uuid NOT NULL REFERENCES enterprises (id),
  county         text NOT NULL,
  case_id        uuid NOT NULL REFERENCES enforcement_cases (id),
  status         text NOT NULL,
  state          jsonb NOT NULL,
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL
);
CREATE INDEX credit_listings_enterprise ON credit_listings (enterprise_id, status);
