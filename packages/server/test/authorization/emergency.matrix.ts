import type { RouteCase } from './matrix-support.ts';

/** Authorisation-matrix rows for the emergency routes (see ../authorization-matrix.routes.test.ts). */
export const emergencyMatrix: Record<string, RouteCase> = {};
