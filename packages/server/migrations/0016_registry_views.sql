-- The registry owns the enterprises table; other modules read enterprises only through this view
-- (a name beside a hazard, a county for scope, the sectors a draw filters on) and never write them.
-- A plain view over one table: PostgreSQL inlines it, so the table's indexes serve every read.
-- Contacts and the search columns stay inside the registry; the one exception is the safety
-- manager's phone, still sealed (SM4), which public warnings decrypt to send an SMS.
CREATE VIEW enterprise_directory AS
  SELECT id, name, credit_code, county, township, address, lon, lat, industry_code, sectors, scale,
         employees, status, key_tags, responsible_department, demo, created_at, updated_at,
         contacts->'safetyManager'->>'phoneEnc' AS safety_manager_phone_enc
    FROM enterprises;

COMMENT ON VIEW enterprise_directory IS
  'Owned by the registry module: the enterprise columns other modules may read (no contacts).';
