-- Substring search over Chinese names: trigram indexes cannot serve two-character words (most
-- Chinese search terms), so each name is also kept as the set of its two-character pieces in a GIN
-- index. A search for 恒通 first finds the rows holding the piece 恒通, then checks the LIKE.
CREATE FUNCTION anjian_bigrams(value text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT coalesce(array_agg(DISTINCT substr(value, i, 2)), '{}') FROM generate_series(1, length(value) - 1) AS i $$;

ALTER TABLE enterprises ADD COLUMN search_bigrams text[]
  GENERATED ALWAYS AS (anjian_bigrams(lower(name || ' ' || credit_code))) STORED;
CREATE INDEX enterprises_search_bigrams ON enterprises USING gin (search_bigrams);
