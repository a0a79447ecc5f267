-- Platform foundation: roles and permissions, users, sessions, the audit chain, settings.

CREATE TABLE roles (
  code        text PRIMARY KEY,
  name_zh     text NOT NULL,
  name_en     text NOT NULL,
  admin_kind  text CHECK (admin_kind IN ('system', 'security', 'audit')),
  builtin     boolean NOT NULL DEFAULT false,
  -- Whether holders must sign in with a TOTP second factor when AUTH_TOTP_REQUIRED is on.
  totp_required boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE role_permissions (
  role_code   text NOT NULL REFERENCES roles (code) ON DELETE CASCADE,
  permission  text NOT NULL,
  PRIMARY KEY (role_code, permission)
);

CREATE TABLE users (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username             text NOT NULL,
  display_name         text NOT NULL,
  phone_enc            text,
  organisation         text,
  scope_kind           text NOT NULL CHECK (scope_kind IN ('city', 'county', 'enterprise')),
  scope_counties       text[] NOT NULL DEFAULT '{}',
  scope_enterprise_id  uuid,
  status               text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  password_hash        text NOT NULL,
  password_changed_at  timestamptz,
  must_change_password boolean NOT NULL DEFAULT true,
  failed_logins        integer NOT NULL DEFAULT 0,
  locked_until         timestamptz,
  totp_secret_enc      text,
  totp_pending_enc     text,
  totp_last_step       bigint,
  last_login_at        timestamptz,
  last_login_ip        text,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  CHECK ((scope_kind = 'city') = (cardinality(scope_counties) = 0)),
  CHECK ((scope_kind = 'enterprise') = (scope_enterprise_id IS NOT NULL))
);
CREATE UNIQUE INDEX users_username_lower ON users (lower(username));
CREATE INDEX users_scope_counties ON users USING gin (scope_counties);

CREATE TABLE user_roles (
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role_code  text NOT NULL REFERENCES roles (code),
  PRIMARY KEY (user_id, role_code)
);

CREATE TABLE password_history (
  id             bigserial PRIMARY KEY,
  user_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  password_hash  text NOT NULL,
  set_at         timestamptz NOT NULL
);
CREATE INDEX password_history_user ON password_history (user_id, id DESC);

CREATE TABLE sessions (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash     text NOT NULL UNIQUE,
  user_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token     text NOT NULL,
  created_at     timestamptz NOT NULL,
  last_seen_at   timestamptz NOT NULL,
  expires_at     timestamptz NOT NULL,
  idle_seconds   integer NOT NULL,
  revoked_at     timestamptz,
  revoke_reason  text,
  ip             text NOT NULL,
  user_agent     text NOT NULL,
  -- The user's sign-in before this one, shown after sign-in (等保: 登录时提示上次登录信息).
  previous_login_at  timestamptz,
  previous_login_ip  text
);
CREATE INDEX sessions_user_active ON sessions (user_id) WHERE revoked_at IS NULL;

-- Append-only audit chain: each entry's hash is SM3 over its content and the previous hash.
CREATE TABLE audit_log (
  seq         bigint PRIMARY KEY,
  at          timestamptz NOT NULL,
  actor_id    uuid,
  actor_name  text NOT NULL,
  roles       text[] NOT NULL,
  scope       text NOT NULL,
  action      text NOT NULL,
  target      text,
  ip          text NOT NULL,
  user_agent  text NOT NULL,
  outcome     text NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
  status      integer NOT NULL,
  detail      text,
  prev_hash   text NOT NULL,
  hash        text NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (lower(actor_name));

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

CREATE TABLE settings (
  key    text PRIMARY KEY,
  value  jsonb NOT NULL
);
