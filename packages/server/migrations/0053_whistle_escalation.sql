-- 举报奖励, second round (issue 16): the overdue ladder of acceptance and verification deadlines.
-- Each step fires once (the unique key), across restarts and processes; `deadline` is the version:
-- a new assignment deadline starts a new ladder. No identity and no query code is kept here.
CREATE TABLE whistle_escalations (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  report_id   uuid NOT NULL REFERENCES whistle_reports (id) ON DELETE CASCADE,
  subject     text NOT NULL CHECK (subject IN ('acceptance', 'verification')),
  step        text NOT NULL CHECK (step IN ('reminder', 'warning', 'notice')),
  deadline    date NOT NULL,
  fired_at    timestamptz NOT NULL,
  notified    integer NOT NULL,
  UNIQUE (report_id, subject, step, deadline)
);
CREATE INDEX whistle_escalations_report ON whistle_escalations (report_id, fired_at);
