-- The baseline the plan itself publishes for the whole city (e.g. a 十三五 figure in 专栏1), with the
-- note naming its source; null = computed from the imported yearly figures as before. Counties never
-- use it (docs/decisions/0007-published-baseline.md). The bounds the edit page checks
-- (indicator-settings.schema.ts) are kept here as a backstop. The seed states no such figure, so no
-- row gets one.
ALTER TABLE statistics_indicators
  ADD COLUMN published_baseline numeric(14, 4),
  ADD COLUMN published_baseline_note text,
  ADD CONSTRAINT statistics_indicators_published_baseline_range
    CHECK (published_baseline IS NULL OR (published_baseline >= 0 AND published_baseline <= 1000000)),
  ADD CONSTRAINT statistics_indicators_published_baseline_note
    CHECK (published_baseline IS NULL OR (published_baseline_note IS NOT NULL AND published_baseline_note <> ''
           AND char_length(published_baseline_note) <= 200)),
  ADD CONSTRAINT statistics_indicators_published_baseline_note_only_with_figure
    CHECK (published_baseline IS NOT NULL OR published_baseline_note IS NULL);
