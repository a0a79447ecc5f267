-- Work-safety accidents: the initial report, follow-ups (new totals), reports sent up the chain,
-- dispatch tasks to resources, and a timeline of everything, in order.
CREATE TABLE incidents (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  occurred_at      timestamptz NOT NULL,
  county           text NOT NULL,
  enterprise_id    uuid REFERENCES enterprises (id),
  location         text NOT NULL,
  lon              double precision,
  lat              double precision,
  accident_type    text NOT NULL,
  road_traffic     boolean NOT NULL DEFAULT false,
  original         jsonb NOT NULL,
  changes          jsonb NOT NULL DEFAULT '[]',
  missing          integer NOT NULL DEFAULT 0,
  description      text NOT NULL,
  reporter         text NOT NULL,
  reports_sent     jsonb NOT NULL DEFAULT '{}',
  status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_by       uuid NOT NULL REFERENCES users (id),
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL
);
CREATE INDEX incidents_county ON incidents (county, occurred_at DESC);

CREATE TABLE incident_events (
  id           bigserial PRIMARY KEY,
  incident_id  uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  at           timestamptz NOT NULL,
  actor        text NOT NULL,
  kind         text NOT NULL,
  text         text NOT NULL
);
CREATE INDEX incident_events_incident ON incident_events (incident_id, id);

CREATE TABLE dispatch_tasks (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  incident_id  uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  resource_id  uuid NOT NULL REFERENCES emergency_resources (id),
  status       text NOT NULL CHECK (status IN ('dispatched', 'en_route', 'on_scene', 'done')),
  note         text,
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL
);
CREATE INDEX dispatch_tasks_incident ON dispatch_tasks (incident_id);
