-- Sign-in defences (issue 19, defects 6 and 8; 等保 2.0 level 3): failed sign-ins counted in a
-- sliding window shared by every server process, single-use captchas stored hashed, the security
-- events the security administrator reviews, and the account inactivity rule.

-- One row per failed sign-in (wrong password, unknown or locked account, wrong captcha). Counting
-- rows newer than the window gives per-IP, per-username and global sliding windows; rows older
-- than a day are deleted as new ones arrive.
CREATE TABLE login_failures (
  id            bigserial PRIMARY KEY,
  at            timestamptz NOT NULL,
  ip            text NOT NULL,
  -- lower(username) as typed: unknown names count as well, so the counts reveal no account.
  username_key  text NOT NULL
);
CREATE INDEX login_failures_ip ON login_failures (ip, at);
CREATE INDEX login_failures_username ON login_failures (username_key, at);
CREATE INDEX login_failures_at ON login_failures (at);

-- A captcha's answer is kept only as an SM3 hash (with the captcha id as salt); it is deleted when
-- used, right or wrong, and is worthless after expires_at.
CREATE TABLE login_captchas (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  answer_hash  text NOT NULL,
  created_at   timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL
);
CREATE INDEX login_captchas_expires ON login_captchas (expires_at);

CREATE TABLE security_events (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('account_locked', 'captcha_failed', 'ip_throttled',
                'global_throttled', 'scope_denied', 'account_inactive_disabled', 'session_limit')),
  ip          text,
  username    text,
  user_id     uuid REFERENCES users (id) ON DELETE SET NULL,
  detail      text
);
CREATE INDEX security_events_at ON security_events (at DESC, id DESC);
CREATE INDEX security_events_kind ON security_events (kind, at DESC);

-- Why an account is disabled ('inactive' for the inactivity job, so sign-in can say so) and when it
-- was last (re-)enabled: the inactivity clock restarts then.
ALTER TABLE users
  ADD COLUMN disabled_reason text CHECK (disabled_reason IN ('administrator', 'inactive')),
  ADD COLUMN enabled_at timestamptz;
