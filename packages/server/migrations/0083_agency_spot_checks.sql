-- Obligations (issue 17), part 5: agencies' disclosure and prior notice per report (应急管理部令第1号),
-- the bureau's spot checks of agency reports and of 三同时 self-acceptances, and the credit records
-- the findings give an agency. The flags are computed by the domain rules from these rows.
ALTER TABLE obligation_agency_reports
  ADD COLUMN disclosed_on     date,
  ADD COLUMN disclosure_url   text,
  ADD COLUMN disclosed_items  text,
  ADD COLUMN onsite_from      date,
  ADD COLUMN notice_on        date,
  ADD CHECK (notice_on IS NULL OR onsite_from IS NOT NULL);

CREATE TABLE obligation_spot_checks (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  subject     text NOT NULL CHECK (subject IN ('agency_report', 'project')),
  period_from date NOT NULL,
  period_to   date NOT NULL,
  county      text,
  mode        text NOT NULL CHECK (mode IN ('random', 'chosen')),
  seed        text CHECK (seed IS NULL OR seed ~ '^[0-9a-f]{64}$'),
  count       integer,
  percent     integer,
  pool_size   integer NOT NULL,
  drawn_by    uuid REFERENCES users (id),
  drawn_at    timestamptz NOT NULL,
  demo        boolean NOT NULL DEFAULT false,
  CHECK (period_to >= period_from),
  CHECK ((mode = 'random') = (seed IS NOT NULL))
);
CREATE INDEX obligation_spot_checks_drawn ON obligation_spot_checks (drawn_at DESC);

CREATE TABLE obligation_spot_check_items (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  spot_check_id  uuid NOT NULL REFERENCES obligation_spot_checks (id) ON DELETE CASCADE,
  rank           integer NOT NULL,
  report_id      uuid REFERENCES obligation_agency_reports (id),
  project_id     uuid REFERENCES obligation_projects (id),
  enterprise_id  uuid NOT NULL REFERENCES enterprises (id),
  county         text NOT NULL,
  checked_on     date,
  inspectors     text,
  findings       jsonb NOT NULL DEFAULT '[]',
  result         text CHECK (result IN ('pass', 'fail')),
  rectification  text,
  decision       text,
  recorded_at    timestamptz,
  UNIQUE (spot_check_id, rank),
  CHECK ((report_id IS NULL) <> (project_id IS NULL))
);
CREATE INDEX obligation_spot_check_items_report ON obligation_spot_check_items (report_id);
CREATE INDEX obligation_spot_check_items_project ON obligation_spot_check_items (project_id, checked_on DESC);

CREATE TABLE obligation_agency_credit_records (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id   uuid NOT NULL REFERENCES obligation_agencies (id),
  item_id     uuid NOT NULL REFERENCES obligation_spot_check_items (id) ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind IN ('deduction', 'bad_record', 'blacklist')),
  points      integer NOT NULL CHECK (points >= 0),
  problem     text NOT NULL,
  severity    text NOT NULL CHECK (severity IN ('minor', 'serious')),
  recorded_on date NOT NULL,
  demo        boolean NOT NULL DEFAULT false
);
CREATE INDEX obligation_agency_credit_records_agency ON obligation_agency_credit_records (agency_id, recorded_on);
