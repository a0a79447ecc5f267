import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { matrixKeys, matrixPartFile, matrixParts, type MatrixPart } from './authorization/matrix-parts.ts';
import { describeMatrix } from './authorization/run-matrix.ts';

/**
 * Every /api route × every role, with data inside and outside the caller's scope → the exact
 * status. A route that is not in the matrix fails the first test: a new module adds its rows in its
 * own file under ./authorization and lists that table in ./authorization/matrix-parts.ts. The
 * matrix runs in parts, one test file each (this one runs the platform's own rows).
 */
describeMatrix('core', (app) => {
  it('covers every /api route the server has, and nothing it does not have', () => {
    const served = app()
      .app.apiRoutes.map((route) => `${route.method} ${route.url}`)
      .sort();
    const keys = matrixKeys();
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
    expect([...keys].sort()).toEqual(served);
    const parts = Object.keys(matrixParts) as MatrixPart[];
    expect(parts.filter((part) => !existsSync(path.join(import.meta.dirname, matrixPartFile(part))))).toEqual(
      [],
    );
  });
});
