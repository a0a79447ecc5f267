-- Issue 14: a mid-term or final evaluation report, once generated, can be kept as a version: the
-- authors' text sections and the DOCX exactly as generated (downloaded unchanged later). Versions
-- are numbered 1, 2, … per plan and kind and never change once written (a new version instead).
CREATE TABLE plan_evaluation_versions (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id     uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind IN ('mid', 'final')),
  year        integer NOT NULL,
  version     integer NOT NULL CHECK (version >= 1),
  note        text NOT NULL DEFAULT '',
  overall     text NOT NULL DEFAULT '',
  problems    text NOT NULL DEFAULT '',
  next_steps  text NOT NULL DEFAULT '',
  docx        bytea NOT NULL,
  created_by  uuid NOT NULL REFERENCES users (id),
  created_at  timestamptz NOT NULL,
  UNIQUE (plan_id, kind, version)
);
