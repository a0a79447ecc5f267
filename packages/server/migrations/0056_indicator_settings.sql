-- The plan's indicators and other targets are edited in the product (统计分析 → 指标与目标设置,
-- issue 13): who changed each last and when, and the bounds the edit page checks kept as a backstop
-- (indicator-settings.schema.ts, plan-target-settings.schema.ts). Every change is also audited.
ALTER TABLE statistics_indicators
  ADD COLUMN updated_by uuid REFERENCES users (id),
  ADD COLUMN updated_at timestamptz,
  ADD CONSTRAINT statistics_indicators_change_range CHECK (target_change >= -0.9 AND target_change <= 1),
  ADD CONSTRAINT statistics_indicators_code_form CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$');

ALTER TABLE cockpit_plan_targets
  ADD COLUMN updated_by uuid REFERENCES users (id),
  ADD COLUMN updated_at timestamptz;
