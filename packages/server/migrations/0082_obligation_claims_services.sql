-- Obligations (issue 17), 安责险 part 2: claims linked to incidents, and the insurers'
-- accident-prevention services with their findings (each may open or link a hidden hazard).
CREATE TABLE obligation_claims (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  policy_id          uuid NOT NULL REFERENCES obligation_policies (id) ON DELETE CASCADE,
  enterprise_id      uuid NOT NULL REFERENCES enterprises (id),
  county             text NOT NULL,
  claim_number       text NOT NULL UNIQUE,
  incident_id        uuid NOT NULL REFERENCES incidents (id),
  incident_on        date NOT NULL,
  incident_location  text NOT NULL,
  reported_on        date NOT NULL,
  deaths             integer NOT NULL CHECK (deaths >= 0),
  injuries           integer NOT NULL CHECK (injuries >= 0),
  claimed_yuan       numeric(14, 2) NOT NULL CHECK (claimed_yuan >= 0),
  paid_yuan          numeric(14, 2) CHECK (paid_yuan >= 0),
  status             text NOT NULL CHECK (status IN ('reported', 'accepted', 'paid', 'rejected')),
  accepted_on        date,
  paid_on            date,
  rejected_on        date,
  rejection_reason   text,
  demo               boolean NOT NULL DEFAULT false,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL
);
CREATE INDEX obligation_claims_policy ON obligation_claims (policy_id);
CREATE INDEX obligation_claims_incident ON obligation_claims (incident_id);
CREATE INDEX obligation_claims_county_reported ON obligation_claims (county, reported_on);

CREATE TABLE obligation_prevention_services (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  policy_id      uuid NOT NULL REFERENCES obligation_policies (id) ON DELETE CASCADE,
  enterprise_id  uuid NOT NULL REFERENCES enterprises (id),
  county         text NOT NULL,
  insurer        text NOT NULL,
  served_on      date NOT NULL,
  kind           text NOT NULL,
  cost_yuan      numeric(14, 2) NOT NULL CHECK (cost_yuan >= 0),
  summary        text,
  demo           boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL
);
CREATE INDEX obligation_prevention_services_insurer ON obligation_prevention_services (insurer, served_on);
CREATE INDEX obligation_prevention_services_enterprise ON obligation_prevention_services (enterprise_id, served_on);

CREATE TABLE obligation_prevention_findings (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_id      uuid NOT NULL REFERENCES obligation_prevention_services (id) ON DELETE CASCADE,
  position        integer NOT NULL,
  description     text NOT NULL,
  -- The hidden hazard of the dual-prevention module, through its port; no foreign key across modules.
  hazard_id       uuid,
  hazard_opened   boolean NOT NULL DEFAULT false
);
CREATE INDEX obligation_prevention_findings_service ON obligation_prevention_findings (service_id, position);
