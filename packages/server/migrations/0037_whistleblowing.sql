-- 举报奖励 (issue 16): reports from the public and the bureau's handling of them.
-- An anonymous report keeps no IP, user agent or time of day: `received_on` is the date only, and
-- abuse control lives apart in whistle_abuse, which expires (docs/whistleblowing.md).
CREATE TABLE whistle_reports (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  query_code         text NOT NULL UNIQUE,
  -- SM3 over a per-report salt and the secret (100 random bits: no slow hash needed).
  secret_salt        text NOT NULL,
  secret_hash        text NOT NULL,
  channel            text NOT NULL CHECK (channel IN ('online', 'phone_12350', 'letter', 'email', 'visit')),
  category           text NOT NULL CHECK (category IN ('major_hazard', 'illegal_operation', 'concealed_accident')),
  description        text NOT NULL,
  address            text,
  lon                double precision,
  lat                double precision,
  enterprise_id      uuid REFERENCES enterprises (id),
  enterprise_name    text,
  county             text,
  occurred_on        date,
  anonymous          boolean NOT NULL,
  pseudonym          text,
  photo_ids          uuid[] NOT NULL DEFAULT '{}',
  received_on        date NOT NULL,
  status             text NOT NULL CHECK (status IN ('received', 'accepted', 'not_accepted', 'transferred', 'verified', 'replied')),
  acceptance_due     date NOT NULL,
  decided_on         date,
  decision_reason    text,
  transferred_to     text,
  assigned_county    text,
  assigned_deadline  date,
  verification_due   date,
  outcome            text CHECK (outcome IN ('true', 'partly_true', 'untrue')),
  outcome_note       text,
  inspection_id      uuid,
  hazard_ids         uuid[] NOT NULL DEFAULT '{}',
  penalty_case_id    uuid,
  fine_yuan          numeric(14, 2),
  deaths             integer,
  accident_class     text CHECK (accident_class IN ('general', 'larger', 'major', 'especially_major')),
  entered_by         uuid REFERENCES users (id),
  demo               boolean NOT NULL DEFAULT false,
  CHECK (anonymous = (pseudonym IS NULL))
);
CREATE INDEX whistle_reports_county ON whistle_reports (coalesce(assigned_county, county), status, received_on DESC);
CREATE INDEX whistle_reports_enterprise ON whistle_reports (enterprise_id);

-- Real-name identity, each field sealed with SM4 under WHISTLEBLOWER_ENCRYPTION_KEY (not the field key).
CREATE TABLE whistle_identities (
  report_id             uuid PRIMARY KEY REFERENCES whistle_reports (id) ON DELETE CASCADE,
  name_sealed           text NOT NULL,
  id_number_sealed      text NOT NULL,
  phone_sealed          text NOT NULL,
  bank_account_sealed   text
);

-- The reporter's additions and the bureau's replies. A reporter's message keeps its date only.
CREATE TABLE whistle_messages (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  report_id   uuid NOT NULL REFERENCES whistle_reports (id) ON DELETE CASCADE,
  seq         integer NOT NULL,
  author      text NOT NULL CHECK (author IN ('reporter', 'bureau')),
  written_on  date NOT NULL,
  body        text NOT NULL,
  photo_ids   uuid[] NOT NULL DEFAULT '{}',
  written_by  uuid REFERENCES users (id),
  UNIQUE (report_id, seq)
);

CREATE TABLE whistle_rewards (
  report_id      uuid PRIMARY KEY REFERENCES whistle_reports (id) ON DELETE CASCADE,
  status         text NOT NULL CHECK (status IN ('proposed', 'approved_once', 'approved', 'paid')),
  amount_yuan    numeric(14, 2) NOT NULL,
  basis          text NOT NULL,
  rule_id        text NOT NULL,
  source         text NOT NULL,
  proposed_by    uuid NOT NULL REFERENCES users (id),
  proposed_at    timestamptz NOT NULL,
  approvers      uuid[] NOT NULL DEFAULT '{}',
  paid_on        date,
  payment_ref    text,
  paid_by        uuid REFERENCES users (id),
  CHECK (cardinality(approvers) <= 2)
);

-- Abuse control for the public endpoints: hashed client keys, kept apart from the reports, expiring.
CREATE TABLE whistle_abuse (
  id          bigserial PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('submit', 'lookup', 'lookup_failed', 'photo')),
  client_key  text NOT NULL,
  at          timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL
);
CREATE INDEX whistle_abuse_key ON whistle_abuse (client_key, kind, at);
CREATE INDEX whistle_abuse_expiry ON whistle_abuse (expires_at);

-- Photos sent from the public page before the report: bound to the sending device until attached.
CREATE TABLE whistle_photos (
  upload_id    uuid PRIMARY KEY REFERENCES uploads (id),
  device_key   text,
  report_id    uuid REFERENCES whistle_reports (id) ON DELETE CASCADE,
  expires_at   timestamptz
);

-- The public page's photos have no uploading user.
ALTER TABLE uploads ALTER COLUMN uploaded_by DROP NOT NULL;
