/** Health, version, the divisions reference the shell needs before sign-in, and the SMS outbox's view. No tables. */
export { registerSystemRoutes as registerSystem } from './system.routes.ts';
export { registerSmsOutboxRoutes } from './sms-outbox.routes.ts';
