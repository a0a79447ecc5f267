-- Dual prevention, second round (issue 4): escalation ladder, in-app notifications with a webhook
-- outbox, enterprise gradings, and hidden hazards linked to monitoring points.

-- Monitoring points a hazard concerns. Only ids: the monitoring module owns the points.
ALTER TABLE hidden_hazards ADD COLUMN linked_point_ids uuid[] NOT NULL DEFAULT '{}';

-- The ladder days (提醒, 通报 N, 约谈 M) per level; one row, absent = the domain defaults.
CREATE TABLE hazard_escalation_settings (
  id          boolean PRIMARY KEY DEFAULT true CHECK (id),
  settings    jsonb NOT NULL,
  updated_at  timestamptz NOT NULL,
  updated_by  text NOT NULL
);

-- Each fired ladder step, once: the unique key is what stops a restart or a second worker from
-- firing it again. `deadline` is the version: a new deadline starts a new ladder.
CREATE TABLE hazard_escalation_steps (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  hazard_id   uuid NOT NULL REFERENCES hidden_hazards (id) ON DELETE CASCADE,
  subject     text NOT NULL CHECK (subject IN ('deadline', 'supervision')),
  step        text NOT NULL CHECK (step IN ('reminder', 'warning', 'notice', 'interview')),
  deadline    date NOT NULL,
  due_at      timestamptz NOT NULL,
  fired_at    timestamptz NOT NULL,
  status      text NOT NULL,
  recipients  text[] NOT NULL,
  UNIQUE (hazard_id, subject, step, deadline)
);
CREATE INDEX hazard_escalation_steps_hazard ON hazard_escalation_steps (hazard_id, fired_at);

-- In-app notifications, one row per recipient user.
CREATE TABLE notifications (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind        text NOT NULL,
  severity    text NOT NULL CHECK (severity IN ('info', 'warning', 'danger')),
  title_zh    text NOT NULL,
  title_en    text NOT NULL,
  body_zh     text NOT NULL,
  body_en     text NOT NULL,
  link        text,
  data        jsonb NOT NULL DEFAULT '{}',
  created_at  timestamptz NOT NULL,
  read_at     timestamptz
);
CREATE INDEX notifications_user ON notifications (user_id, created_at DESC);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;

-- Webhook deliveries (outbox): written in the transaction that fires the step, POSTed after it,
-- retried with back-off; a failing endpoint never blocks the ladder.
CREATE TABLE webhook_deliveries (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  url              text NOT NULL,
  payload          jsonb NOT NULL,
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL,
  delivered_at     timestamptz,
  last_error       text,
  created_at       timestamptz NOT NULL
);
CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (next_attempt_at) WHERE delivered_at IS NULL;

-- Enterprise safety-risk gradings (应急〔2018〕19号 100-point score); the latest is current.
CREATE TABLE enterprise_gradings (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id  uuid NOT NULL REFERENCES enterprises (id),
  county         text NOT NULL,
  input          jsonb NOT NULL,
  result         jsonb NOT NULL,
  score          numeric(5, 2) NOT NULL,
  colour         text NOT NULL CHECK (colour IN ('red', 'orange', 'yellow', 'blue')),
  level          smallint NOT NULL CHECK (level BETWEEN 1 AND 4),
  note           text,
  graded_at      timestamptz NOT NULL,
  graded_by      text NOT NULL
);
CREATE INDEX enterprise_gradings_current ON enterprise_gradings (enterprise_id, graded_at DESC, id DESC);
CREATE INDEX enterprise_gradings_county ON enterprise_gradings (county);
