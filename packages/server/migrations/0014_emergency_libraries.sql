-- Emergency libraries beyond the resources of 0008: plans (预案), cases (案例), drill scenarios
-- (演练情景), drills with their findings, and the duty roster (值班表) and duty log (值班日志).
-- A NULL county marks a record of the city bureau itself (市级预案, 市局值班), readable by every
-- county and written only by city-scoped staff.

CREATE TABLE emergency_plans (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name             text NOT NULL,
  level            text NOT NULL CHECK (level IN ('city', 'county', 'department', 'enterprise')),
  plan_type        text NOT NULL CHECK (plan_type IN ('comprehensive', 'special', 'department', 'on_site')),
  county           text,
  department       text,
  accident_types   text[] NOT NULL DEFAULT '{}',
  response_levels  jsonb NOT NULL DEFAULT '[]',
  attachments      uuid[] NOT NULL DEFAULT '{}',
  issued_on        date NOT NULL,
  revised_on       date NOT NULL,
  review_due_on    date NOT NULL,
  summary          text,
  demo             boolean NOT NULL DEFAULT false,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  CHECK (revised_on >= issued_on AND review_due_on >= revised_on)
);
CREATE INDEX emergency_plans_county ON emergency_plans (county, review_due_on);

CREATE TABLE emergency_cases (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title             text NOT NULL,
  occurred_on       date NOT NULL,
  county            text NOT NULL,
  place             text,
  accident_type     text NOT NULL,
  deaths            integer NOT NULL DEFAULT 0,
  serious_injuries  integer NOT NULL DEFAULT 0,
  direct_loss_wan   numeric,
  summary           text NOT NULL,
  causes            text[] NOT NULL,
  lessons           text NOT NULL,
  source            text,
  incident_id       uuid REFERENCES incidents (id) ON DELETE SET NULL,
  demo              boolean NOT NULL DEFAULT false,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL
);
CREATE INDEX emergency_cases_county ON emergency_cases (county, occurred_on DESC);

CREATE TABLE drill_scenarios (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name           text NOT NULL,
  county         text,
  accident_type  text,
  description    text NOT NULL,
  objectives     text[] NOT NULL DEFAULT '{}',
  demo           boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL
);

CREATE TABLE drills (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title         text NOT NULL,
  county        text NOT NULL,
  held_on       date NOT NULL,
  status        text NOT NULL CHECK (status IN ('planned', 'held', 'cancelled')),
  form          text NOT NULL CHECK (form IN ('tabletop', 'functional', 'full_scale')),
  scenario_id   uuid REFERENCES drill_scenarios (id),
  plan_id       uuid REFERENCES emergency_plans (id) ON DELETE SET NULL,
  organiser     text NOT NULL,
  location      text,
  participants  integer NOT NULL DEFAULT 0 CHECK (participants >= 0),
  evaluation    text,
  rating        text CHECK (rating IN ('excellent', 'good', 'adequate', 'poor')),
  demo          boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL
);
CREATE INDEX drills_county ON drills (county, held_on DESC);
CREATE INDEX drills_plan ON drills (plan_id);

CREATE TABLE drill_findings (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  drill_id    uuid NOT NULL REFERENCES drills (id) ON DELETE CASCADE,
  text        text NOT NULL,
  owner       text NOT NULL,
  deadline    date NOT NULL,
  status      text NOT NULL CHECK (status IN ('open', 'done')),
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL
);
CREATE INDEX drill_findings_drill ON drill_findings (drill_id);

CREATE TABLE duty_shifts (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county      text,
  duty_date   date NOT NULL,
  shift       text NOT NULL CHECK (shift IN ('day', 'night', 'all_day')),
  leader      text NOT NULL,
  officer     text NOT NULL,
  phone_enc   text NOT NULL,
  demo        boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL
);
-- One team per office, date and shift; the city bureau's own roster is county ''.
CREATE UNIQUE INDEX duty_shifts_slot ON duty_shifts (coalesce(county, ''), duty_date, shift);

CREATE TABLE duty_log (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county       text,
  at           timestamptz NOT NULL,
  author_id    uuid REFERENCES users (id),
  author       text NOT NULL,
  text         text NOT NULL,
  incident_id  uuid REFERENCES incidents (id) ON DELETE SET NULL,
  demo         boolean NOT NULL DEFAULT false,
  created_at   timestamptz NOT NULL
);
CREATE INDEX duty_log_at ON duty_log (at DESC);
CREATE INDEX duty_log_incident ON duty_log (incident_id);
