import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { SecurityEventsRepository } from './security-events.repository.ts';

/** Codes that mean "the caller reached for data outside the own scope". */
const SCOPE_DENIAL = /"code":"([a-z_]+\.(?:scope_outside_caller|area_out_of_scope))"/;

/**
 * Every refusal for reaching outside the caller's data scope becomes a security event the security
 * administrator sees (等保 8.1.4.3: audit of security-relevant events). Only 403 answers are looked
 * at, so the hook costs nothing on the ordinary path.
 */
export function recordScopeDenials(
  app: FastifyInstance,
  deps: { events: SecurityEventsRepository; clock: Clock },
): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode !== 403 || typeof payload !== 'string') return payload;
    const code = SCOPE_DENIAL.exec(payload)?.[1];
    if (!code) return payload;
    await deps.events.record({
      at: deps.clock.now(),
      kind: 'scope_denied',
      ip: request.ip,
      username: request.auth?.username ?? null,
      userId: request.auth?.userId ?? null,
      detail: `${request.method} ${request.routeOptions.url ?? request.url} ${code}`,
    });
    return payload;
  });
}
