-- Video (issue 18): the camera register. Each camera belongs to an enterprise (its county copied
-- for scope), may watch a regulated object, a monitoring point or a road section, and comes through
-- one configured gateway (VIDEO_GATEWAYS, or the platform's own test gateway `local-test`). The
-- status is written by the periodic online check (one process per run, advisory lock).
CREATE TABLE video_cameras (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code                text NOT NULL UNIQUE,
  name                text NOT NULL,
  enterprise_id       uuid NOT NULL REFERENCES enterprises (id),
  county              text NOT NULL,
  object_id           uuid REFERENCES regulated_objects (id) ON DELETE SET NULL,
  monitoring_point_id uuid REFERENCES monitoring_points (id) ON DELETE SET NULL,
  road_section        text,
  lon                 double precision NOT NULL,
  lat                 double precision NOT NULL,
  direction           integer CHECK (direction BETWEEN 0 AND 359),
  gateway_id          text NOT NULL,
  stream_ref          text NOT NULL,
  status              text NOT NULL DEFAULT 'unknown' CHECK (status IN ('unknown', 'online', 'offline')),
  checked_at          timestamptz,
  last_online_at      timestamptz,
  demo                boolean NOT NULL DEFAULT false,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL
);
CREATE INDEX video_cameras_enterprise ON video_cameras (enterprise_id);
CREATE INDEX video_cameras_county ON video_cameras (county, name);
CREATE INDEX video_cameras_object ON video_cameras (object_id);
