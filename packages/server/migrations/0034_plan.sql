-- Running the plan (issue 14): the units that carry it out, the plan as data, task assignments with
-- milestones, progress reports with evidence and the escalation steps of overdue milestones.

-- Organisations: the 安委办, city departments, counties, their departments and townships (a tree).
CREATE TABLE organisations (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code          text NOT NULL UNIQUE,
  parent_id     uuid REFERENCES organisations (id),
  kind          text NOT NULL CHECK (kind IN ('committee', 'city_department', 'county', 'county_department', 'township')),
  name          text NOT NULL,
  division_code text NOT NULL,
  sectors       text[] NOT NULL DEFAULT '{}',
  builtin       boolean NOT NULL DEFAULT false
);

-- A department account works for one or more units; it sees the plan work of those units only.
CREATE TABLE organisation_members (
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, organisation_id)
);
CREATE INDEX organisation_members_org ON organisation_members (organisation_id);

CREATE TABLE plans (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code        text NOT NULL UNIQUE,
  name        text NOT NULL,
  start_year  integer NOT NULL,
  end_year    integer NOT NULL CHECK (end_year >= start_year),
  builtin     boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL
);

CREATE TABLE plan_chapters (
  plan_id uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  no      integer NOT NULL,
  title   text NOT NULL,
  PRIMARY KEY (plan_id, no)
);

CREATE TABLE plan_tasks (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id      uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  code         text NOT NULL,
  chapter_no   integer NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('task', 'project')),
  title        text NOT NULL,
  lead_org_id  uuid REFERENCES organisations (id),
  participants uuid[] NOT NULL DEFAULT '{}',
  position     integer NOT NULL,
  UNIQUE (plan_id, code)
);

-- 专栏: documents to draft (deliverables) or the objects a task lists.
CREATE TABLE plan_columns (
  plan_id   uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  no        integer NOT NULL,
  title     text NOT NULL,
  task_code text,
  items     text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (plan_id, no)
);

-- 专栏1: the plan's indicators, linked to statistics_indicators by code (read through its port).
CREATE TABLE plan_indicators (
  plan_id        uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  no             integer NOT NULL,
  name           text NOT NULL,
  target         text NOT NULL,
  nature         text NOT NULL,
  indicator_code text NOT NULL,
  PRIMARY KEY (plan_id, no)
);

CREATE TABLE plan_assignments (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  task_id         uuid NOT NULL REFERENCES plan_tasks (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  deadline        date NOT NULL,
  note            text NOT NULL DEFAULT '',
  percent         integer NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
  status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'at_risk', 'done')),
  assigned_by     uuid NOT NULL REFERENCES users (id),
  assigned_at     timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  demo            boolean NOT NULL DEFAULT false,
  UNIQUE (task_id, organisation_id)
);
CREATE INDEX plan_assignments_org ON plan_assignments (organisation_id);

CREATE TABLE plan_milestones (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  assignment_id uuid NOT NULL REFERENCES plan_assignments (id) ON DELETE CASCADE,
  title         text NOT NULL,
  deliverable   text NOT NULL DEFAULT '',
  due_date      date NOT NULL,
  done_at       date,
  position      integer NOT NULL
);
CREATE INDEX plan_milestones_open ON plan_milestones (due_date) WHERE done_at IS NULL;

CREATE TABLE plan_progress (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  assignment_id uuid NOT NULL REFERENCES plan_assignments (id) ON DELETE CASCADE,
  percent       integer NOT NULL CHECK (percent BETWEEN 0 AND 100),
  status        text NOT NULL CHECK (status IN ('on_track', 'at_risk', 'done')),
  note          text NOT NULL,
  evidence      uuid[] NOT NULL DEFAULT '{}',
  reported_by   uuid NOT NULL REFERENCES users (id),
  reported_at   timestamptz NOT NULL
);
CREATE INDEX plan_progress_assignment ON plan_progress (assignment_id, reported_at);

-- Each step of an overdue milestone fires once (the unique key), across restarts and processes.
CREATE TABLE plan_escalations (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  milestone_id uuid NOT NULL REFERENCES plan_milestones (id) ON DELETE CASCADE,
  step         text NOT NULL CHECK (step IN ('reminder', 'warning', 'notice', 'interview')),
  fired_at     timestamptz NOT NULL,
  notified     integer NOT NULL,
  UNIQUE (milestone_id, step)
);
