import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './test-app.ts';

describe('serving the web app', () => {
  let t: TestContext;
  const dist = mkdtempSync(path.join(os.tmpdir(), 'anjian-dist-'));
  beforeAll(async () => {
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>安监</title><div id="app"></div>');
    writeFileSync(path.join(dist, 'assets', 'index-3f9a1c.js'), 'console.log(1)');
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
    const asset = await t.request({ method: 'GET', url: '/assets/index-3f9a1c.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
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
