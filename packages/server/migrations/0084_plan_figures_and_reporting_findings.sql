-- Issue 14: a task may be tied to more figures Anjian holds (hidden-hazard rectification rate,
-- inspections done, enterprises with cameras, a 专栏1 statistics indicator as indicator:<code>).
ALTER TABLE plan_assignments DROP CONSTRAINT IF EXISTS plan_assignments_figure_code_check;
ALTER TABLE plan_assignments ADD CONSTRAINT plan_assignments_figure_code_check CHECK (
  figure_code IN ('monitoring_online_rate', 'major_hazards_cleared', 'drills_held',
                  'hazard_rectification_rate', 'inspections_done', 'video_sites_equipped')
  OR figure_code ~ '^indicator:[a-z0-9_]{1,60}$');

-- A reporting finding on an accident the statistics count (瞒报 concealed, 谎报 false report, 迟报 late),
-- set by the statistics staff with a reason (audited). One per accident: incidents and imported
-- history both carry uuid ids (statistics_accident_facts.id). 瞒报 and 谎报 veto the county in the
-- yearly assessment (assessment-vetoes.ts).
CREATE TABLE statistics_reporting_findings (
  accident_id  uuid PRIMARY KEY,
  finding      text NOT NULL CHECK (finding IN ('concealed', 'false_report', 'late')),
  reason       text NOT NULL,
  set_by       uuid NOT NULL REFERENCES users (id),
  set_at       timestamptz NOT NULL
);
