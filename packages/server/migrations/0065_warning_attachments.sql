-- Warning attachments (issue 15): images and PDFs a warning carries as CAP <resource>s. The file
-- itself is an upload (images re-encoded on arrival); PDFs are now accepted as uploads too.
ALTER TABLE uploads DROP CONSTRAINT uploads_content_type_check;
ALTER TABLE uploads ADD CONSTRAINT uploads_content_type_check
  CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf'));

CREATE TABLE warning_attachments (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  warning_id      uuid NOT NULL REFERENCES warnings (id),
  upload_id       uuid NOT NULL UNIQUE REFERENCES uploads (id),
  description_zh  text NOT NULL CHECK (length(description_zh) BETWEEN 1 AND 200),
  description_en  text NOT NULL CHECK (length(description_en) BETWEEN 1 AND 200),
  mime_type       text NOT NULL CHECK (mime_type IN ('image/jpeg', 'image/png', 'application/pdf')),
  size            integer NOT NULL CHECK (size > 0),
  sha1            text NOT NULL CHECK (sha1 ~ '^[0-9a-f]{40}$'),
  -- The first released version whose CAP lists it; a released attachment is never deleted.
  released_in     integer,
  created_by      uuid NOT NULL REFERENCES users (id),
  created_at      timestamptz NOT NULL
);
CREATE INDEX warning_attachments_warning ON warning_attachments (warning_id, created_at);
