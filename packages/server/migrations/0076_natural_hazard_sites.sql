-- Geological-hazard sites (地质灾害隐患点) and forest-fire risk areas (森林火险区) as regulated objects with
-- monitoring points (issue 18, decision 0006). They answer to a responsible unit (a county or township
-- government or a department, kept in attributes.responsibleUnit) and to their county, never to an
-- enterprise: the enterprise kinds keep their enterprise, these kinds have none.
ALTER TABLE regulated_objects DROP CONSTRAINT regulated_objects_kind_check;
ALTER TABLE regulated_objects DROP CONSTRAINT regulated_objects_check;
ALTER TABLE regulated_objects ADD CONSTRAINT regulated_objects_kind_check
  CHECK (kind IN ('major_hazard_source', 'tailings_pond', 'underground_mine', 'open_pit_mine', 'waste_dump',
                  'pipeline', 'park', 'geo_hazard_site', 'forest_fire_area'));
ALTER TABLE regulated_objects ADD CONSTRAINT regulated_objects_owner_check
  CHECK (CASE
           WHEN kind IN ('geo_hazard_site', 'forest_fire_area')
             THEN enterprise_id IS NULL AND attributes ? 'responsibleUnit'
           ELSE kind = 'park' OR enterprise_id IS NOT NULL
         END);

-- A point on such a site has no enterprise: it is scoped by its county (already on the point).
ALTER TABLE monitoring_points ALTER COLUMN enterprise_id DROP NOT NULL;
ALTER TABLE monitoring_points ADD CONSTRAINT monitoring_points_owner_check
  CHECK (enterprise_id IS NOT NULL OR object_id IS NOT NULL);
-- Their alarms likewise (an enterprise account never sees them: its scope compares enterprise ids).
ALTER TABLE alarms ALTER COLUMN enterprise_id DROP NOT NULL;
-- A device of a county (a rain gauge or a crack meter on a hazard site) sends the readings of its
-- county's points that have no enterprise.
ALTER TABLE device_tokens ALTER COLUMN enterprise_id DROP NOT NULL;
