-- Obligations (issue 17), part 1: the people of the three key posts (三项岗位人员) of an enterprise,
-- their certificates and their training. ID numbers are sealed (SM4) and kept masked beside them.
CREATE TABLE obligation_people (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id    uuid NOT NULL REFERENCES enterprises (id),
  county           text NOT NULL,
  name             text NOT NULL,
  id_number_enc    text,
  id_number_masked text,
  post             text NOT NULL CHECK (post IN ('principal', 'safety_manager', 'special_operation', 'other')),
  operation        text,
  position         text,
  demo             boolean NOT NULL DEFAULT false,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  CHECK (post <> 'special_operation' OR operation IS NOT NULL)
);
CREATE INDEX obligation_people_enterprise ON obligation_people (enterprise_id);
CREATE INDEX obligation_people_county ON obligation_people (county);

CREATE TABLE obligation_certificates (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id      uuid NOT NULL REFERENCES obligation_people (id) ON DELETE CASCADE,
  kind           text NOT NULL CHECK (kind IN ('principal', 'safety_manager', 'special_operation')),
  number         text NOT NULL UNIQUE,
  operation      text,
  authority      text NOT NULL,
  issued_on      date NOT NULL,
  expires_on     date NOT NULL,
  review_due_on  date,
  reviewed_on    date,
  demo           boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL,
  CHECK (expires_on >= issued_on)
);
CREATE INDEX obligation_certificates_person ON obligation_certificates (person_id);
CREATE INDEX obligation_certificates_expiry ON obligation_certificates (expires_on);

CREATE TABLE obligation_training (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id     uuid NOT NULL REFERENCES obligation_people (id) ON DELETE CASCADE,
  course        text NOT NULL,
  institution   text NOT NULL,
  hours         integer NOT NULL CHECK (hours > 0),
  completed_on  date NOT NULL,
  exam_score    numeric(5, 1),
  passed        boolean,
  created_at    timestamptz NOT NULL
);
CREATE INDEX obligation_training_person ON obligation_training (person_id);
