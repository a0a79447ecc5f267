-- Per-minute and per-hour aggregates of the readings (issue 19), written in the ingest transaction
-- beside the readings themselves (modules/monitoring/readings-aggregates.ts), so they always equal
-- what the raw readings give. Only usable readings count (flags = 0 and a number): n, sum (avg =
-- sum / n), min, max and the last one (last_ts, last_value); `flags` is the AND of every reading's
-- flags in the bucket (non-zero: every reading there was flagged), `total` counts every reading.
-- The trend API reads raw up to 6 h, minutes up to 7 days, hours beyond (docs/monitoring.md).

CREATE TABLE readings_minute (
  point_no    integer NOT NULL,
  bucket      timestamptz NOT NULL,
  n           integer NOT NULL,
  total       integer NOT NULL,
  sum         double precision,
  min         double precision,
  max         double precision,
  last_ts     timestamptz,
  last_value  double precision,
  flags       smallint NOT NULL,
  PRIMARY KEY (point_no, bucket)
) PARTITION BY RANGE (bucket);
CREATE TABLE readings_minute_default PARTITION OF readings_minute DEFAULT;

-- Hours are few (24 a day a point): one table, pruned by READINGS_HOUR_RETENTION_DAYS.
CREATE TABLE readings_hour (
  point_no    integer NOT NULL,
  bucket      timestamptz NOT NULL,
  n           integer NOT NULL,
  total       integer NOT NULL,
  sum         double precision,
  min         double precision,
  max         double precision,
  last_ts     timestamptz,
  last_value  double precision,
  flags       smallint NOT NULL,
  PRIMARY KEY (point_no, bucket)
) WITH (fillfactor = 80);

DO $$
DECLARE
  d date;
BEGIN
  FOR d IN SELECT (regexp_match(c.relname, '^readings_p(\d{8})$'))[1]::date
             FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = 'readings'::regclass AND c.relname ~ '^readings_p\d{8}$'
  LOOP
    PERFORM ensure_day_partition('readings_minute', d);
  END LOOP;
END $$;

-- The aggregates of the readings stored so far.
INSERT INTO readings_minute
SELECT point_no, date_bin('1 minute', ts, '2000-01-01 00:00+00'), count(*) FILTER (WHERE flags = 0 AND value IS NOT NULL), count(*),
       sum(value) FILTER (WHERE flags = 0), min(value) FILTER (WHERE flags = 0), max(value) FILTER (WHERE flags = 0),
       max(ts) FILTER (WHERE flags = 0 AND value IS NOT NULL),
       (array_agg(value ORDER BY ts DESC) FILTER (WHERE flags = 0 AND value IS NOT NULL))[1], bit_and(flags)
  FROM readings GROUP BY 1, 2;
INSERT INTO readings_hour
SELECT point_no, date_bin('1 hour', bucket, '2000-01-01 00:00+00'), sum(n), sum(total), sum(sum), min(min), max(max), max(last_ts),
       (array_agg(last_value ORDER BY last_ts DESC NULLS LAST))[1], bit_and(flags)
  FROM readings_minute GROUP BY 1, 2;
