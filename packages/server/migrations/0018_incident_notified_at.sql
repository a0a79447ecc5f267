-- 国务院令第493号 §9: the unit's one-hour reporting limit counts from when its responsible person was
-- told, not from the accident. NULL means "at the accident time" (the default of the report), so
-- rows written without the column keep working; existing incidents are filled in with that time.
ALTER TABLE incidents
  ADD COLUMN notified_at timestamptz,
  ADD CONSTRAINT incidents_notified_after_accident CHECK (notified_at IS NULL OR notified_at >= occurred_at);
UPDATE incidents SET notified_at = occurred_at;
