-- Natural-disaster events (issue 18): an event of a configurable kind in a county, its affected
-- townships, and per township the figures of the 自然灾害情况统计调查制度 reported as 初报, 续报
-- and 核报. Reports are append-only: the current figure is each township's latest report.
CREATE TABLE disaster_events (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind           text NOT NULL,
  name           text NOT NULL,
  county         text NOT NULL,
  occurred_at    timestamptz NOT NULL,
  description    text NOT NULL DEFAULT '',
  townships      text[] NOT NULL DEFAULT '{}',
  stabilised_at  timestamptz,
  created_by     text NOT NULL,
  demo           boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL
);
CREATE INDEX disaster_events_county ON disaster_events (county, occurred_at DESC);

CREATE TABLE disaster_reports (
  id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id                 uuid NOT NULL REFERENCES disaster_events (id),
  township                 text NOT NULL,
  stage                    text NOT NULL CHECK (stage IN ('initial', 'follow_up', 'verified')),
  reported_at              timestamptz NOT NULL,
  recorded_at              timestamptz NOT NULL,
  reporter                 text NOT NULL,
  recorded_by              text NOT NULL,
  affected                 integer NOT NULL CHECK (affected >= 0),
  relocated                integer NOT NULL CHECK (relocated >= 0),
  needing_aid              integer NOT NULL CHECK (needing_aid >= 0),
  deaths                   integer NOT NULL CHECK (deaths >= 0),
  missing                  integer NOT NULL CHECK (missing >= 0),
  houses_collapsed         integer NOT NULL CHECK (houses_collapsed >= 0),
  houses_severely_damaged  integer NOT NULL CHECK (houses_severely_damaged >= 0),
  houses_damaged           integer NOT NULL CHECK (houses_damaged >= 0),
  crops_hectares           numeric(13, 4) NOT NULL CHECK (crops_hectares >= 0),
  direct_loss_wan          numeric(13, 4) NOT NULL CHECK (direct_loss_wan >= 0),
  note                     text
);
CREATE INDEX disaster_reports_event ON disaster_reports (event_id, township, reported_at);
-- One 初报 and one 核报 per township and event.
CREATE UNIQUE INDEX disaster_reports_one_initial ON disaster_reports (event_id, township)
  WHERE stage = 'initial';
CREATE UNIQUE INDEX disaster_reports_one_verified ON disaster_reports (event_id, township)
  WHERE stage = 'verified';

-- A report is never changed or removed: a correction is a later report with an explanation.
CREATE FUNCTION disaster_reports_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'disaster_reports is append-only';
END $$;
CREATE TRIGGER disaster_reports_append_only BEFORE UPDATE OR DELETE ON disaster_reports
  FOR EACH ROW EXECUTE FUNCTION disaster_reports_append_only();
