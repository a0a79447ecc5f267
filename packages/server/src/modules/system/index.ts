/** Health, version and the divisions reference the shell needs before sign-in. No tables. */
export { registerSystemRoutes as registerSystem } from './system.routes.ts';
