-- Public warning release (预警发布): the working copy, its steps, the released CAP versions (archived,
-- immutable), the channel outbox and warnings received from outside.

CREATE TABLE warnings (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  status            text NOT NULL CHECK (status IN ('draft', 'submitted', 'rejected', 'approved', 'published', 'cancelled', 'expired')),
  event_type        text NOT NULL,
  level             text NOT NULL CHECK (level IN ('blue', 'yellow', 'orange', 'red')),
  onset             timestamptz NOT NULL,
  expires           timestamptz NOT NULL,
  audience          text NOT NULL DEFAULT '',
  contact           text NOT NULL,
  -- {counties: [], townships: [], polygon: [{lat, lon}] | null, circle: {center, radiusKm} | null}
  area              jsonb NOT NULL,
  counties          text[] NOT NULL DEFAULT '{}',
  -- {zh: {headline, description, instruction}, en: … | null}
  info              jsonb NOT NULL,
  author_id         uuid NOT NULL,
  author_name       text NOT NULL,
  approver_id       uuid,
  approver_name     text,
  last_comment      text,
  released_versions integer NOT NULL DEFAULT 0,
  demo              boolean NOT NULL DEFAULT false,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  CHECK (expires > onset)
);
CREATE INDEX warnings_status ON warnings (status, updated_at DESC);

CREATE TABLE warning_steps (
  id          bigserial PRIMARY KEY,
  warning_id  uuid NOT NULL REFERENCES warnings (id),
  at          timestamptz NOT NULL,
  action      text NOT NULL,
  actor_id    uuid,
  actor_name  text NOT NULL,
  comment     text NOT NULL DEFAULT ''
);
CREATE INDEX warning_steps_warning ON warning_steps (warning_id, id);

CREATE TABLE warning_versions (
  warning_id  uuid NOT NULL REFERENCES warnings (id),
  version     integer NOT NULL,
  identifier  text NOT NULL UNIQUE,
  msg_type    text NOT NULL CHECK (msg_type IN ('Alert', 'Update', 'Cancel')),
  sent        timestamptz NOT NULL,
  -- What was released (level, times, area, texts), so a later revision never changes what the public saw.
  content     jsonb NOT NULL,
  cap_xml     text NOT NULL,
  sm3         text NOT NULL,
  PRIMARY KEY (warning_id, version)
);

-- A released version is a record of what the bureau told the public: it never changes.
CREATE FUNCTION warning_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'warning_versions are archived and immutable';
END $$;
CREATE TRIGGER warning_versions_immutable BEFORE UPDATE OR DELETE ON warning_versions
  FOR EACH ROW EXECUTE FUNCTION warning_versions_immutable();

-- The channels' outbox: one row per (version, channel, recipient), so each is delivered once.
CREATE TABLE warning_deliveries (
  id              bigserial PRIMARY KEY,
  warning_id      uuid NOT NULL,
  version         integer NOT NULL,
  channel         text NOT NULL CHECK (channel IN ('in_app', 'webhook', 'mqtt', 'email')),
  recipient       text NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  last_error      text,
  delivered_at    timestamptz,
  created_at      timestamptz NOT NULL,
  FOREIGN KEY (warning_id, version) REFERENCES warning_versions (warning_id, version),
  UNIQUE (warning_id, version, channel, recipient)
);
CREATE INDEX warning_deliveries_due ON warning_deliveries (next_attempt_at) WHERE status = 'pending';

CREATE TABLE warning_imports (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  identifier   text NOT NULL,
  sender       text NOT NULL,
  sent         text NOT NULL,
  msg_type     text NOT NULL,
  event        text NOT NULL DEFAULT '',
  severity     text NOT NULL DEFAULT '',
  headline     text NOT NULL DEFAULT '',
  area_desc    text NOT NULL DEFAULT '',
  cap_xml      text NOT NULL,
  sm3          text NOT NULL,
  imported_at  timestamptz NOT NULL,
  imported_by  text NOT NULL,
  -- CAP: sender + identifier name a message uniquely.
  UNIQUE (sender, identifier)
);
