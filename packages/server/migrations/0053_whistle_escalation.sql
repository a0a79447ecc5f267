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

-- 重复举报: a report linked to the earlier original about the same enterprise and matter (one level).
ALTER TABLE whistle_reports ADD COLUMN duplicate_of uuid REFERENCES whistle_reports (id),
  ADD CONSTRAINT whistle_reports_duplicate_not_self CHECK (duplicate_of <> id);
CREATE INDEX whistle_reports_duplicate_of ON whistle_reports (duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX whistle_reports_enterprise_category ON whistle_reports (enterprise_id, category, received_on);
