-- Security labels on records (等保 2.0 level 3, 8.1.4.2g; docs/decisions/0005-security-labels.md).
-- A record's label is checked in addition to the permissions and the data scope: a role reads a
-- record only when the label is at most its clearance (public < internal < sensitive <
-- whistle_identity). Existing records take their kind's default.

ALTER TABLE roles ADD COLUMN clearance text NOT NULL DEFAULT 'internal'
  CHECK (clearance IN ('public', 'internal', 'sensitive', 'whistle_identity'));
-- The built-in roles' clearances (builtin-roles.ts); the seed sets them for new installations.
UPDATE roles SET clearance = 'public' WHERE code IN ('sysadmin', 'secadmin', 'auditadmin');
UPDATE roles SET clearance = 'sensitive' WHERE code IN ('city_officer', 'county_officer');
UPDATE roles SET clearance = 'whistle_identity' WHERE code = 'whistle_custodian';

-- A record is labelled at most 敏感: 举报身份 is the label of a real-name reporter's identity
-- (whistle_identities), which only the custodian's clearance reaches; it is not put on whole records.
ALTER TABLE hidden_hazards ADD COLUMN security_label text NOT NULL DEFAULT 'internal'
  CHECK (security_label IN ('public', 'internal', 'sensitive'));
ALTER TABLE enforcement_cases ADD COLUMN security_label text NOT NULL DEFAULT 'internal'
  CHECK (security_label IN ('public', 'internal', 'sensitive'));
ALTER TABLE incidents ADD COLUMN security_label text NOT NULL DEFAULT 'internal'
  CHECK (security_label IN ('public', 'internal', 'sensitive'));
ALTER TABLE whistle_reports ADD COLUMN security_label text NOT NULL DEFAULT 'sensitive'
  CHECK (security_label IN ('public', 'internal', 'sensitive'));
