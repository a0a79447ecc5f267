-- Accident statistics (issue 13): the statistical fields of an incident, the imported history,
-- the yearly denominators and control numbers by county, and the plan's indicators as data.

-- An incident's statistical fields. stat_* hold its counted figures (later casualties within the
-- statutory window included, 国务院令第493号 Art. 13), kept by the emergency service on every report.
ALTER TABLE incidents
  ADD COLUMN sector                text,
  ADD COLUMN industry_code         text,
  ADD COLUMN township              text,
  ADD COLUMN counts_as_production  boolean NOT NULL DEFAULT true,
  ADD COLUMN count_reviewed_by     uuid REFERENCES users (id),
  ADD COLUMN count_reason          text,
  ADD COLUMN count_reviewed_at     timestamptz,
  ADD COLUMN stat_deaths           integer,
  ADD COLUMN stat_serious_injuries integer,
  ADD COLUMN stat_loss_wan         numeric(14, 4),
  ADD COLUMN stat_level            text;

-- Existing incidents: their latest follow-up totals (or the first report), and the class those give.
UPDATE incidents i SET
  stat_deaths = coalesce((SELECT (c ->> 'deaths')::int FROM jsonb_array_elements(i.changes) WITH ORDINALITY AS x(c, n)
                           WHERE c ? 'deaths' ORDER BY n DESC LIMIT 1), (i.original ->> 'deaths')::int),
  stat_serious_injuries = coalesce((SELECT (c ->> 'seriousInjuries')::int FROM jsonb_array_elements(i.changes) WITH ORDINALITY AS x(c, n)
                           WHERE c ? 'seriousInjuries' ORDER BY n DESC LIMIT 1), (i.original ->> 'seriousInjuries')::int),
  stat_loss_wan = (i.original ->> 'directLossWan')::numeric;
UPDATE incidents SET stat_level = CASE
  WHEN stat_deaths >= 30 OR stat_serious_injuries >= 100 OR stat_loss_wan >= 10000 THEN 'especially_major'
  WHEN stat_deaths >= 10 OR stat_serious_injuries >= 50 OR stat_loss_wan >= 5000 THEN 'major'
  WHEN stat_deaths >= 3 OR stat_serious_injuries >= 10 OR stat_loss_wan >= 1000 THEN 'larger'
  ELSE 'general' END;
ALTER TABLE incidents
  ALTER COLUMN stat_deaths SET NOT NULL, ALTER COLUMN stat_deaths SET DEFAULT 0,
  ALTER COLUMN stat_serious_injuries SET NOT NULL, ALTER COLUMN stat_serious_injuries SET DEFAULT 0,
  ALTER COLUMN stat_loss_wan SET NOT NULL, ALTER COLUMN stat_loss_wan SET DEFAULT 0,
  ALTER COLUMN stat_level SET NOT NULL, ALTER COLUMN stat_level SET DEFAULT 'general';
CREATE INDEX incidents_occurred ON incidents (occurred_at);

-- Accidents before Anjian (imported from the 直报 system's exports since 2016) and the demo history.
CREATE TABLE statistics_accidents (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  occurred_at       timestamptz NOT NULL,
  county            text NOT NULL,
  township          text,
  enterprise_id     uuid REFERENCES enterprises (id),
  enterprise_name   text,
  location          text NOT NULL,
  industry_code     text,
  sector            text NOT NULL,
  accident_type     text NOT NULL,
  level             text NOT NULL CHECK (level IN ('general', 'larger', 'major', 'especially_major')),
  deaths            integer NOT NULL CHECK (deaths >= 0),
  missing           integer NOT NULL DEFAULT 0 CHECK (missing >= 0),
  serious_injuries  integer NOT NULL DEFAULT 0 CHECK (serious_injuries >= 0),
  direct_loss_wan   numeric(14, 4) NOT NULL DEFAULT 0 CHECK (direct_loss_wan >= 0),
  demo              boolean NOT NULL DEFAULT false,
  imported_by       uuid REFERENCES users (id),
  imported_at       timestamptz NOT NULL,
  -- The China-time calendar year and month, stored: converting 20,000 instants per report costs more
  -- than the rest of the query.
  year              smallint GENERATED ALWAYS AS (extract(year FROM occurred_at AT TIME ZONE 'Asia/Shanghai')) STORED,
  month             smallint GENERATED ALWAYS AS (extract(month FROM occurred_at AT TIME ZONE 'Asia/Shanghai')) STORED
);
-- One accident is one time, place and enterprise: a second import of the same row is a duplicate.
CREATE UNIQUE INDEX statistics_accidents_identity
  ON statistics_accidents (occurred_at, county, location, coalesce(enterprise_name, ''));
CREATE INDEX statistics_accidents_occurred ON statistics_accidents (occurred_at, county);
CREATE INDEX statistics_accidents_month ON statistics_accidents (year, month);
CREATE INDEX statistics_accidents_enterprise ON statistics_accidents (enterprise_id);

-- Every counted accident, from both sources: what the reports and indicators read.
CREATE VIEW statistics_accident_facts AS
  SELECT i.id, 'incident' AS source, i.occurred_at, i.county, i.township, i.enterprise_id,
         e.name AS enterprise_name, i.location, coalesce(i.industry_code, e.industry_code) AS industry_code,
         coalesce(i.sector, 'other') AS sector, i.accident_type, i.stat_level AS level,
         i.stat_deaths + i.missing AS deaths, i.stat_serious_injuries AS serious_injuries,
         i.stat_loss_wan AS direct_loss_wan, false AS demo,
         extract(year FROM i.occurred_at AT TIME ZONE 'Asia/Shanghai')::smallint AS year,
         extract(month FROM i.occurred_at AT TIME ZONE 'Asia/Shanghai')::smallint AS month
    FROM incidents i LEFT JOIN enterprises e ON e.id = i.enterprise_id
   WHERE i.counts_as_production
  UNION ALL
  SELECT a.id, 'history', a.occurred_at, a.county, a.township, a.enterprise_id, a.enterprise_name, a.location,
         a.industry_code, a.sector, a.accident_type, a.level, a.deaths + a.missing, a.serious_injuries,
         a.direct_loss_wan, a.demo, a.year, a.month
    FROM statistics_accidents a;

-- Yearly denominators: GDP (亿元, current prices) and 工矿商贸 employment by county; 530400 = the
-- city's own published total, which wins over the sum of its counties.
CREATE TABLE statistics_denominators (
  year                int NOT NULL,
  county              text NOT NULL,
  gdp_yi              numeric(14, 4) CHECK (gdp_yi >= 0),
  industrial_workers  integer CHECK (industrial_workers >= 0),
  demo                boolean NOT NULL DEFAULT false,
  updated_at          timestamptz NOT NULL,
  PRIMARY KEY (year, county)
);

-- The province's yearly control numbers (年度控制考核指标): deaths allowed per county.
CREATE TABLE statistics_control_numbers (
  year        int NOT NULL,
  county      text NOT NULL,
  deaths      integer NOT NULL CHECK (deaths >= 0),
  demo        boolean NOT NULL DEFAULT false,
  updated_at  timestamptz NOT NULL,
  PRIMARY KEY (year, county)
);

-- The plan's indicators as data (indicator-definition.ts): the next plan is new rows, not code.
CREATE TABLE statistics_indicators (
  code           text PRIMARY KEY,
  name_zh        text NOT NULL,
  name_en        text NOT NULL,
  unit           text NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('binding', 'expected')),
  formula        text NOT NULL CHECK (formula IN ('deaths', 'major_accidents', 'deaths_per_100m_gdp', 'deaths_per_100k_workers')),
  comparison     text NOT NULL CHECK (comparison IN ('point', 'period_average')),
  baseline_from  int NOT NULL,
  baseline_to    int NOT NULL CHECK (baseline_to >= baseline_from),
  target_year    int NOT NULL CHECK (target_year > baseline_to),
  target_change  numeric(6, 4) NOT NULL,
  decimals       int NOT NULL DEFAULT 0,
  position       int NOT NULL DEFAULT 0,
  active         boolean NOT NULL DEFAULT true
);
-- The seed's 专栏1 (十四五, 2025 vs 2020; 较大事故起数 十四五 average vs 十三五 average, per its note).
INSERT INTO statistics_indicators
  (code, name_zh, name_en, unit, kind, formula, comparison, baseline_from, baseline_to, target_year, target_change, decimals, position)
VALUES
  ('deaths', '生产安全事故死亡人数', 'Deaths in work-safety accidents', '人', 'binding', 'deaths', 'point', 2020, 2020, 2025, -0.15, 0, 1),
  ('major_accidents', '较大生产安全事故起数', 'Larger work-safety accidents', '起', 'binding', 'major_accidents', 'period_average', 2016, 2020, 2025, -0.20, 2, 2),
  ('deaths_per_100m_gdp', '亿元地区生产总值生产安全事故死亡率', 'Deaths per 100 million yuan of GDP', '人/亿元', 'binding', 'deaths_per_100m_gdp', 'point', 2020, 2020, 2025, -0.33, 3, 3),
  ('deaths_per_100k_workers', '工矿商贸就业人员十万人生产安全事故死亡率', 'Deaths per 100,000 industry, mining and trade workers', '人/十万人', 'binding', 'deaths_per_100k_workers', 'point', 2020, 2020, 2025, -0.20, 3, 4);
