import type { FastifyRequest } from 'fastify';

/** The public whistleblowing API: nothing that could trace a reporter reaches the request log. */
const ANONYMOUS_PREFIX = '/api/v1/public/whistleblowing';

/**
 * What the request log keeps of a request: method, path and, for the staff API, the client's
 * address (等保 asks for it beside each action). A reporter's requests keep neither the address nor
 * the query string nor the query code in the path — an anonymous report stays anonymous in the
 * logs too (issue 16; docs/whistleblowing.md).
 */
export function requestLogFields(request: Pick<FastifyRequest, 'method' | 'url' | 'ip'>) {
  const path = request.url.split('?')[0] ?? '';
  if (path === ANONYMOUS_PREFIX || path.startsWith(`${ANONYMOUS_PREFIX}/`)) {
    return { method: request.method, url: `${ANONYMOUS_PREFIX}/…` };
  }
  return { method: request.method, url: request.url, remoteAddress: request.ip };
}
