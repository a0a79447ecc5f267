import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import { registerAccessGuard } from './platform/access.ts';
import type { Clock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import type { FieldCipher } from './platform/crypto.ts';
import type { Db } from './platform/db.ts';
import {
  handleError,
  rejectNulCharacters,
  requestLanguage,
  zodValidatorCompiler,
} from './platform/http-errors.ts';
import { errorMessage } from '@anjian/domain';
import { createAuditRepository } from './modules/audit/audit.repository.ts';
import { registerAuditRoutes } from './modules/audit/audit.routes.ts';
import { registerAuditTrail } from './modules/audit/audit-trail.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { registerAuthRoutes, sessionCookieName } from './modules/auth/auth.routes.ts';
import { createSessionsRepository } from './modules/auth/sessions.repository.ts';
import { createRolesRepository } from './modules/roles/roles.repository.ts';
import { registerRolesRoutes } from './modules/roles/roles.routes.ts';
import { createRolesService } from './modules/roles/roles.service.ts';
import { registerSystemRoutes } from './modules/system/system.routes.ts';
import { registerCalcRoutes } from './modules/calc/calc.routes.ts';
import { createDictionariesRepository } from './modules/registry/dictionaries/dictionaries.repository.ts';
import { registerDictionariesRoutes } from './modules/registry/dictionaries/dictionaries.routes.ts';
import { createDivisionsRepository } from './modules/registry/divisions/divisions.repository.ts';
import { registerDivisionsRoutes } from './modules/registry/divisions/divisions.routes.ts';
import { createDivisionsService } from './modules/registry/divisions/divisions.service.ts';
import { createEnterprisesRepository } from './modules/registry/enterprises/enterprises.repository.ts';
import { registerEnterprisesRoutes } from './modules/registry/enterprises/enterprises.routes.ts';
import { createEnterprisesService } from './modules/registry/enterprises/enterprises.service.ts';
import { registerMapRoutes } from './modules/onemap/map.routes.ts';
import { createObjectsRepository } from './modules/registry/objects/objects.repository.ts';
import { registerObjectsRoutes } from './modules/registry/objects/objects.routes.ts';
import { createObjectsService } from './modules/registry/objects/objects.service.ts';
import { createUsersRepository } from './modules/users/users.repository.ts';
import { createUploadsRepository } from './modules/uploads/uploads.repository.ts';
import { createHazardsRepository } from './modules/dual-prevention/hazards/hazards.repository.ts';
import { createResourcesRepository } from './modules/emergency/resources.repository.ts';
import { createIncidentsRepository } from './modules/emergency/incidents.repository.ts';
import { registerIncidentsRoutes } from './modules/emergency/incidents.routes.ts';
import { createIncidentsService } from './modules/emergency/incidents.service.ts';
import { registerResourcesRoutes } from './modules/emergency/resources.routes.ts';
import { createResourcesService } from './modules/emergency/resources.service.ts';
import { registerEmergencyLibraries } from './modules/emergency/emergency-libraries.module.ts';
import { createChecksRepository } from './modules/dual-prevention/checks/checks.repository.ts';
import { registerChecksRoutes } from './modules/dual-prevention/checks/checks.routes.ts';
import { createChecksService } from './modules/dual-prevention/checks/checks.service.ts';
import { createRiskRepository } from './modules/dual-prevention/risk/risk.repository.ts';
import { registerRiskRoutes } from './modules/dual-prevention/risk/risk.routes.ts';
import { createRiskService } from './modules/dual-prevention/risk/risk.service.ts';
import { registerHazardsRoutes } from './modules/dual-prevention/hazards/hazards.routes.ts';
import { createHazardsService } from './modules/dual-prevention/hazards/hazards.service.ts';
import { createHazardEscalationRepository } from './modules/dual-prevention/hazards/hazard-escalation.repository.ts';
import { startHazardEscalation } from './modules/dual-prevention/hazards/hazard-escalation.start.ts';
import { createNotificationsRepository } from './modules/notifications/notifications.repository.ts';
import { registerNotificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { registerRiskGradingRoutes } from './modules/dual-prevention/risk/risk-grading.routes.ts';
import { registerRiskSitePlanRoutes } from './modules/dual-prevention/risk/risk-site-plan.routes.ts';
import { createRiskGradingService } from './modules/dual-prevention/risk/risk-grading.service.ts';
import { registerUploadsRoutes } from './modules/uploads/uploads.routes.ts';
import { registerUsersRoutes } from './modules/users/users.routes.ts';
import { createDeviceTokens } from './modules/monitoring/device-tokens.ts';
import { registerMonitoringBackground } from './modules/monitoring/monitoring-background.ts';
import { MonitoringEvents } from './modules/monitoring/monitoring-events.ts';
import { createMonitoringRepository } from './modules/monitoring/monitoring.repository.ts';
import { registerMonitoringRoutes } from './modules/monitoring/monitoring.routes.ts';
import { createMonitoringService } from './modules/monitoring/monitoring.service.ts';
import { createAlarmHazards } from './modules/monitoring/alarm-hazards.ts';
import { registerEnforcementRoutes } from './modules/enforcement/enforcement.module.ts';
import { registerMajorHazardsModule } from './modules/major-hazards/major-hazards.module.ts';
import { createUsersService } from './modules/users/users.service.ts';
import { registerWorkbenchModule } from './modules/workbench/index.ts';

export interface AppDeps {
  config: Config;
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
  logger?: boolean;
}

const version = (
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../package.json'), 'utf8')) as {
    version: string;
  }
).version;

/** Image sources the CSP must allow for the configured basemap's tiles. */
function tileHosts(config: Config): string[] {
  if (!config.basemap) return [];
  const url = new URL(config.basemap.tileUrl.replace(/\{s\}/g, '0').replace(/\{[a-z]\}/g, '0'));
  return config.basemap.tileUrl.includes('{s}')
    ? [`https://*.${url.hostname.split('.').slice(1).join('.')}`]
    : [url.origin];
}

export async function buildApp({
  config,
  db,
  clock,
  cipher,
  logger = false,
}: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger
      ? { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] }
      : false,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.decorateRequest('auth', null);
  // JSON only: a text/plain body is a way around CORS preflight and our validation alike.
  app.removeContentTypeParser('text/plain');
  app.addHook('preValidation', async (request) => rejectNulCharacters(request));

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...tileHosts(config)],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'self'"],
        formAction: ["'self'"],
      },
    },
    hsts: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Anjian API',
        description:
          '玉溪市应急管理局安全生产监管平台 API. Errors: { "error": { "code", "message", "fields"? } }.',
        version,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: sessionCookieName(config) },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
          device: { type: 'http', scheme: 'bearer', description: 'Device token (ajd_…) for telemetry' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });

  const users = createUsersRepository(db);
  const roles = createRolesRepository(db);
  const sessions = createSessionsRepository(db);
  const audit = createAuditRepository(db);
  const auth = createAuthService({ db, config, clock, users, roles, sessions, cipher });

  const cookieName = sessionCookieName(config);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    reply.header('cache-control', 'no-store');
    const token = request.cookies[cookieName];
    if (token) request.auth = await auth.resolve(token);
  });
  registerAccessGuard(app);
  registerAuditTrail(app, audit, clock);

  const divisions = createDivisionsService({ db, clock, divisions: createDivisionsRepository(db) });
  const dictionaries = createDictionariesRepository(db);
  const enterprisesRepository = createEnterprisesRepository(db);
  const enterprises = createEnterprisesService({
    db,
    clock,
    cipher,
    enterprises: enterprisesRepository,
    dictionaries,
  });
  const objects = createObjectsService({
    db,
    clock,
    objects: createObjectsRepository(db),
    enterprises: enterprisesRepository,
  });

  registerSystemRoutes(app, { db, version, divisions });
  registerAuthRoutes(app, { auth, config });
  registerUsersRoutes(app, { users: createUsersService({ db, clock, users, roles, sessions, cipher }) });
  registerRolesRoutes(app, { roles: createRolesService({ roles, clock }) });
  registerAuditRoutes(app, { audit, db });
  registerCalcRoutes(app);
  registerDivisionsRoutes(app, { divisions });
  registerDictionariesRoutes(app, { dictionaries });
  registerEnterprisesRoutes(app, {
    db,
    service: enterprises,
    enterprises: enterprisesRepository,
    dictionaries,
  });
  registerObjectsRoutes(app, { objects });
  const uploads = createUploadsRepository(db);
  registerUploadsRoutes(app, { uploads, clock });
  registerRiskRoutes(app, {
    risk: createRiskService({ clock, risk: createRiskRepository(db), enterprises: enterprisesRepository }),
  });
  const hazardEscalation = createHazardEscalationRepository(db);
  const hazards = createHazardsService({
    db,
    clock,
    hazards: createHazardsRepository(db),
    escalation: hazardEscalation,
    enterprises: enterprisesRepository,
    uploads,
  });
  registerHazardsRoutes(app, { hazards });
  const notifications = createNotificationsRepository(db);
  registerNotificationsRoutes(app, { notifications, clock });
  startHazardEscalation(app, { db, clock, escalation: hazardEscalation, notifications });
  registerRiskSitePlanRoutes(app, { db, clock, enterprises: enterprisesRepository, uploads });
  registerRiskGradingRoutes(app, {
    grading: createRiskGradingService({ db, clock, enterprises: enterprisesRepository }),
  });
  registerChecksRoutes(app, {
    checks: createChecksService({
      db,
      clock,
      checks: createChecksRepository(db),
      enterprises: enterprisesRepository,
      hazards,
    }),
  });
  const resourcesRepository = createResourcesRepository(db);
  registerResourcesRoutes(app, {
    resources: createResourcesService({ db, clock, cipher, resources: resourcesRepository }),
  });
  registerIncidentsRoutes(app, {
    incidents: createIncidentsService({
      db,
      clock,
      incidents: createIncidentsRepository(db),
      resources: resourcesRepository,
      enterprises: enterprisesRepository,
    }),
  });
  registerEmergencyLibraries(app, { db, clock, cipher, uploads });
  registerEnforcementRoutes(app, { db, clock, enterprises: enterprisesRepository, uploads, hazards });
  registerMapRoutes(app, { enterprises, objects, basemap: config.basemap });
  const monitoringEvents = new MonitoringEvents();
  const devices = createDeviceTokens({ db, clock });
  const alarmHazards = createAlarmHazards({
    db,
    clock,
    hazards,
    repeatRules: () => monitoring.settings.repeat,
    pointsNormal: (ids) => monitoring.pointsNormalSince(ids),
    log: (message, error) => app.log.error({ err: error }, message),
  });
  const monitoring = createMonitoringService({
    db,
    clock,
    repository: createMonitoringRepository(db),
    events: monitoringEvents,
    ingest: config.ingest,
    onFired: (changes) => alarmHazards.onFired(changes),
    notifications,
    log: (error) => app.log.error({ err: error }, 'monitoring ingest failed'),
  });
  hazards.useAcceptanceGuard(alarmHazards.guard);
  await monitoring.start();
  registerMonitoringRoutes(app, { monitoring, devices, events: monitoringEvents });
  registerMonitoringBackground(app, { config, monitoring, devices });
  registerMajorHazardsModule(app, { db, clock, enterprises: enterprisesRepository });
  registerWorkbenchModule(app, { db, clock });
  app.get('/api/docs', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  const indexHtml = path.join(config.webDistDir, 'index.html');
  const hasWeb = existsSync(indexHtml);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: config.webDistDir,
      index: false,
      // Vite names assets by content hash: they never change, so browsers may keep them for a year.
      setHeaders: (res, filePath) => {
        if (filePath.includes(`${path.sep}assets${path.sep}`))
          res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  if (hasWeb) {
    // The site root is the app itself (the static plugin serves files, not directories).
    app.get('/', { schema: { hide: true } }, (_request, reply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false }),
    );
  }
  app.setNotFoundHandler((request, reply) => {
    if (
      request.url.startsWith('/api/') ||
      request.url === '/api' ||
      !hasWeb ||
      !['GET', 'HEAD'].includes(request.method)
    ) {
      return reply.status(404).send({
        error: {
          code: 'route.not_found',
          message: errorMessage('route.not_found', requestLanguage(request)),
        },
      });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
  });
  return app;
}
