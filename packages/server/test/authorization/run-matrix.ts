import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext, type TestUser } from '../test-app.ts';
import { callers, names, type RouteCase, type Statuses, type Target } from './matrix-support.ts';
import { matrixParts, type MatrixPart } from './matrix-parts.ts';

/**
 * Every route of one part of the matrix × every role, with data inside and outside the caller's
 * scope → the exact status. `first` runs inside the same describe, before the rows, on the same app.
 */
export function describeMatrix(part: MatrixPart, first?: (context: () => TestContext) => void): void {
  const rows: Record<string, RouteCase> = Object.assign({}, ...matrixParts[part]);
  describe(`authorisation matrix (${part})`, () => {
    let t: TestContext;
    const accounts: Partial<Record<(typeof names)[number], TestUser>> = {};
    beforeAll(async () => {
      t = await createTestContext({
        AUTH_TOTP_REQUIRED: 'false',
        // A plain HLS gateway (never contacted: playing one only names its address) for video.matrix.ts.
        VIDEO_GATEWAYS: JSON.stringify([
          { id: 'matrix-hls', name: '矩阵网关', kind: 'hls', baseUrl: 'http://127.0.0.1:9' },
        ]),
      });
    });
    afterAll(() => t.close());

    first?.(() => t);

    for (const [key, routeCase] of Object.entries(rows)) {
      const [method, url] = key.split(' ') as [InjectOptions['method'], string];
      const targets: Target[] = routeCase.out ? ['in', 'out'] : ['in'];
      for (const target of targets) {
        it(`${key} with ${target === 'in' ? 'in-scope' : 'out-of-scope'} data`, async () => {
          const expected = target === 'in' ? routeCase.in : routeCase.out!;
          const actual: Partial<Statuses> = {};
          for (const name of names) {
            const spec = callers[name];
            // One account per role for the whole part (a fresh session per request); the sign-in
            // routes change their caller (password, TOTP, sessions), so they get accounts of their own.
            const fresh = url.startsWith('/api/v1/auth/');
            const caller = !spec
              ? null
              : fresh
                ? await t.createUser({ roles: [...spec.roles], scope: spec.scope })
                : (accounts[name] ??= await t.createUser({ roles: [...spec.roles], scope: spec.scope }));
            const session: Caller | null = caller ? await t.sessionFor(caller) : null;
            const options = await routeCase.build({ t, target, caller });
            const response = await t.request({ method, url, ...options, as: session });
            actual[name] = response.statusCode;
          }
          expect(actual).toEqual(expected);
        });
      }
    }
  });
}
