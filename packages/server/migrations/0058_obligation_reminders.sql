-- Obligations (issue 17): the expiry and review reminders sent to the enterprise and the county. One
-- row per (record, kind, due date), so a reminder is sent once across processes and restarts; a
-- certificate renewed to a new date is reminded again for that date.
CREATE TABLE obligation_reminders (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  subject        text NOT NULL CHECK (subject IN ('certificate', 'policy')),
  record_id      uuid NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('expiry', 'review')),
  due_on         date NOT NULL,
  enterprise_id  uuid NOT NULL REFERENCES enterprises (id),
  fired_at       timestamptz NOT NULL,
  notified       integer NOT NULL DEFAULT 0,
  UNIQUE (subject, record_id, kind, due_on),
  CHECK (subject = 'certificate' OR kind = 'expiry')
);
CREATE INDEX obligation_reminders_enterprise ON obligation_reminders (enterprise_id);
