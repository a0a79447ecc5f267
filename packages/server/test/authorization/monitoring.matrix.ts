import type { RouteCase } from './matrix-support.ts';

/** Authorisation-matrix rows for the monitoring routes (see ../authorization-matrix.routes.test.ts). */
export const monitoringMatrix: Record<string, RouteCase> = {};
