-- 举报奖励, fourth round (issue 16): the map pin on the public page, and verified reports on the
-- 一企一档 and in risk-weighted double-random draws (docs/whistleblowing.md).

-- The day the outcome (属实 / 部分属实 / 不属实) was recorded: a report verified within the draw
-- formula's window raises the enterprise's weight. Reports verified before this column: the reply
-- day, else the decision day (the verification itself left no day of its own).
ALTER TABLE whistle_reports ADD COLUMN verified_on date;
UPDATE whistle_reports SET verified_on = coalesce(replied_on, decided_on, received_on)
 WHERE outcome IS NOT NULL;
CREATE INDEX whistle_reports_verified ON whistle_reports (enterprise_id, verified_on)
  WHERE outcome IN ('true', 'partly_true') AND duplicate_of IS NULL;

-- The enterprise was matched from the pin (the registered one nearest it), not chosen by the
-- reporter: staff see it marked, and the verifying inspection's enterprise takes its place.
ALTER TABLE whistle_reports ADD COLUMN enterprise_by_pin boolean NOT NULL DEFAULT false;

-- The public page asks where its pin lies; those look-ups are limited like the other public calls.
ALTER TABLE whistle_abuse DROP CONSTRAINT whistle_abuse_kind_check;
ALTER TABLE whistle_abuse ADD CONSTRAINT whistle_abuse_kind_check
  CHECK (kind IN ('submit', 'lookup', 'lookup_failed', 'photo', 'place'));

-- Registered enterprises near a point (the pin's nearest enterprise): earthdistance, as the
-- emergency resources (0008).
CREATE INDEX enterprises_earth ON enterprises USING gist (ll_to_earth(lat, lon)) WHERE lat IS NOT NULL;
