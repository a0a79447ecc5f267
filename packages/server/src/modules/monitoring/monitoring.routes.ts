import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { EventBus } from '../../platform/events/index.ts';
import { registerAlarmRoutes } from './alarms.routes.ts';
import type { DeviceTokens } from './device-tokens.ts';
import { registerDeviceTokenRoutes } from './device-tokens.routes.ts';
import type { MonitoringService } from './monitoring.service.ts';
import { registerPointRoutes } from './points.routes.ts';
import { registerRuleRoutes } from './rules.routes.ts';
import { registerSettingsRoutes } from './settings.routes.ts';
import { registerSiteRoutes, registerStatisticsRoutes } from './sites.routes.ts';
import { registerStreamRoutes } from './stream.routes.ts';
import { registerTelemetryRoutes } from './telemetry.routes.ts';

/** Every monitoring route, one file per sub-resource, registered in the order the API document lists them. */
export function registerMonitoringRoutes(
  app: FastifyInstance,
  deps: { monitoring: MonitoringService; devices: DeviceTokens; events: EventBus; clock: Clock },
) {
  registerTelemetryRoutes(app, deps);
  registerSiteRoutes(app, deps);
  registerPointRoutes(app, deps);
  registerAlarmRoutes(app, deps);
  registerStatisticsRoutes(app, deps);
  registerRuleRoutes(app, deps);
  registerSettingsRoutes(app, deps);
  registerDeviceTokenRoutes(app, deps);
  registerStreamRoutes(app, deps);
}
