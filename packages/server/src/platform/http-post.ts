import http from 'node:http';
import https from 'node:https';

/** What one POST carries: headers (content-length is set here), body, and how long to wait. */
export interface PostOptions {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Buffer;
  readonly timeoutMs: number;
}

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
} as const;

/**
 * One POST to a peer over kept-alive connections, answering the status once the answer's body has
 * been read (and dropped). The outboxes send thousands of small POSTs a second to a few peers: the
 * global `fetch` cost about 0.3 ms of CPU each on this machine and held delivery near 1,900 msg/s,
 * while node:http on a keep-alive agent sends the same load about four times faster (measured in
 * docs/warnings.md › Figures). Every outbox (webhooks, SMS gateway, warning centre, event webhooks)
 * sends through it.
 */
export function postToPeer(url: string, options: PostOptions): Promise<number> {
  const target = new URL(url);
  const protocol = target.protocol === 'https:' ? 'https:' : target.protocol === 'http:' ? 'http:' : null;
  if (!protocol) return Promise.reject(new Error(`unsupported URL scheme ${target.protocol}`));
  const body = typeof options.body === 'string' ? Buffer.from(options.body, 'utf8') : options.body;
  const send = protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const request = send(
      target,
      {
        method: 'POST',
        agent: agents[protocol],
        headers: { ...options.headers, 'content-length': String(body.length) },
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (response) => {
        response.on('error', reject);
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.resume();
      },
    );
    request.on('error', (error: Error) =>
      reject(error.name === 'AbortError' ? new Error(`no answer within ${options.timeoutMs} ms`) : error),
    );
    request.end(body);
  });
}
