-- The outbox worker claims the oldest due rows in (next_attempt_at, id) order. With only
-- next_attempt_at indexed, a fan-out's rows (all due at the same instant) had to be sorted by id
-- in full at every claim; the two-column partial index hands them over already in order.
CREATE INDEX warning_deliveries_due_order ON warning_deliveries (next_attempt_at, id) WHERE status = 'pending';
DROP INDEX warning_deliveries_due;
