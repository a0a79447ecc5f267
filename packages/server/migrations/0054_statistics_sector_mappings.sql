-- The bureau's GB/T 4754 industry → statistical sector mapping (issue 13): the longest prefix of an
-- enterprise's industry code gives the sector an accident is classified into when it is reported or
-- imported without one. Seeded with the table that was code before (accident-sectors.ts,
-- defaultSectorMappings). Sectors already stored on accidents are not recomputed.
CREATE TABLE statistics_sector_mappings (
  prefix      text PRIMARY KEY CHECK (prefix ~ '^[A-T]([0-9]{2,4})?$'),
  sector      text NOT NULL CHECK (sector IN ('coal_mine', 'metal_nonmetal_mine', 'chemicals', 'fireworks',
                'construction', 'industry_trade', 'other_industrial', 'road_transport', 'water_transport',
                'railway', 'aviation', 'farm_machinery', 'fishing_vessels', 'fire', 'other')),
  updated_by  uuid REFERENCES users (id),
  updated_at  timestamptz
);

INSERT INTO statistics_sector_mappings (prefix, sector) VALUES
  ('B06', 'coal_mine'),
  ('B', 'metal_nonmetal_mine'),
  ('C2672', 'fireworks'),
  ('C25', 'chemicals'),
  ('C26', 'chemicals'),
  ('C', 'industry_trade'),
  ('E', 'construction'),
  ('F', 'industry_trade'),
  ('G53', 'railway'),
  ('G54', 'road_transport'),
  ('G55', 'water_transport'),
  ('G56', 'aviation'),
  ('G', 'other_industrial'),
  ('H', 'industry_trade');
