-- Veto items set from the accident statistics (issue 14): the automatic veto of each unit is
-- computed from statistics_accident_facts while the assessment is open and fixed here when the
-- results are published (vetoes_fixed_at), so a later accident record does not rewrite a notice.
-- The assessors may set an automatic veto aside only with a written reason, kept with who and when.
ALTER TABLE plan_assessments
  ADD COLUMN vetoes_fixed_at timestamptz;

ALTER TABLE plan_assessment_units
  ADD COLUMN auto_veto        jsonb,
  ADD COLUMN veto_override    text CHECK (veto_override IS NULL OR length(veto_override) BETWEEN 5 AND 1000),
  ADD COLUMN veto_override_by uuid REFERENCES users (id),
  ADD COLUMN veto_override_at timestamptz,
  ADD CONSTRAINT plan_assessment_units_override_who
    CHECK ((veto_override IS NULL) = (veto_override_by IS NULL) AND (veto_override IS NULL) = (veto_override_at IS NULL));

-- A task assignment may be tied to a figure Anjian measures (the cockpit's plan targets): the unit
-- sees it, for its own area, as suggested progress it confirms when reporting.
ALTER TABLE plan_assignments
  ADD COLUMN figure_code text CHECK (figure_code IN ('monitoring_online_rate', 'major_hazards_cleared', 'drills_held'));
