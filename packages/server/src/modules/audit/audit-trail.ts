import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuditOutcome } from '@anjian/domain';
import { describeScope } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AuditRepository } from './audit.repository.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const MAX_FIELD = 512;

/** Log-injection guard (ASVS 16.4.1): control characters are escaped, long values cut. */
function clean(value: string): string {
  const escaped = value.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return escaped.length > MAX_FIELD ? `${escaped.slice(0, MAX_FIELD)}…` : escaped;
}

function outcomeOf(status: number): AuditOutcome {
  if (status < 400) return 'success';
  return status === 401 || status === 403 || status === 404 ? 'denied' : 'failure';
}

function targetOf(request: FastifyRequest): string | null {
  if (request.auditTarget) return request.auditTarget;
  const params = request.params as Record<string, string> | undefined;
  const id = params?.id ?? params?.code;
  return id ? clean(String(id)) : null;
}

/**
 * Every state-changing request under /api (and any route that names an audit action) appends
 * one entry before its answer leaves, so an answered request is always in the chain.
 */
export function registerAuditTrail(app: FastifyInstance, audit: AuditRepository, clock: Clock): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const config = request.routeOptions.config;
    if (!request.url.startsWith('/api/') || !request.routeOptions.url) return payload;
    if (SAFE_METHODS.has(request.method) && !config.audit) return payload;
    if (config.auditSkip) return payload;
    const auth = request.auth;
    await audit.append({
      at: clock.now(),
      actorId: auth?.userId ?? null,
      actorName: clean(auth?.username ?? request.auditActorName ?? 'anonymous'),
      roles: auth?.roles ?? [],
      scope: auth ? describeScope(auth.scope) : 'public',
      action: config.audit ?? `${request.method} ${request.routeOptions.url}`,
      target: targetOf(request),
      ip: request.ip,
      userAgent: clean(String(request.headers['user-agent'] ?? '')),
      outcome: outcomeOf(reply.statusCode),
      status: reply.statusCode,
      detail: request.auditDetail ? clean(request.auditDetail) : null,
    });
    return payload;
  });
}
