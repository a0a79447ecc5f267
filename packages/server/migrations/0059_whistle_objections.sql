-- 举报奖励, third round (issue 16): the reporter's objection (异议) to the bureau's decision and the
-- city's review (复核), 应急〔2023〕106号. The window opens on the day the decision was shown: the
-- refusal's decision day, or the reply day (replied_on, new here) or the reward proposal's day.
ALTER TABLE whistle_reports ADD COLUMN replied_on date;
-- Reports replied before this column: the day of the bureau's last message, else the decision day.
UPDATE whistle_reports r
   SET replied_on = coalesce(
         (SELECT max(m.written_on) FROM whistle_messages m WHERE m.report_id = r.id AND m.author = 'bureau'),
         r.decided_on, r.received_on)
 WHERE r.status = 'replied';

-- One objection per report (the primary key): a second is refused, also when two arrive at once.
-- The reporter's reason is the only text kept; nothing that identifies them.
CREATE TABLE whistle_objections (
  report_id      uuid PRIMARY KEY REFERENCES whistle_reports (id) ON DELETE CASCADE,
  filed_on       date NOT NULL,
  reason         text NOT NULL,
  objected_to    text NOT NULL CHECK (objected_to IN ('not_accepted', 'replied')),
  review_due     date NOT NULL,
  status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'upheld', 'rejected')),
  review_reason  text,
  reviewed_by    uuid REFERENCES users (id),
  reviewed_on    date,
  reopened_to    text CHECK (reopened_to IN ('received', 'accepted')),
  CHECK ((status = 'pending') = (reviewed_on IS NULL)),
  CHECK (status <> 'rejected' OR review_reason IS NOT NULL)
);
CREATE INDEX whistle_objections_pending ON whistle_objections (review_due) WHERE status = 'pending';
