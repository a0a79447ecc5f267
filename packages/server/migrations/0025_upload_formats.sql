-- Uploads are re-encoded on arrival (issue 19, defect 3); WebP photos are accepted and stay WebP.
ALTER TABLE uploads DROP CONSTRAINT uploads_content_type_check;
ALTER TABLE uploads ADD CONSTRAINT uploads_content_type_check
  CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp'));
