-- An incident's consequence zones as the command recorded them, each recording a new version with
-- the calculator's inputs: the teams' phones show the latest, and "cameras in the zones" searches
-- its shapes (polygons and circles in WGS-84 [lon, lat], tested in the application, no PostGIS).
CREATE TABLE incident_zone_sets (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  incident_id          uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  version              integer NOT NULL CHECK (version > 0),
  computed_at          timestamptz NOT NULL,
  computed_by          text NOT NULL,
  model                jsonb NOT NULL,
  inputs               jsonb NOT NULL,
  centre_lon           double precision NOT NULL,
  centre_lat           double precision NOT NULL,
  zones                jsonb NOT NULL,
  evacuation_radius_m  double precision NOT NULL CHECK (evacuation_radius_m >= 0),
  UNIQUE (incident_id, version)
);
