-- The registry (底数): divisions and their boundaries, dictionaries, enterprises with licences and
-- change history, and the regulated objects; all located in WGS-84.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE divisions (
  code         text PRIMARY KEY,
  parent_code  text REFERENCES divisions (code),
  level        text NOT NULL CHECK (level IN ('city', 'county', 'township')),
  name_zh      text NOT NULL,
  name_en      text,
  lon          double precision NOT NULL,
  lat          double precision NOT NULL,
  -- True when the centre point is a placeholder, not a surveyed seat.
  centre_schematic boolean NOT NULL DEFAULT false
);

CREATE TABLE division_boundaries (
  code         text PRIMARY KEY REFERENCES divisions (code),
  geometry     jsonb NOT NULL,
  schematic    boolean NOT NULL,
  source       text NOT NULL,
  imported_at  timestamptz NOT NULL
);

CREATE TABLE dictionary_items (
  dictionary  text NOT NULL CHECK (dictionary IN ('sector', 'department', 'licence_type')),
  code        text NOT NULL,
  name_zh     text NOT NULL,
  name_en     text NOT NULL,
  sort        integer NOT NULL DEFAULT 0,
  active      boolean NOT NULL DEFAULT true,
  PRIMARY KEY (dictionary, code)
);

CREATE TABLE enterprises (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name                   text NOT NULL,
  credit_code            text NOT NULL UNIQUE,
  county                 text NOT NULL,
  township               text,
  address                text,
  lon                    double precision,
  lat                    double precision,
  location_approximate   boolean NOT NULL DEFAULT false,
  industry_code          text,
  sectors                text[] NOT NULL DEFAULT '{}',
  scale                  text CHECK (scale IN ('large', 'medium', 'small', 'micro')),
  employees              integer,
  -- {legalRepresentative|principal|safetyManager: {name, phoneEnc}}; phones SM4-sealed.
  contacts               jsonb NOT NULL DEFAULT '{}',
  status                 text NOT NULL DEFAULT 'operating' CHECK (status IN ('operating', 'suspended', 'closed')),
  key_tags               text[] NOT NULL DEFAULT '{}',
  responsible_department text,
  demo                   boolean NOT NULL DEFAULT false,
  created_at             timestamptz NOT NULL,
  updated_at             timestamptz NOT NULL,
  -- What the search box matches: the name and the credit code, lower case, one column, so that a
  -- search is one plain LIKE over a narrow column (CJK names defeat trigram indexes under C locale).
  search_text            text GENERATED ALWAYS AS (lower(name || ' ' || credit_code)) STORED,
  CHECK ((lon IS NULL) = (lat IS NULL))
);
CREATE INDEX enterprises_county ON enterprises (county, updated_at DESC);
CREATE INDEX enterprises_updated ON enterprises (updated_at DESC, id);
CREATE INDEX enterprises_search_trgm ON enterprises USING gin (search_text gin_trgm_ops);
CREATE INDEX enterprises_sectors ON enterprises USING gin (sectors);
CREATE INDEX enterprises_key_tags ON enterprises USING gin (key_tags);

-- An enterprise account's scope names a registered enterprise.
ALTER TABLE users ADD CONSTRAINT users_scope_enterprise_fk FOREIGN KEY (scope_enterprise_id) REFERENCES enterprises (id);

CREATE TABLE enterprise_licences (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id  uuid NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
  type           text NOT NULL,
  number         text NOT NULL,
  valid_until    date NOT NULL
);
CREATE INDEX enterprise_licences_enterprise ON enterprise_licences (enterprise_id);
CREATE INDEX enterprise_licences_valid_until ON enterprise_licences (valid_until);

CREATE TABLE enterprise_history (
  id             bigserial PRIMARY KEY,
  enterprise_id  uuid NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
  at             timestamptz NOT NULL,
  actor_id       uuid,
  actor_name     text NOT NULL,
  field          text NOT NULL,
  old_value      text,
  new_value      text
);
CREATE INDEX enterprise_history_enterprise ON enterprise_history (enterprise_id, id DESC);

CREATE TABLE regulated_objects (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind                  text NOT NULL CHECK (kind IN ('major_hazard_source', 'tailings_pond', 'underground_mine',
                                                      'open_pit_mine', 'waste_dump', 'pipeline', 'park')),
  name                  text NOT NULL,
  enterprise_id         uuid REFERENCES enterprises (id) ON DELETE RESTRICT,
  county                text NOT NULL,
  lon                   double precision NOT NULL,
  lat                   double precision NOT NULL,
  location_approximate  boolean NOT NULL DEFAULT false,
  attributes            jsonb NOT NULL DEFAULT '{}',
  geometry              jsonb,
  demo                  boolean NOT NULL DEFAULT false,
  created_at            timestamptz NOT NULL,
  updated_at            timestamptz NOT NULL,
  CHECK (kind = 'park' OR enterprise_id IS NOT NULL)
);
CREATE INDEX regulated_objects_kind ON regulated_objects (kind, county);
CREATE INDEX regulated_objects_enterprise ON regulated_objects (enterprise_id);
