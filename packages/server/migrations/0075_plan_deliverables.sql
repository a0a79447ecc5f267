-- Deliverables (成果) of a plan's tasks and key projects (issue 14): what a task or its 专栏 promises —
-- documents to draft, sites to equip, platforms to build — with a target count where it is a count,
-- the year it is due, and, once delivered, the date, the unit that marked it and its evidence
-- (uploads or a link to an Anjian record).
CREATE TABLE plan_deliverables (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id        uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  task_id        uuid NOT NULL REFERENCES plan_tasks (id) ON DELETE CASCADE,
  column_no      integer,
  position       integer NOT NULL,
  what           text NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('document', 'site', 'platform', 'other')),
  target_count   integer CHECK (target_count IS NULL OR target_count > 0),
  due_year       integer NOT NULL,
  demo           boolean NOT NULL DEFAULT false,
  delivered_on   date,
  delivered_by   uuid REFERENCES users (id),
  delivered_org  uuid REFERENCES organisations (id),
  delivered_at   timestamptz,
  evidence       uuid[] NOT NULL DEFAULT '{}',
  evidence_link  text,
  note           text NOT NULL DEFAULT ''
);
CREATE INDEX plan_deliverables_task ON plan_deliverables (task_id, position);
CREATE INDEX plan_deliverables_plan ON plan_deliverables (plan_id);
