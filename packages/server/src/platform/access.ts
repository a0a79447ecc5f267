import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError, type DataScope, type Permission, type SecurityLabel } from '@anjian/domain';
import type { ReaderScope } from './scope-sql.ts';

/**
 * Who is calling, resolved once per request from the session cookie. Routes declare what they
 * need in `config.access`; a route under /api without that declaration fails at start-up, so no
 * route can be forgotten.
 */
export interface AuthContext {
  readonly sessionId: string;
  readonly userId: string;
  readonly username: string;
  readonly roles: readonly string[];
  readonly permissions: ReadonlySet<string>;
  /**
   * The data scope, carrying the caller's clearance so that every repository's scope filter also
   * leaves out records labelled above it (scope-sql.ts `labelCondition`).
   */
  readonly scope: ReaderScope;
  /** The highest security label the caller reads: the highest of its roles' (security-labels.ts). */
  readonly clearance: SecurityLabel;
  readonly csrfToken: string;
  readonly mustChangePassword: boolean;
  readonly mustEnrolTotp: boolean;
}

/**
 * 'public': anyone; 'authenticated': any signed-in user; 'device': a device with its bearer token
 * (the route authenticates it; no session, no CSRF); otherwise any one of the permissions.
 */
export type Access = 'public' | 'authenticated' | 'device' | Permission | readonly Permission[];

export interface ApiRoute {
  readonly method: string;
  readonly url: string;
  readonly access: Access;
  /** The audit action name the route declares (config.audit), when it does. */
  readonly audit?: string | undefined;
  readonly auditSkip?: boolean | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route with its declared access: what the authorisation matrix test walks. */
    apiRoutes: ApiRoute[];
  }
  interface FastifyContextConfig {
    access?: Access;
    /** Allowed while the user must still change the password or enrol TOTP. */
    allowRestricted?: boolean;
    /** Audit action name; state-changing requests are audited even without it. */
    audit?: string;
    /**
     * Machine data at high volume (telemetry): not a person's action, so not in the audit log;
     * the device token's creation and revocation are (docs/security.md).
     */
    auditSkip?: boolean;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
    /** Set by handlers to name the object an audited action touched. */
    auditTarget?: string;
    /** Set by the login handler: the name that was tried. */
    auditActorName?: string;
    auditDetail?: string;
  }
}

export const SESSION_COOKIE = 'anjian_session';
export const CSRF_HEADER = 'x-csrf-token';

export function requireAuth(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new DomainError('auth.unauthenticated');
  return request.auth;
}

function permitted(auth: AuthContext, access: Access): boolean {
  if (access === 'public' || access === 'authenticated' || access === 'device') return true;
  const wanted: readonly string[] = typeof access === 'string' ? [access] : access;
  return wanted.some((permission) => auth.permissions.has(permission));
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The guard every /api route passes: session present, not restricted, permission held, CSRF token. */
export function registerAccessGuard(app: FastifyInstance): void {
  app.decorate('apiRoutes', []);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const access = route.config?.access;
    if (access === undefined)
      throw new Error(`route ${String(route.method)} ${route.url} declares no config.access`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD')
        app.apiRoutes.push({
          method,
          url: route.url,
          access,
          audit: route.config?.audit,
          auditSkip: route.config?.auditSkip,
        });
    }
  });

  app.addHook('preHandler', async (request) => {
    const config = request.routeOptions.config;
    const access = config.access;
    if (access === undefined || access === 'public' || access === 'device') return;
    const auth = requireAuth(request);
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== auth.csrfToken) {
      throw new DomainError('auth.csrf_failed');
    }
    if (!config.allowRestricted) {
      if (auth.mustChangePassword) throw new DomainError('auth.password_change_required');
      if (auth.mustEnrolTotp) throw new DomainError('auth.totp_enrolment_required');
    }
    if (!permitted(auth, access)) throw new DomainError('auth.forbidden');
  });
}

/** `city`, `county:530403,530423` or `enterprise:530403:<id>`: the scope as one line of the audit log. */
export function describeScope(scope: DataScope): string {
  switch (scope.kind) {
    case 'city':
      return 'city';
    case 'county':
      return `county:${scope.counties.join(',')}`;
    case 'enterprise':
      return `enterprise:${scope.county}:${scope.enterpriseId}`;
  }
}
