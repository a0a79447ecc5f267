-- Obligations (issue 17), part 3: licence applications walking their steps, and construction
-- projects through their 三同时 steps.
CREATE TABLE obligation_licence_applications (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number         text NOT NULL UNIQUE,
  enterprise_id  uuid NOT NULL REFERENCES enterprises (id),
  county         text NOT NULL,
  licence_type   text NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('new', 'renewal', 'change')),
  step           text NOT NULL CHECK (step IN ('submitted', 'accepted', 'reviewed', 'decided')),
  submitted_on   date NOT NULL,
  accepted_on    date,
  reviewed_on    date,
  decided_on     date,
  approved       boolean,
  licence_number text,
  valid_until    date,
  notes          text,
  demo           boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL
);
CREATE INDEX obligation_licence_applications_county ON obligation_licence_applications (county, step);

CREATE TABLE obligation_projects (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id          uuid NOT NULL REFERENCES enterprises (id),
  county                 text NOT NULL,
  name                   text NOT NULL,
  nature                 text NOT NULL CHECK (nature IN ('new', 'rebuilt', 'expanded')),
  production_started_on  date,
  demo                   boolean NOT NULL DEFAULT false,
  created_at             timestamptz NOT NULL,
  updated_at             timestamptz NOT NULL
);
CREATE INDEX obligation_projects_enterprise ON obligation_projects (enterprise_id);

CREATE TABLE obligation_project_steps (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id    uuid NOT NULL REFERENCES obligation_projects (id) ON DELETE CASCADE,
  step          text NOT NULL CHECK (step IN ('pre_assessment', 'design_review', 'construction', 'completion')),
  passed        boolean NOT NULL,
  completed_on  date NOT NULL,
  agency        text,
  documents     text[] NOT NULL DEFAULT '{}',
  decision      text,
  recorded_by   uuid REFERENCES users (id),
  created_at    timestamptz NOT NULL
);
CREATE INDEX obligation_project_steps_project ON obligation_project_steps (project_id, created_at);
