-- 国务院令第493号 §9: the unit's one-hour reporting limit counts from when its responsible person was
-- told, not from the accident. Existing incidents take the accident time (the default of the report).
ALTER TABLE incidents ADD COLUMN notified_at timestamptz;
UPDATE incidents SET notified_at = occurred_at;
ALTER TABLE incidents
  ALTER COLUMN notified_at SET NOT NULL,
  ADD CONSTRAINT incidents_notified_after_accident CHECK (notified_at >= occurred_at);
