import type { RouteCase } from './matrix-support.ts';

/** Authorisation-matrix rows for the enforcement routes (see ../authorization-matrix.routes.test.ts). */
export const enforcementMatrix: Record<string, RouteCase> = {};
