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
import {
  createFieldCipher,
  hashPassword as scryptHash,
  newFieldKeyHex,
  type FieldCipher,
  type PasswordHasher,
} from './platform/crypto.ts';
import { createSmsOutbox } from './platform/sms.ts';
import type { Db } from './platform/db.ts';
import { createMemoryEventBus, type EventBus } from './platform/events/index.ts';
import {
  handleError,
  rejectNulCharacters,
  rejectUnexpectedBody,
  requestLanguage,
  zodValidatorCompiler,
} from './platform/http-errors.ts';
import { requestLogFields } from './platform/request-log.ts';
import { errorMessage } from '@anjian/domain';
import { createAuditModule } from './modules/audit/index.ts';
import { createAuthModule, sessionCookieName } from './modules/auth/index.ts';
import { registerCalc } from './modules/calc/index.ts';
import { createCockpitModule } from './modules/cockpit/index.ts';
import { createDualPreventionModule, createHazardFigures } from './modules/dual-prevention/index.ts';
import { createEmergencyModule } from './modules/emergency/index.ts';
import {
  createEnforcementFacts,
  createInspectionFigures,
  createInspectionFindings,
  registerEnforcement,
} from './modules/enforcement/index.ts';
import { createMajorHazardsModule } from './modules/major-hazards/index.ts';
import { createMonitoringModule } from './modules/monitoring/index.ts';
import { createObligationsModule } from './modules/obligations/index.ts';
import { createNotificationsModule } from './modules/notifications/index.ts';
import { createPlanModule } from './modules/plan/index.ts';
import { registerOneMap } from './modules/onemap/index.ts';
import { createRegistryModule } from './modules/registry/index.ts';
import { createRolesModule } from './modules/roles/index.ts';
import { createStatisticsModule } from './modules/statistics/index.ts';
import { registerSmsOutboxRoutes, registerSystem } from './modules/system/index.ts';
import { createUploadsModule } from './modules/uploads/index.ts';
import { createUsersModule } from './modules/users/index.ts';
import { createCameraFigures, createVideoModule, videoMediaOrigins } from './modules/video/index.ts';
import { registerWorkbenchModule } from './modules/workbench/index.ts';
import { createWarningsModule } from './modules/warnings/index.ts';
import { createWhistleblowingModule } from './modules/whistleblowing/index.ts';

export interface AppDeps {
  config: Config;
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
  /**
   * Seals whistleblowers' identities under a key apart from `cipher` (WHISTLEBLOWER_ENCRYPTION_KEY).
   * Default: that key from the config, else a key for this process only (tests that never read one).
   */
  whistleCipher?: FieldCipher;
  /** The event bus, closed with the app. Default: in memory (one process); `main.ts` gives the PostgreSQL one. */
  events?: EventBus;
  /**
   * How passwords set in this app are hashed. Default: scrypt at the production cost (PASSWORD_COST);
   * only the tests give a cheaper one. Not read from the environment, so no deployment can lower it.
   */
  hashPassword?: PasswordHasher;
  logger?: boolean;
}

/** How often each process sends the SMS outbox's due rows (a code also goes at once, see nudge). */
const SMS_SEND_EVERY_MS = 3_000;

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
  whistleCipher,
  events: givenEvents,
  hashPassword = scryptHash,
  logger = false,
}: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger
      ? {
          level: config.logLevel,
          redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'],
          serializers: { req: requestLogFields },
        }
      : false,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  });
  const events =
    givenEvents ??
    createMemoryEventBus({ log: (level, message, error) => app.log[level]({ err: error }, message) });
  app.addHook('onClose', () => events.close());
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.decorateRequest('auth', null);
  // JSON only: a text/plain body is a way around CORS preflight and our validation alike.
  app.removeContentTypeParser('text/plain');
  app.addHook('preValidation', async (request) => {
    rejectNulCharacters(request);
    rejectUnexpectedBody(request);
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // 扫码 on the certificate check: qr-scanner decodes in a worker it starts from a blob: URL.
        workerSrc: ["'self'", 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...tileHosts(config)],
        connectSrc: ["'self'", ...videoMediaOrigins(config)],
        // Live video: hls.js feeds the <video> through a blob: MediaSource URL.
        mediaSrc: ["'self'", 'blob:', ...videoMediaOrigins(config)],
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

  // Each module is built through its door (modules/<feature>/index.ts) and given the ports it needs.
  const roles = createRolesModule({ db, clock });
  const users = createUsersModule({
    db,
    clock,
    cipher,
    roles: roles.roles,
    hashPassword,
    inactiveDays: config.accounts.inactiveDays,
    workers: config.workers,
    log: (message, error) => app.log.error({ err: error }, message),
  });
  const auth = createAuthModule({
    db,
    config,
    clock,
    cipher,
    users: users.accounts,
    roles: roles.roles,
    hashPassword,
  });
  const audit = createAuditModule({ db, clock, config });

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    reply.header('cache-control', 'no-store');
    const token = request.cookies[auth.cookieName];
    if (token) request.auth = await auth.auth.resolve(token);
  });
  registerAccessGuard(app);
  audit.registerTrail(app);

  const log = (message: string, error?: unknown) => app.log.error({ err: error }, message);
  const registry = createRegistryModule({ db, clock, cipher });
  const uploads = createUploadsModule({
    db,
    clock,
    enterprises: registry.enterpriseLookup,
    maxPixels: config.uploads.maxPixels,
  });
  const notifications = createNotificationsModule({ db, clock });
  const monitoring = createMonitoringModule({
    db,
    clock,
    config,
    events,
    notifications: notifications.notifier,
    log,
  });
  const dualPrevention = createDualPreventionModule({
    db,
    clock,
    enterprises: registry.enterpriseLookup,
    uploads: uploads.lookup,
    notifications: notifications.notifier,
    events,
    acceptanceGuard: monitoring.acceptanceGuard,
  });
  const statistics = createStatisticsModule({ db, clock, events });
  const emergency = createEmergencyModule({
    db,
    clock,
    cipher,
    enterprises: registry.enterpriseLookup,
    uploads: uploads.lookup,
    events,
    sectors: statistics.sectors,
    notifier: notifications.notifier,
  });
  // Built here, registered in its place below: a team's dispatch is pushed through its channels.
  const warnings = createWarningsModule({
    db,
    clock,
    config,
    events,
    notifier: notifications.notifier,
    cipher,
    sources: { alarms: monitoring.alarmFacts, incidents: emergency.incidentFacts },
    log,
    attachmentFiles: uploads.attachments,
  });
  // The platform's SMS port: a durable outbox every process sends from (rows are claimed).
  const sms = createSmsOutbox({ db, clock, cipher, config: config.sms });
  if (config.workers && sms.configured) {
    const stopSms = sms.start(SMS_SEND_EVERY_MS, (error) => log('sms outbox pass failed', error));
    app.addHook('onClose', async () => stopSms());
  }
  // Built here, registered in its place below: risk-weighted draws read its verified reports.
  const whistleblowing = createWhistleblowingModule({
    sms,
    db,
    clock,
    config,
    cipher: whistleCipher ?? createFieldCipher(config.whistleblowerEncryptionKey ?? newFieldKeyHex()),
    captchas: auth.captchas,
    enterprises: registry.enterpriseLookup,
    suggestions: registry.enterpriseSuggestions,
    counties: registry.divisions,
    photos: uploads.publicPhotos,
    uploads: uploads.lookup,
    enforcement: createEnforcementFacts(db),
    incidents: emergency.incidentFacts,
    notifications: notifications.notifier,
    log,
  });
  const majorHazards = createMajorHazardsModule({
    db,
    clock,
    enterprises: registry.enterpriseLookup,
    regulatedObjects: registry.regulatedObjects,
  });

  registerSystem(app, { db, version, divisions: registry.divisions });
  registerSmsOutboxRoutes(app, { sms });
  auth.register(app);
  users.register(app, { sessions: auth.sessions, securityEvents: auth.securityEvents });
  roles.register(app);
  audit.register(app);
  registerCalc(app);
  registry.register(app);
  uploads.register(app);
  dualPrevention.register(app);
  notifications.register(app);
  emergency.register(app, { pushes: warnings.pushes });
  statistics.register(app);
  registerEnforcement(app, {
    db,
    clock,
    enterprises: registry.enterpriseLookup,
    uploads: uploads.lookup,
    hazards: dualPrevention.hazards,
    verifiedReports: (from, to) => whistleblowing.verifiedReports.verifiedCounts(from, to),
    reportFacts: (enterpriseId) => whistleblowing.verifiedReports.verifiedFacts(enterpriseId),
  });
  const obligations = createObligationsModule({
    db,
    clock,
    cipher,
    enterprises: registry.enterpriseLookup,
    findings: createInspectionFindings({ db, clock }),
    incidents: emergency.incidentFacts,
    hazards: dualPrevention.hazardLinks,
    reminders: {
      notifications: notifications.notifier,
      days: config.obligations.reminderDays,
      intervalSeconds: config.obligations.reminderIntervalSeconds,
      workers: config.workers,
    },
    reminderSms: { outbox: sms, signName: config.sms.signName, enabled: config.obligations.reminderSms },
    log,
  });
  obligations.register(app);
  registerOneMap(app, {
    enterprises: registry.enterprises,
    obligationGaps: obligations.gapsMap,
    objects: registry.objects,
    basemap: config.basemap,
  });
  await monitoring.start();
  monitoring.register(app, { hazards: dualPrevention.hazards });
  majorHazards.register(app);
  registerWorkbenchModule(app, { db, clock });
  const cockpit = createCockpitModule({ db, clock, events, indicators: statistics.indicators });
  cockpit.register(app);
  createPlanModule({
    db,
    clock,
    uploads: uploads.lookup,
    notifications: notifications.notifier,
    enterprises: registry.enterpriseLookup,
    suggestions: registry.enterpriseSuggestions,
    indicators: statistics.indicators,
    accidents: statistics.accidents,
    figures: {
      targets: cockpit.targetFigures,
      hazards: createHazardFigures(db),
      inspections: createInspectionFigures(db),
      cameras: createCameraFigures(db),
    },
    workers: config.workers,
  }).register(app);
  warnings.register(app);
  whistleblowing.register(app);
  createVideoModule({
    db,
    clock,
    config,
    enterprises: registry.enterpriseLookup,
    objects: registry.regulatedObjects,
    alarms: monitoring.alarmFacts,
    incidentZones: emergency.incidentZones,
    snapshots: uploads.snapshots,
    log,
  }).register(app);
  app.get('/api/docs', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  const indexHtml = path.join(config.webDistDir, 'index.html');
  const hasWeb = existsSync(indexHtml);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: config.webDistDir,
      index: false,
      // The build writes .br and .gz beside each file (packages/web/vite-plugins.ts): sent as they
      // are per Accept-Encoding, with Vary: Accept-Encoding and the original file's content type.
      preCompressed: true,
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
