-- Uploaded photos (hazard evidence, inspection photos), metadata stripped on arrival. Each belongs
-- to a county and, when known, an enterprise, and is read under the same data scope as its owner.
CREATE TABLE uploads (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  content_type   text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
  size           integer NOT NULL,
  sha256         text NOT NULL,
  data           bytea NOT NULL,
  county         text NOT NULL,
  enterprise_id  uuid REFERENCES enterprises (id),
  uploaded_by    uuid NOT NULL REFERENCES users (id),
  created_at     timestamptz NOT NULL
);
CREATE INDEX uploads_owner ON uploads (county, enterprise_id);
