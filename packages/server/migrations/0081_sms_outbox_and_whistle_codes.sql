-- SMS verification codes for real-name reports (issue 16) and the platform's durable SMS outbox.

-- Every SMS the platform sends goes through this outbox (platform/sms.ts). The phone and the
-- template's parameters are sealed with the field key while the message waits, and cleared once it
-- is sent or has failed for good: what stays is the masked phone (138****1234), the template and the
-- outcome, so the system administrator sees why a message failed. Kept 30 days, then deleted.
CREATE TABLE sms_outbox (
  id               bigserial PRIMARY KEY,
  purpose          text NOT NULL,
  template         text NOT NULL,
  phone_masked     text NOT NULL,
  phone_sealed     text,
  params_sealed    text,
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL,
  last_error       text,
  send_before      timestamptz,
  created_at       timestamptz NOT NULL,
  sent_at          timestamptz,
  failed_at        timestamptz,
  CHECK (status = 'pending' OR (phone_sealed IS NULL AND params_sealed IS NULL))
);
CREATE INDEX sms_outbox_due ON sms_outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX sms_outbox_recent ON sms_outbox (created_at DESC);

-- A code sent to a reporter's phone: only its salted hash, under the phone's SM3 hash (as
-- whistle_abuse keeps an IP); five
-- minutes, at most five wrong tries, used once. Rows are deleted with the abuse-control marks.
CREATE TABLE whistle_sms_codes (
  id           bigserial PRIMARY KEY,
  phone_key   text NOT NULL,
  code_salt    text NOT NULL,
  code_hash    text NOT NULL,
  created_at   timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  wrong_tries  integer NOT NULL DEFAULT 0,
  used_at      timestamptz,
  purge_after  timestamptz NOT NULL
);
CREATE INDEX whistle_sms_codes_phone ON whistle_sms_codes (phone_key, created_at DESC);
CREATE INDEX whistle_sms_codes_purge ON whistle_sms_codes (purge_after);

-- Code requests are limited per IP like the other public calls.
ALTER TABLE whistle_abuse DROP CONSTRAINT whistle_abuse_kind_check;
ALTER TABLE whistle_abuse ADD CONSTRAINT whistle_abuse_kind_check
  CHECK (kind IN ('submit', 'lookup', 'lookup_failed', 'photo', 'place', 'sms'));

-- Whether the reporter proved the phone with a code (false: no SMS gateway, shown as 未验证).
ALTER TABLE whistle_identities ADD COLUMN phone_verified boolean NOT NULL DEFAULT false;
