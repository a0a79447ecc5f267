-- Obligations (issue 17), part 4: 安全评价检测检验机构 (应急管理部令第1号), their registered staff and
-- the reports they file against enterprises. A report's flags are computed from these rows by the
-- domain rule (agency-report-flags.ts), so a corrected qualification or staff record clears them.
CREATE TABLE obligation_agencies (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name                  text NOT NULL,
  credit_code           text NOT NULL UNIQUE,
  qualification         text NOT NULL CHECK (qualification IN ('safety_assessment', 'testing_inspection')),
  qualification_number  text NOT NULL UNIQUE,
  fields                text[] NOT NULL CHECK (cardinality(fields) > 0),
  authority             text NOT NULL,
  valid_from            date NOT NULL,
  valid_until           date NOT NULL,
  demo                  boolean NOT NULL DEFAULT false,
  created_at            timestamptz NOT NULL,
  updated_at            timestamptz NOT NULL,
  CHECK (valid_until >= valid_from)
);

CREATE TABLE obligation_agency_staff (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id            uuid NOT NULL REFERENCES obligation_agencies (id) ON DELETE CASCADE,
  name                 text NOT NULL,
  role                 text NOT NULL CHECK (role IN ('assessor', 'engineer')),
  registration_number  text NOT NULL,
  registered_on        date NOT NULL,
  left_on              date,
  created_at           timestamptz NOT NULL,
  UNIQUE (agency_id, registration_number),
  CHECK (left_on IS NULL OR left_on >= registered_on)
);

CREATE TABLE obligation_agency_reports (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id      uuid NOT NULL REFERENCES obligation_agencies (id),
  enterprise_id  uuid NOT NULL REFERENCES enterprises (id),
  county         text NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('pre_assessment', 'acceptance_assessment', 'status_assessment', 'testing')),
  field          text NOT NULL,
  title          text NOT NULL,
  report_number  text NOT NULL,
  issued_on      date NOT NULL,
  conclusion     text NOT NULL CHECK (conclusion IN ('meets', 'meets_after_rectification', 'fails')),
  signers        jsonb NOT NULL,
  demo           boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL,
  UNIQUE (agency_id, report_number)
);
CREATE INDEX obligation_agency_reports_agency ON obligation_agency_reports (agency_id, issued_on);
CREATE INDEX obligation_agency_reports_enterprise ON obligation_agency_reports (enterprise_id);
