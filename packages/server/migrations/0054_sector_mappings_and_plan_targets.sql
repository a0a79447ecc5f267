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

-- The plan's other quantitative targets tracked on the cockpit (plan-targets.ts), as data like the
-- indicators: name, the module the figure comes from, unit, target and at-risk threshold, order.
-- target: online rate % / open major hazards allowed / the city's drills a year; at_risk: online rate
-- % still at risk / % of the drills due still at risk (unused for major hazards).
CREATE TABLE cockpit_plan_targets (
  code       text PRIMARY KEY CHECK (code IN ('monitoring_online_rate', 'major_hazards_cleared', 'drills_held')),
  name_zh    text NOT NULL,
  name_en    text NOT NULL,
  source_zh  text NOT NULL,
  source_en  text NOT NULL,
  unit       text NOT NULL,
  target     numeric(10, 2) NOT NULL CHECK (target >= 0),
  at_risk    numeric(10, 2) NOT NULL CHECK (at_risk >= 0),
  position   int NOT NULL DEFAULT 0,
  active     boolean NOT NULL DEFAULT true
);
INSERT INTO cockpit_plan_targets (code, name_zh, name_en, source_zh, source_en, unit, target, at_risk, position) VALUES
  ('monitoring_online_rate', '重大危险源监测点在线率', 'Major hazard monitoring points online', '监测预警', 'Monitoring', '%', 100, 95, 1),
  ('major_hazards_cleared', '重大事故隐患动态清零', 'Major hidden hazards cleared', '隐患排查治理', 'Hidden hazards', '项', 0, 0, 2),
  -- 十三五: 534 drills in five years (the seed's review) → 107 a year for the city.
  ('drills_held', '应急演练次数', 'Emergency drills held', '应急管理', 'Emergency', '次', 107, 80, 3);
