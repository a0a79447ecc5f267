-- Obligations (issue 17), part 2: 安全生产责任保险 policies per enterprise.
CREATE TABLE obligation_policies (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id     uuid NOT NULL REFERENCES enterprises (id),
  county            text NOT NULL,
  insurer           text NOT NULL,
  policy_number     text NOT NULL UNIQUE,
  starts_on         date NOT NULL,
  ends_on           date NOT NULL,
  insured_persons   integer NOT NULL CHECK (insured_persons > 0),
  per_person_yuan   numeric(14, 2) NOT NULL CHECK (per_person_yuan > 0),
  premium_yuan      numeric(14, 2) NOT NULL CHECK (premium_yuan >= 0),
  demo              boolean NOT NULL DEFAULT false,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  CHECK (ends_on >= starts_on)
);
CREATE INDEX obligation_policies_enterprise ON obligation_policies (enterprise_id, ends_on);
