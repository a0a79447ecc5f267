-- Videos sent with a whistleblowing report (issue 16): rewritten by ffmpeg as an MP4 without
-- metadata before they are stored (uploads/video-sanitizer.ts).
ALTER TABLE uploads DROP CONSTRAINT uploads_content_type_check;
ALTER TABLE uploads ADD CONSTRAINT uploads_content_type_check
  CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'video/mp4'));
