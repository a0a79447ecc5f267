-- Monitoring and early warning (监测预警): points, readings, device tokens, alarm rules, alarm
-- evaluation state, alarms with their handling, and site warnings. The hot path writes readings by
-- binary COPY; everything else is small.

CREATE TABLE monitoring_points (
  id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Compact key of the readings table (4 bytes instead of 16 per reading).
  no                        integer GENERATED ALWAYS AS IDENTITY UNIQUE,
  code                      text NOT NULL UNIQUE,
  name                      text NOT NULL,
  object_id                 uuid NOT NULL REFERENCES regulated_objects (id) ON DELETE RESTRICT,
  enterprise_id             uuid NOT NULL REFERENCES enterprises (id) ON DELETE RESTRICT,
  county                    text NOT NULL,
  type                      text NOT NULL,
  unit                      text NOT NULL,
  gas                       text,
  range_min                 double precision NOT NULL,
  range_max                 double precision NOT NULL,
  expected_interval_seconds integer NOT NULL CHECK (expected_interval_seconds > 0),
  thresholds                jsonb,
  deadband                  double precision,
  location                  text,
  -- Thresholds and range are versioned: raised on every change of the definition.
  version                   integer NOT NULL DEFAULT 1,
  disabled_at               timestamptz,
  demo                      boolean NOT NULL DEFAULT false,
  created_at                timestamptz NOT NULL,
  updated_at                timestamptz NOT NULL,
  CHECK (range_min < range_max)
);
CREATE INDEX monitoring_points_object ON monitoring_points (object_id);
CREATE INDEX monitoring_points_enterprise ON monitoring_points (enterprise_id);
CREATE INDEX monitoring_points_county ON monitoring_points (county);

-- One row per reading; (point, time) is unique: a second reading of the same point and time is a
-- duplicate. flags: bit 0 nan, bit 1 future, bit 2 out_of_range (kept, never evaluated).
CREATE TABLE readings (
  point_no  integer NOT NULL,
  ts        timestamptz NOT NULL,
  value     double precision,
  flags     smallint NOT NULL DEFAULT 0,
  PRIMARY KEY (point_no, ts)
);

-- Devices send telemetry with a bearer token scoped to one enterprise; only its hash is kept.
CREATE TABLE device_tokens (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id  uuid NOT NULL REFERENCES enterprises (id) ON DELETE RESTRICT,
  county         text NOT NULL,
  name           text NOT NULL,
  token_hash     text NOT NULL UNIQUE,
  prefix         text NOT NULL,
  created_by     uuid REFERENCES users (id),
  created_at     timestamptz NOT NULL,
  last_used_at   timestamptz,
  revoked_at     timestamptz
);
CREATE INDEX device_tokens_enterprise ON device_tokens (enterprise_id);

-- Alarm rules as versioned data: every change inserts a new version; the newest enabled version of
-- an id (per scope) is in force. The body is the domain's AlarmRule JSON.
CREATE TABLE alarm_rules (
  id          text NOT NULL,
  version     integer NOT NULL,
  scope_kind  text NOT NULL CHECK (scope_kind IN ('point', 'type')),
  scope_key   text NOT NULL,
  body        jsonb NOT NULL,
  retired     boolean NOT NULL DEFAULT false,
  created_by  uuid REFERENCES users (id),
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (id, scope_kind, scope_key, version)
);

-- The evaluator's state per point (PointAlarmState JSON), written when a rule changes status and
-- periodically; the in-memory copy is the live one.
CREATE TABLE point_alarm_states (
  point_id     uuid PRIMARY KEY REFERENCES monitoring_points (id) ON DELETE CASCADE,
  state        jsonb NOT NULL,
  last_ts      timestamptz,
  last_value   double precision,
  next_check   timestamptz,
  updated_at   timestamptz NOT NULL
);

CREATE TABLE alarms (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  point_id         uuid NOT NULL REFERENCES monitoring_points (id) ON DELETE RESTRICT,
  object_id        uuid NOT NULL,
  enterprise_id    uuid NOT NULL,
  county           text NOT NULL,
  rule_id          text NOT NULL,
  rule_version     integer NOT NULL,
  kind             text NOT NULL,
  level            text,
  colour           text,
  value            double precision,
  status           text NOT NULL CHECK (status IN ('pending', 'firing', 'acknowledged', 'handling', 'cleared', 'closed')),
  evaluation       text NOT NULL CHECK (evaluation IN ('normal', 'pending', 'firing')),
  raised_at        timestamptz NOT NULL,
  fired_at         timestamptz,
  respond_by       timestamptz,
  escalation       text NOT NULL DEFAULT 'awaiting_response',
  acknowledged_at  timestamptz,
  assignee         text,
  cleared_at       timestamptz,
  cleared_by       text,
  clear_reason     text,
  disposal         jsonb,
  closed_at        timestamptz,
  timeline         jsonb NOT NULL,
  demo             boolean NOT NULL DEFAULT false,
  updated_at       timestamptz NOT NULL
);
-- At most one alarm per point and rule is open (not yet cleared or closed).
CREATE UNIQUE INDEX alarms_one_open ON alarms (point_id, rule_id)
  WHERE status IN ('pending', 'firing', 'acknowledged', 'handling');
CREATE INDEX alarms_queue ON alarms (county, status, raised_at DESC);
CREATE INDEX alarms_enterprise ON alarms (enterprise_id, raised_at DESC);
CREATE INDEX alarms_point ON alarms (point_id, raised_at DESC);
CREATE INDEX alarms_escalation ON alarms (respond_by) WHERE acknowledged_at IS NULL AND status IN ('pending', 'firing');

-- The current four-colour warning of each monitored site, and every change of it with its reasons.
CREATE TABLE site_warnings (
  object_id   uuid PRIMARY KEY REFERENCES regulated_objects (id) ON DELETE CASCADE,
  level       text,
  reasons     jsonb NOT NULL,
  items       jsonb NOT NULL,
  preset_id   text NOT NULL,
  changed_at  timestamptz NOT NULL
);
CREATE TABLE site_warning_changes (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  object_id   uuid NOT NULL REFERENCES regulated_objects (id) ON DELETE CASCADE,
  county      text NOT NULL,
  from_level  text,
  to_level    text,
  reasons     jsonb NOT NULL,
  at          timestamptz NOT NULL
);
CREATE INDEX site_warning_changes_object ON site_warning_changes (object_id, at DESC);

-- Alarms that repeat open a hidden hazard once per period (issue 5 item 9).
CREATE TABLE alarm_hazard_links (
  point_id    uuid NOT NULL REFERENCES monitoring_points (id) ON DELETE CASCADE,
  rule_id     text NOT NULL,
  hazard_id   uuid NOT NULL,
  opened_at   timestamptz NOT NULL,
  PRIMARY KEY (point_id, rule_id, opened_at)
);

-- Settings of the monitoring module (response time, escalation, repeat-alarm rule), one JSON row.
CREATE TABLE monitoring_settings (
  id          boolean PRIMARY KEY DEFAULT true CHECK (id),
  body        jsonb NOT NULL,
  updated_at  timestamptz NOT NULL
);
