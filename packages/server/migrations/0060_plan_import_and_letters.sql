-- Running the plan (issue 14), continued: the yearly milestones of a plan's tasks (a bureau's own
-- plan imported from Excel names them per year), and the supervision letters (督办函) the 安委办
-- issues on overdue work, numbered per year.

CREATE TABLE plan_task_milestones (
  task_id  uuid NOT NULL REFERENCES plan_tasks (id) ON DELETE CASCADE,
  year     integer NOT NULL,
  title    text NOT NULL,
  position integer NOT NULL,
  PRIMARY KEY (task_id, position)
);

-- The last letter number of each year: taken with INSERT … ON CONFLICT DO UPDATE … RETURNING, so
-- two processes issuing at the same time get consecutive numbers, never the same one.
CREATE TABLE plan_letter_counters (
  year integer PRIMARY KEY,
  last integer NOT NULL
);

CREATE TABLE plan_supervision_letters (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  assignment_id uuid NOT NULL REFERENCES plan_assignments (id) ON DELETE CASCADE,
  milestone_id  uuid REFERENCES plan_milestones (id) ON DELETE SET NULL,
  year          integer NOT NULL,
  seq           integer NOT NULL,
  number        text NOT NULL,
  requirement   text NOT NULL,
  reply_by      date NOT NULL,
  issued_by     uuid NOT NULL REFERENCES users (id),
  issued_at     timestamptz NOT NULL,
  reply         text,
  reply_evidence uuid[] NOT NULL DEFAULT '{}',
  replied_by    uuid REFERENCES users (id),
  replied_at    timestamptz,
  demo          boolean NOT NULL DEFAULT false,
  UNIQUE (year, seq)
);
CREATE INDEX plan_supervision_letters_assignment ON plan_supervision_letters (assignment_id, issued_at);
