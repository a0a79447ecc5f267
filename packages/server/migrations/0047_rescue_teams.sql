-- 应急联动 (issue 18): the rescue teams' phone. Accounts linked to a team see its dispatches; a
-- dispatch task walks 已调派 → 已接受 → 出发 → 到达 → 处置中 → 完成; the phone's queued operations
-- (status steps, positions, on-scene reports) are stored once each under the id the phone gave them.
ALTER TABLE dispatch_tasks DROP CONSTRAINT dispatch_tasks_status_check;
ALTER TABLE dispatch_tasks ADD CONSTRAINT dispatch_tasks_status_check
  CHECK (status IN ('dispatched', 'accepted', 'en_route', 'on_scene', 'working', 'done'));

CREATE TABLE rescue_team_members (
  team_id     uuid NOT NULL REFERENCES emergency_resources (id) ON DELETE CASCADE,
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  leader      boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (team_id, user_id)
);
CREATE INDEX rescue_team_members_user ON rescue_team_members (user_id);

-- Every operation a phone sent, under its client-generated id (exactly once). `body` is what was
-- sent, so the same id with other content is refused rather than silently ignored.
CREATE TABLE dispatch_task_operations (
  id           uuid PRIMARY KEY,
  task_id      uuid NOT NULL REFERENCES dispatch_tasks (id) ON DELETE CASCADE,
  user_id      uuid NOT NULL REFERENCES users (id),
  kind         text NOT NULL CHECK (kind IN ('status', 'position', 'report')),
  at           timestamptz NOT NULL,
  received_at  timestamptz NOT NULL,
  status       text CHECK (status IN ('accepted', 'en_route', 'on_scene', 'working', 'done')),
  lon          double precision,
  lat          double precision,
  accuracy_m   double precision,
  note         text,
  photo_ids    uuid[] NOT NULL DEFAULT '{}',
  body         jsonb NOT NULL
);
CREATE INDEX dispatch_task_operations_task ON dispatch_task_operations (task_id, at);
CREATE INDEX dispatch_task_operations_track ON dispatch_task_operations (task_id, at) WHERE lon IS NOT NULL;

-- The rescue_team role (team:field) is a built-in role: seeded at start like the others.
