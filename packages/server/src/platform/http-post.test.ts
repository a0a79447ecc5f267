import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postToPeer } from './http-post.ts';

describe('postToPeer: one POST to a peer on kept-alive connections', () => {
  const received: { path: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ path: request.url!, headers: request.headers, body: Buffer.concat(chunks).toString() });
      if (request.url === '/slow') return; // never answers
      response.writeHead(request.url === '/refuse' ? 503 : 202).end('taken');
    });
  });
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });

  it('sends the body and headers as given (UTF-8, with its byte length) and answers the status', async () => {
    const status = await postToPeer(`${base}/hook/1?x=1`, {
      headers: { 'content-type': 'application/cap+xml; charset=utf-8', 'x-anjian-delivery': '42' },
      body: '<alert>玉溪</alert>',
      timeoutMs: 5_000,
    });
    expect(status).toBe(202);
    const last = received.at(-1)!;
    expect(last.path).toBe('/hook/1?x=1');
    expect(last.body).toBe('<alert>玉溪</alert>');
    expect(last.headers['content-length']).toBe(String(Buffer.byteLength('<alert>玉溪</alert>')));
    expect(last.headers['x-anjian-delivery']).toBe('42');
  });

  it('answers a refusal’s status rather than throwing, and many sends reuse few connections', async () => {
    expect(await postToPeer(`${base}/refuse`, { headers: {}, body: 'x', timeoutMs: 5_000 })).toBe(503);
    const connections = new Set<string>();
    server.on('connection', (socket) => connections.add(`${socket.remotePort}`));
    for (let round = 0; round < 5; round += 1)
      await Promise.all(
        Array.from({ length: 4 }, () =>
          postToPeer(`${base}/hook`, { headers: {}, body: 'x', timeoutMs: 5_000 }),
        ),
      );
    expect(connections.size).toBeLessThanOrEqual(4);
  });

  it('gives up on a peer that does not answer in time, and refuses a scheme it cannot send to', async () => {
    await expect(postToPeer(`${base}/slow`, { headers: {}, body: 'x', timeoutMs: 300 })).rejects.toThrow(
      'no answer within 300 ms',
    );
    await expect(postToPeer('ftp://127.0.0.1/x', { headers: {}, body: 'x', timeoutMs: 300 })).rejects.toThrow(
      'unsupported URL scheme ftp:',
    );
  });
});
