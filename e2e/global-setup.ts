import type { TestProject } from 'vitest/node';
import { ensureWebBuild, startServer, stopServer } from './support/server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    bootstrapPassword: string;
  }
}

/** A strong known password for the bootstrap administrator `admin`; changed at first login. */
const BOOTSTRAP_PASSWORD = 'Yx-Bootstrap#2026e2e';

export default async function setup(project: TestProject) {
  ensureWebBuild();
  const server = await startServer(BOOTSTRAP_PASSWORD);
  project.provide('baseUrl', server.baseUrl);
  project.provide('bootstrapPassword', BOOTSTRAP_PASSWORD);
  return async () => {
    // E2E_KEEP_DATA=1 keeps the data directory and server.log of a failed run for a look.
    await stopServer(server, process.env.E2E_KEEP_DATA === '1');
    if (process.env.E2E_KEEP_DATA === '1') console.log(`[e2e] server data kept in ${server.dataDir}`);
  };
}
