-- Obligations (issue 17): the expiry and review reminders also texted to the enterprise's safety
-- manager. One row per enterprise and China day, taken in the run's transaction: at most one SMS
-- per enterprise a day, whatever the number of reminders, processes or runs.
CREATE TABLE obligation_reminder_sms (
  enterprise_id  uuid NOT NULL REFERENCES enterprises (id),
  sent_on        date NOT NULL,
  sms_id         bigint NOT NULL,
  reminders      integer NOT NULL,
  PRIMARY KEY (enterprise_id, sent_on)
);
