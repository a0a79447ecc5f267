-- The minute and hour aggregates leave the ingest transaction (issue 19, ingest figures): a roll-up
-- job (modules/monitoring/readings-rollup.ts) builds them from the raw readings of closed minutes,
-- past a watermark, and rebuilds the buckets that late readings made dirty.
--
-- readings_rollup_state, one row:
--   built_to  — every minute before it is built (readings_minute holds no minute at or after it, and
--               an hour row holds exactly the minutes of that hour before it);
--   marked_to — readings older than this are "late": the ingest transaction that stores one marks its
--               (point, minute) dirty. The job moves marked_to first, waits for the writers that may
--               have read the old value, then builds up to it; so built_to <= marked_to.
CREATE TABLE readings_rollup_state (
  id         boolean PRIMARY KEY DEFAULT true CHECK (id),
  marked_to  timestamptz NOT NULL,
  built_to   timestamptz NOT NULL,
  CHECK (built_to <= marked_to)
);

-- (point, minute) buckets below marked_to that received readings after the job passed them. No key:
-- an ingest transaction only appends (never waits on the job), the job deletes what it has seen.
CREATE TABLE readings_dirty (
  point_no  integer NOT NULL,
  bucket    timestamptz NOT NULL
);

-- The job reads the readings of a time range across all points: a BRIN index on ts (the readings
-- arrive in time order, so a page range covers a short time span) makes that a scan of the range's
-- pages only. Made on the partitioned parent, so every partition has it and new ones get it.
CREATE INDEX readings_ts_brin ON readings USING brin (ts) WITH (pages_per_range = 32, autosummarize = on);

-- Up to now the aggregates were written in the ingest transaction, and hold every stored reading.
-- The watermark starts at this minute: the minutes from it on (this one, and future-dated readings)
-- are removed and the job builds them again from the readings; the hours from this hour on are made
-- again from the minutes that stay, so that both tables meet the invariants above.
INSERT INTO readings_rollup_state (marked_to, built_to)
VALUES (date_trunc('minute', now()), date_trunc('minute', now()));
DELETE FROM readings_minute WHERE bucket >= date_trunc('minute', now());
DELETE FROM readings_hour WHERE bucket >= date_trunc('hour', now());
INSERT INTO readings_hour
SELECT point_no, date_bin('1 hour', bucket, '2000-01-01 00:00+00'), sum(n), sum(total), sum(sum), min(min), max(max), max(last_ts),
       (array_agg(last_value ORDER BY last_ts DESC NULLS LAST))[1], bit_and(flags)
  FROM readings_minute WHERE bucket >= date_trunc('hour', now())
 GROUP BY 1, 2;
