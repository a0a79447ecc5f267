-- Readings partitioned by day (issue 19): declarative range partitioning on `ts`, one partition per
-- China calendar day ([00:00+08, next 00:00+08)), named readings_pYYYYMMDD after that China date,
-- plus a DEFAULT partition so that no reading is ever refused (a reading of a day without its own
-- partition — far past, far future — lands there and is moved out when its day's partition is made).
-- The partition job (modules/monitoring/readings-partitions.ts) makes the partitions ahead and drops
-- them by READINGS_RETENTION_DAYS, logging every drop in readings_retention_log.

-- ensure_day_partition(parent, day): makes `<parent>_pYYYYMMDD` for the China day `day` once, for
-- `readings` (key ts) and `readings_minute` (key bucket) only. Serialised per partition by a
-- transaction-level advisory lock, so two processes calling it at once make it once (the second sees
-- it made and answers false). Rows of that day already in the default partition are moved into the
-- new partition before it is attached. Runs as the tables' owner (SECURITY DEFINER): the application
-- role may not create tables; ensureAppRole grants it EXECUTE.
CREATE FUNCTION ensure_day_partition(parent text, day date) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  key text := CASE parent WHEN 'readings' THEN 'ts' WHEN 'readings_minute' THEN 'bucket' END;
  part text := parent || '_p' || to_char(day, 'YYYYMMDD');
  lo timestamptz := (to_char(day, 'YYYY-MM-DD') || ' 00:00:00+08')::timestamptz;
  hi timestamptz := (to_char(day + 1, 'YYYY-MM-DD') || ' 00:00:00+08')::timestamptz;
BEGIN
  IF key IS NULL THEN
    RAISE EXCEPTION 'ensure_day_partition: % is not partitioned by day', parent;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('ensure_day_partition:' || part));
  IF to_regclass(part) IS NOT NULL THEN
    RETURN false;
  END IF;
  EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part, parent);
  EXECUTE format(
    'WITH moved AS (DELETE FROM %I WHERE %I >= %L AND %I < %L RETURNING *) INSERT INTO %I SELECT * FROM moved',
    parent || '_default', key, lo, key, hi, part);
  EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', parent, part, lo, hi);
  RETURN true;
END $$;
REVOKE ALL ON FUNCTION ensure_day_partition(text, date) FROM PUBLIC;

-- drop_day_partition(parent, day): drops `<parent>_pYYYYMMDD` (retention); false when there is none.
CREATE FUNCTION drop_day_partition(parent text, day date) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  part text := parent || '_p' || to_char(day, 'YYYYMMDD');
BEGIN
  IF parent NOT IN ('readings', 'readings_minute') THEN
    RAISE EXCEPTION 'drop_day_partition: % is not partitioned by day', parent;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                  WHERE i.inhparent = parent::regclass AND c.relname = part) THEN
    RETURN false;
  END IF;
  EXECUTE format('DROP TABLE %I', part);
  RETURN true;
END $$;
REVOKE ALL ON FUNCTION drop_day_partition(text, date) FROM PUBLIC;

ALTER TABLE readings RENAME TO readings_unpartitioned;
ALTER INDEX readings_pkey RENAME TO readings_unpartitioned_pkey;

-- Same columns and the same key as before: (point, time) is unique (the COPY's duplicate error
-- 23505 and the late path's ON CONFLICT (point_no, ts) rely on it); the key includes the partition key.
CREATE TABLE readings (
  point_no  integer NOT NULL,
  ts        timestamptz NOT NULL,
  value     double precision,
  flags     smallint NOT NULL DEFAULT 0,
  PRIMARY KEY (point_no, ts)
) PARTITION BY RANGE (ts);
CREATE TABLE readings_default PARTITION OF readings DEFAULT;

-- Partitions for the days of the rows there are (within a year back), yesterday to a week ahead;
-- anything else goes to the default partition.
DO $$
DECLARE
  today date := (now() AT TIME ZONE 'Asia/Shanghai')::date;
  d date;
BEGIN
  FOR d IN
    SELECT DISTINCT (ts AT TIME ZONE 'Asia/Shanghai')::date FROM readings_unpartitioned
     WHERE ts >= now() - interval '366 days' AND ts < now() + interval '8 days'
    UNION SELECT generate_series(today - 1, today + 7, interval '1 day')::date
  LOOP
    PERFORM ensure_day_partition('readings', d);
  END LOOP;
END $$;

INSERT INTO readings (point_no, ts, value, flags) SELECT point_no, ts, value, flags FROM readings_unpartitioned;
DROP TABLE readings_unpartitioned;

-- Every partition (and default-partition rows) dropped by retention: what, when, how many rows.
CREATE TABLE readings_retention_log (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at           timestamptz NOT NULL,
  table_name   text NOT NULL,
  partition    text,
  day          date,
  before       timestamptz NOT NULL,
  rows         bigint NOT NULL,
  retention_days integer NOT NULL
);
