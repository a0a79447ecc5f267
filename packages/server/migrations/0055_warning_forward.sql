-- Forwarding a received warning (issue 15, "Incoming warnings"): an officer forwards a CAP message
-- from the meteorological or natural-resources bureau to the enterprises of its area as a bureau
-- warning. The draft keeps the received message as its source (kind 'import'), linked both ways.

ALTER TABLE warnings DROP CONSTRAINT warnings_source_kind_check;
ALTER TABLE warnings ADD CONSTRAINT warnings_source_kind_check
  CHECK (source_kind IN ('alarm', 'incident', 'import'));

-- One live forward per received message: a second one would warn the same enterprises twice. A
-- forward that was cancelled (or ran out) no longer counts, so the message may be forwarded again.
CREATE UNIQUE INDEX warnings_one_live_forward ON warnings (source_id)
  WHERE source_kind = 'import' AND status NOT IN ('cancelled', 'expired');
