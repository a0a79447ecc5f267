import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './test-app.ts';

describe('serving the web app', () => {
  let t: TestContext;
  const dist = mkdtempSync(path.join(os.tmpdir(), 'anjian-dist-'));
  beforeAll(async () => {
    mkdirSync(path.join(dist, 'assets'));
    const html = '<!doctype html><title>安监</title><div id="app"></div>';
    writeFileSync(path.join(dist, 'index.html'), html);
    writeFileSync(path.join(dist, 'index.html.br'), brotliCompressSync(html));
    writeFileSync(path.join(dist, 'assets', 'index-3f9a1c.js'), 'console.log(1)');
    // As the build leaves them: precompressed variants beside the files (packages/web/vite-plugins.ts).
    const script = `console.log(${JSON.stringify('安监'.repeat(500))});`;
    writeFileSync(path.join(dist, 'assets', 'app-5e1d2f.js'), script);
    writeFileSync(path.join(dist, 'assets', 'app-5e1d2f.js.br'), brotliCompressSync(script));
    writeFileSync(path.join(dist, 'assets', 'app-5e1d2f.js.gz'), gzipSync(script));
    t = await createTestContext({ WEB_DIST_DIR: dist });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('answers the site root with the app', async () => {
    const root = await t.request({ method: 'GET', url: '/' });
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('<title>安监</title>');
    expect(root.headers['cache-control']).toBe('no-cache');
    const directory = await t.request({ method: 'GET', url: '/assets/' });
    expect(directory.statusCode).toBe(404);
  });

  it('answers client routes with the app, and hashed assets with a year of caching', async () => {
    const page = await t.request({ method: 'GET', url: '/registry/enterprises/42' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<title>安监</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("worker-src 'self' blob:");
    const asset = await t.request({ method: 'GET', url: '/assets/index-3f9a1c.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('sends the brotli or gzip variant the browser accepts, with the right type and Vary', async () => {
    const script = `console.log(${JSON.stringify('安监'.repeat(500))});`;
    const url = '/assets/app-5e1d2f.js';
    const br = await t.request({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(br.headers['vary']).toContain('accept-encoding');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 10);

    const gz = await t.request({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await t.request({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);

    // The app's page itself, at the root and for client routes alike.
    for (const page of ['/', '/registry/enterprises/42']) {
      const html = await t.request({ method: 'GET', url: page, headers: { 'accept-encoding': 'br' } });
      expect(html.headers['content-encoding']).toBe('br');
      expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(html.headers['cache-control']).toBe('no-cache');
      expect(brotliDecompressSync(html.rawPayload).toString()).toContain('<title>安监</title>');
    }
  });

  it('serves a file added after start-up (a new build) without a restart', async () => {
    writeFileSync(path.join(dist, 'assets', 'index-new.js'), 'console.log(2)');
    expect((await t.request({ method: 'GET', url: '/assets/index-new.js' })).statusCode).toBe(200);
  });

  it('keeps /api answers JSON and refuses path traversal', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/missing' })).json().error.code).toBe(
      'route.not_found',
    );
    const traversal = await t.request({ method: 'GET', url: '/assets/..%2f..%2f..%2fetc%2fpasswd' });
    expect(traversal.body).not.toContain('root:');
  });
});
