-- One author for automatic and demo records (issue 11 item 14): the disabled `system` account.
-- The enforcement demo had made its own disabled `demo_enforcement`; its records move to `system`
-- and the account goes.
INSERT INTO users (username, display_name, organisation, scope_kind, status, password_hash, must_change_password,
  created_at, updated_at)
VALUES ('system', '系统（自动记录）', '系统', 'city', 'disabled', '!', false, now(), now())
ON CONFLICT ((lower(username))) DO NOTHING;

DO $$
DECLARE
  old_id uuid;
  new_id uuid;
  ref record;
BEGIN
  SELECT id INTO old_id FROM users WHERE lower(username) = 'demo_enforcement';
  IF old_id IS NULL THEN
    RETURN;
  END IF;
  SELECT id INTO new_id FROM users WHERE lower(username) = 'system';
  -- Every column with a foreign key to users(id).
  FOR ref IN
    SELECT cl.relname AS tbl, att.attname AS col
      FROM pg_constraint c
      JOIN pg_class cl ON cl.oid = c.conrelid
      JOIN pg_attribute att ON att.attrelid = c.conrelid AND att.attnum = c.conkey[1]
     WHERE c.contype = 'f' AND c.confrelid = 'users'::regclass
  LOOP
    EXECUTE format('UPDATE %I SET %I = $1 WHERE %I = $2', ref.tbl, ref.col, ref.col) USING new_id, old_id;
  END LOOP;
  -- Actor ids inside the penalty-case and credit-listing state machines.
  UPDATE enforcement_cases SET state = replace(state::text, old_id::text, new_id::text)::jsonb
   WHERE state::text LIKE '%' || old_id::text || '%';
  UPDATE credit_listings SET state = replace(state::text, old_id::text, new_id::text)::jsonb
   WHERE state::text LIKE '%' || old_id::text || '%';
  DELETE FROM users WHERE id = old_id;
END $$;

-- The demo penalty decision (演示) carries its 决定书文号, as every decision does.
UPDATE enforcement_cases
   SET state = jsonb_set(state, '{decision,documentNo}', '"红应急罚〔2026〕1号"')
 WHERE demo AND status = 'decided' AND state->'decision' IS NOT NULL AND state->'decision'->>'documentNo' IS NULL;
