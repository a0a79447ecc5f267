-- Issue 14, responsibility lists and the yearly assessment: units' self-assessment before the
-- assessors score, publishing the results (通报) which makes every score final, and versioned
-- responsibility lists (责任清单) for leaders, departments and counties.

ALTER TABLE plan_assessments
  ADD COLUMN published_at timestamptz,
  ADD COLUMN published_by uuid REFERENCES users (id);

-- One row per unit and item: the unit's own score, what it says and its evidence (upload ids).
-- Locked (by the service) once the assessors score the unit or the results are published.
CREATE TABLE plan_assessment_self_scores (
  assessment_id   uuid NOT NULL,
  organisation_id uuid NOT NULL,
  item_code       text NOT NULL,
  score           numeric(5, 1) NOT NULL CHECK (score >= 0),
  comment         text NOT NULL DEFAULT '',
  evidence        uuid[] NOT NULL DEFAULT '{}',
  submitted_by    uuid NOT NULL REFERENCES users (id),
  submitted_at    timestamptz NOT NULL,
  PRIMARY KEY (assessment_id, organisation_id, item_code),
  FOREIGN KEY (assessment_id, organisation_id)
    REFERENCES plan_assessment_units (assessment_id, organisation_id) ON DELETE CASCADE
);

-- A responsibility list names its holder (a leader's post, a department, a county); its items live
-- in versions, the newest being the current one. Versions are never changed or deleted.
CREATE TABLE plan_responsibility_lists (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind            text NOT NULL CHECK (kind IN ('leader', 'department', 'county')),
  organisation_id uuid REFERENCES organisations (id),
  holder          text NOT NULL,
  title           text NOT NULL UNIQUE,
  version         integer NOT NULL DEFAULT 1,
  created_by      uuid NOT NULL REFERENCES users (id),
  created_at      timestamptz NOT NULL,
  demo            boolean NOT NULL DEFAULT false
);
CREATE INDEX plan_responsibility_lists_org ON plan_responsibility_lists (organisation_id);

CREATE TABLE plan_responsibility_list_versions (
  list_id      uuid NOT NULL REFERENCES plan_responsibility_lists (id) ON DELETE CASCADE,
  version      integer NOT NULL CHECK (version >= 1),
  items        text[] NOT NULL,
  note         text NOT NULL DEFAULT '',
  published_by uuid NOT NULL REFERENCES users (id),
  published_at timestamptz NOT NULL,
  PRIMARY KEY (list_id, version)
);
