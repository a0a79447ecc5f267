-- Yearly target-responsibility assessment (目标责任考核) and special campaigns (专项整治), issue 14.

CREATE TABLE plan_assessments (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  year       integer NOT NULL,
  name       text NOT NULL,
  items      jsonb NOT NULL,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  demo       boolean NOT NULL DEFAULT false,
  UNIQUE (year, name)
);

CREATE TABLE plan_assessment_units (
  assessment_id   uuid NOT NULL REFERENCES plan_assessments (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  scores          jsonb NOT NULL DEFAULT '{}',
  veto            text,
  comment         text NOT NULL DEFAULT '',
  scored_by       uuid REFERENCES users (id),
  scored_at       timestamptz,
  PRIMARY KEY (assessment_id, organisation_id)
);

CREATE TABLE plan_campaigns (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text NOT NULL,
  sector      text NOT NULL DEFAULT '',
  start_date  date NOT NULL,
  end_date    date NOT NULL CHECK (end_date >= start_date),
  description text NOT NULL DEFAULT '',
  created_by  uuid NOT NULL REFERENCES users (id),
  created_at  timestamptz NOT NULL,
  demo        boolean NOT NULL DEFAULT false
);

-- Each object of a campaign (an enterprise from the registry) is closed (销号) by its unit and
-- verified by the bureau; a rejected closure goes back to open.
CREATE TABLE plan_campaign_objects (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id     uuid NOT NULL REFERENCES plan_campaigns (id) ON DELETE CASCADE,
  enterprise_id   uuid NOT NULL,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  task            text NOT NULL,
  status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'verified')),
  close_note      text,
  evidence        uuid[] NOT NULL DEFAULT '{}',
  closed_by       uuid REFERENCES users (id),
  closed_at       timestamptz,
  verified_by     uuid REFERENCES users (id),
  verified_at     timestamptz,
  verify_note     text,
  created_at      timestamptz NOT NULL,
  demo            boolean NOT NULL DEFAULT false
);
CREATE INDEX plan_campaign_objects_campaign ON plan_campaign_objects (campaign_id);
