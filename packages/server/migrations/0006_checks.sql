-- Scheduled hidden-hazard checks (一企一标准, 一岗一清单): check lists per post or location, and the
-- task each list falls due with in each period; a failed item opens a hidden hazard.
CREATE TABLE check_lists (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id       uuid NOT NULL REFERENCES enterprises (id),
  county              text NOT NULL,
  name                text NOT NULL,
  target              text NOT NULL,
  frequency           text NOT NULL CHECK (frequency IN ('daily', 'weekly', 'monthly', 'quarterly')),
  responsible_person  text NOT NULL,
  items               jsonb NOT NULL,
  active              boolean NOT NULL DEFAULT true,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL
);
CREATE INDEX check_lists_enterprise ON check_lists (enterprise_id);

CREATE TABLE check_tasks (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  list_id        uuid NOT NULL REFERENCES check_lists (id) ON DELETE CASCADE,
  enterprise_id  uuid NOT NULL REFERENCES enterprises (id),
  county         text NOT NULL,
  period_key     text NOT NULL,
  period_start   date NOT NULL,
  due_date       date NOT NULL,
  status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done')),
  results        jsonb,
  hazard_ids     uuid[] NOT NULL DEFAULT '{}',
  completed_at   timestamptz,
  completed_by   text,
  UNIQUE (list_id, period_key)
);
CREATE INDEX check_tasks_scope ON check_tasks (county, status, due_date);
