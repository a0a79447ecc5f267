import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SmsGatewayBody {
  id: string;
  to: string;
  template: string;
  params: Record<string, string>;
  text: string;
}

export interface SmsGateway {
  url: string;
  /** The bodies it accepted (answered 200), in order. */
  bodies: SmsGatewayBody[];
  authorizations: (string | undefined)[];
  /** `ok`: 200; `down`: 503; `reject`: 400 (a number the platform refuses); each answered after `delayMs`. */
  mode: 'ok' | 'down' | 'reject';
  delayMs: number;
  close(): Promise<void>;
}

/** A real local SMS gateway for tests: an HTTP server on a free port that records what it is sent. */
export async function startSmsGateway(): Promise<SmsGateway> {
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      setTimeout(() => {
        if (gateway.mode !== 'ok') {
          response.writeHead(gateway.mode === 'down' ? 503 : 400).end();
          return;
        }
        gateway.bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as SmsGatewayBody);
        gateway.authorizations.push(request.headers.authorization);
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      }, gateway.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const gateway: SmsGateway = {
    url: `http://127.0.0.1:${port}/sms`,
    bodies: [],
    authorizations: [],
    mode: 'ok',
    delayMs: 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return gateway;
}
