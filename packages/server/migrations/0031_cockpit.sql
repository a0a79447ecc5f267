-- The leaders' cockpit and the big screen (issue 13) read city-wide: the 20 newest records of each
-- kind and 30 days of each for the trend lines. Without these, a city leader's first paint scans
-- every hidden hazard, alarm and incident ever recorded.
CREATE INDEX hidden_hazards_reported ON hidden_hazards (reported_at DESC);
-- incidents (occurred_at) is indexed by 0028_statistics.sql (a b-tree serves both directions).
CREATE INDEX alarms_raised ON alarms (raised_at DESC);
-- "Does the viewer's scope hold demo (演示) records?" without scanning the whole registry.
CREATE INDEX enterprises_demo ON enterprises (county) WHERE demo;
