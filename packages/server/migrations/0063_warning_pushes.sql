-- Direct pushes through the warning channels' adapters (SMS gateway, SMTP) to named people, first of
-- all a rescue team's members when the command dispatches their team (应急联动). Owned by the warnings
-- module; other modules write through its DirectPushPort. One row per (source, reference, channel,
-- recipient): the unique key keeps a push to one per person however often or wherever it is queued.
-- The worker claims due rows with FOR UPDATE SKIP LOCKED and a lease, as warning_deliveries.
CREATE TABLE warning_pushes (
  -- A uuid, as the field-key rotation walks sealed rows by id; seq keeps the order they were queued.
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq             bigserial NOT NULL,
  source          text NOT NULL CHECK (source IN ('team_dispatch')),
  source_ref      text NOT NULL,
  channel         text NOT NULL CHECK (channel IN ('sms', 'email')),
  -- The person (a user id), and their name as shown beside the status.
  recipient_key   text NOT NULL,
  recipient_label text NOT NULL,
  -- The phone or e-mail address, sealed with the field key (opened to send).
  address_enc     text NOT NULL,
  headline        text NOT NULL,
  body            text NOT NULL,
  link            text NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  last_error      text,
  delivered_at    timestamptz,
  created_at      timestamptz NOT NULL,
  UNIQUE (source, source_ref, channel, recipient_key)
);
CREATE INDEX warning_pushes_due ON warning_pushes (next_attempt_at, seq) WHERE status = 'pending';

-- A team member's e-mail address for the dispatch push (optional; the phone is the user's own).
ALTER TABLE rescue_team_members ADD COLUMN email text;
