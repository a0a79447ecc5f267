-- 举报奖励 (issue 16): an installation whose built-in roles already exist gets the new permissions
-- (a fresh one gets them when the built-in roles are seeded after the migrations).
INSERT INTO role_permissions (role_code, permission)
SELECT code, 'whistle:handle' FROM roles WHERE code IN ('city_officer', 'county_officer')
ON CONFLICT DO NOTHING;
INSERT INTO role_permissions (role_code, permission)
SELECT code, 'whistle:reward' FROM roles WHERE code = 'city_officer'
ON CONFLICT DO NOTHING;
