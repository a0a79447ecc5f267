-- A camera may watch a geological-hazard site or a forest-fire risk area, which answers to a
-- responsible unit and has no enterprise (decision 0006): such a camera has no enterprise either and is
-- scoped by its site's county. The service requires one of the two on every write (an enterprise, or
-- a site without one); no CHECK here, because deleting a site sets object_id to null and must not fail.
ALTER TABLE video_cameras ALTER COLUMN enterprise_id DROP NOT NULL;
