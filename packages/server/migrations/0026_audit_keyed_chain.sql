-- The audit chain keyed with HMAC-SM3 (issue 19, defect 7). Entries written from now on name the
-- key that signed them (key_id); entries written before this migration keep their plain SM3 hash
-- and are verified as before, up to the boundary recorded here.
ALTER TABLE audit_log ADD COLUMN key_id text;

-- One row per named mark on the chain. 'legacy_until': the last unkeyed entry (0 when none).
CREATE TABLE audit_chain_marks (
  name  text PRIMARY KEY,
  seq   bigint NOT NULL
);
INSERT INTO audit_chain_marks (name, seq) SELECT 'legacy_until', coalesce(max(seq), 0) FROM audit_log;

-- Signed checkpoints of the chain's head (seq, hash, count); a copy of each goes to a file under
-- DATA_DIR. The application role may only add and read them.
CREATE TABLE audit_checkpoints (
  id            bigserial PRIMARY KEY,
  at            timestamptz NOT NULL,
  head_seq      bigint NOT NULL,
  head_hash     text NOT NULL,
  entry_count   bigint NOT NULL,
  legacy_until  bigint NOT NULL,
  key_id        text NOT NULL,
  signature     text NOT NULL
);

-- Retention (≥ 180 days): the chain's oldest entries are removed only through audit_prune(), which
-- refuses a cut-off younger than 180 days and records where the remaining chain starts.
CREATE TABLE audit_prunes (
  id            bigserial PRIMARY KEY,
  at            timestamptz NOT NULL,
  through_seq   bigint NOT NULL,
  through_hash  text NOT NULL,
  removed       bigint NOT NULL,
  key_id        text NOT NULL,
  signature     text NOT NULL
);

-- How far each central log (syslog) has been sent.
CREATE TABLE audit_exports (
  target        text PRIMARY KEY,
  through_seq   bigint NOT NULL,
  updated_at    timestamptz NOT NULL
);

-- Append-only, except for audit_prune() (which sets anjian.audit_prune for its own transaction).
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('anjian.audit_prune', true) = 'on' THEN
    RETURN NULL;
  END IF;
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_prunes_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_prunes
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_chain_marks_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_chain_marks
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Removes the entries up to p_through_seq when every one of them is older than p_keep_days
-- (never fewer than 180) by the database's own clock and the caller's cut-off alike. Runs as the
-- table's owner (SECURITY DEFINER): the application role itself has no DELETE on audit_log.
CREATE FUNCTION audit_prune(
  p_through_seq bigint,
  p_cutoff timestamptz,
  p_keep_days integer,
  p_key_id text,
  p_signature text
) RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_hash text;
  v_removed bigint;
BEGIN
  IF p_keep_days IS NULL OR p_keep_days < 180 THEN
    RAISE EXCEPTION 'audit retention below 180 days refused (%)', p_keep_days;
  END IF;
  IF p_cutoff > now() - make_interval(days => p_keep_days) THEN
    RAISE EXCEPTION 'audit prune cut-off % is younger than % days', p_cutoff, p_keep_days;
  END IF;
  PERFORM pg_advisory_xact_lock(74626002);
  -- Another process pruned as far already: nothing to do (two processes may both try).
  IF EXISTS (SELECT 1 FROM audit_prunes WHERE through_seq >= p_through_seq) THEN
    RETURN 0;
  END IF;
  IF EXISTS (SELECT 1 FROM audit_log WHERE seq <= p_through_seq AND at >= p_cutoff) THEN
    RAISE EXCEPTION 'audit prune would remove entries younger than the cut-off';
  END IF;
  SELECT hash INTO v_hash FROM audit_log WHERE seq = p_through_seq;
  IF v_hash IS NULL THEN
    RAISE EXCEPTION 'audit prune: entry % not found', p_through_seq;
  END IF;
  PERFORM set_config('anjian.audit_prune', 'on', true);
  DELETE FROM audit_log WHERE seq <= p_through_seq;
  GET DIAGNOSTICS v_removed = ROW_COUNT;
  PERFORM set_config('anjian.audit_prune', 'off', true);
  INSERT INTO audit_prunes (at, through_seq, through_hash, removed, key_id, signature)
    VALUES (now(), p_through_seq, v_hash, v_removed, p_key_id, p_signature);
  RETURN v_removed;
END;
$$;
REVOKE ALL ON FUNCTION audit_prune(bigint, timestamptz, integer, text, text) FROM PUBLIC;
