import type { RouteCase } from './matrix-support.ts';

/** Authorisation-matrix rows for the dual-prevention routes (see ../authorization-matrix.routes.test.ts). */
export const dualPreventionMatrix: Record<string, RouteCase> = {};
