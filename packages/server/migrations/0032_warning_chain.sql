-- Public warning release, second part: the chain to its source (an alarm, an incident's consequence
-- zone), templates per event type, recipient groups, the SMS and warning-centre channels with
-- per-phone quotas, and an SM2 signature on every released version.

ALTER TABLE warnings
  ADD COLUMN source_kind text CHECK (source_kind IN ('alarm', 'incident')),
  ADD COLUMN source_id uuid,
  ADD COLUMN source_label text,
  ADD COLUMN template_id uuid,
  -- Which recipient groups the release reaches (enterprise_managers, county_officers, …).
  ADD COLUMN recipient_groups text[] NOT NULL DEFAULT '{enterprise_managers,county_officers,city_officers}',
  ADD CONSTRAINT warnings_source_both CHECK ((source_kind IS NULL) = (source_id IS NULL));
CREATE INDEX warnings_source ON warnings (source_kind, source_id) WHERE source_kind IS NOT NULL;

-- A duty officer fills a warning in a minute: texts per event type with {placeholders}.
CREATE TABLE warning_templates (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name             text NOT NULL,
  event_type       text NOT NULL,
  level            text NOT NULL CHECK (level IN ('blue', 'yellow', 'orange', 'red')),
  hours            integer NOT NULL CHECK (hours BETWEEN 1 AND 720),
  audience         text NOT NULL DEFAULT '',
  -- {zh: {headline, description, instruction}, en: … | null}, with {placeholders}
  info             jsonb NOT NULL,
  demo             boolean NOT NULL DEFAULT false,
  created_by       text NOT NULL,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  UNIQUE (name)
);
CREATE INDEX warning_templates_event ON warning_templates (event_type, name);

ALTER TABLE warning_deliveries DROP CONSTRAINT warning_deliveries_channel_check;
ALTER TABLE warning_deliveries ADD CONSTRAINT warning_deliveries_channel_check
  CHECK (channel IN ('in_app', 'webhook', 'mqtt', 'email', 'sms', 'centre'));

-- Per-phone SMS quota: messages sent to a phone per China calendar day.
CREATE TABLE warning_sms_quota (
  phone  text NOT NULL,
  day    date NOT NULL,
  sent   integer NOT NULL DEFAULT 0,
  PRIMARY KEY (phone, day)
);

-- SM2 (GB/T 32918) signature over the archived CAP XML, and the public key that checks it.
ALTER TABLE warning_versions
  ADD COLUMN sm2_signature text,
  ADD COLUMN sm2_public_key text;
