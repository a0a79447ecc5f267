-- Issue 16: a verified 谎报瞒报事故 report names the incident (事故) it uncovered; the reward reads the
-- accident's class and deaths from the incident (emergency module's port), so a recount within the
-- statutory window shows on a proposal not yet approved. One incident per report; a new
-- verification replaces it. No foreign key into the emergency module's table: the link is checked
-- through its port, in the caller's scope, when the verification is recorded.
CREATE TABLE whistle_report_incidents (
  report_id    uuid PRIMARY KEY REFERENCES whistle_reports (id) ON DELETE CASCADE,
  incident_id  uuid NOT NULL
);
CREATE INDEX whistle_report_incidents_incident ON whistle_report_incidents (incident_id);
