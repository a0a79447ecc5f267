-- Issue 14: a task may be tied to more figures Anjian holds (hidden-hazard rectification rate,
-- inspections done, enterprises with cameras, a 专栏1 statistics indicator as indicator:<code>).
ALTER TABLE plan_assignments DROP CONSTRAINT IF EXISTS plan_assignments_figure_code_check;
ALTER TABLE plan_assignments ADD CONSTRAINT plan_assignments_figure_code_check CHECK (
  figure_code IN ('monitoring_online_rate', 'major_hazards_cleared', 'drills_held',
                  'hazard_rectification_rate', 'inspections_done', 'video_sites_equipped')
  OR figure_code ~ '^indicator:[a-z0-9_]{1,60}$');
