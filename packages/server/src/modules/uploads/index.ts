/** Photo and document uploads (table uploads). Other modules check an upload through `UploadLookup`. */
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import type { EnterpriseLookup } from '../registry/index.ts';
import { createUploadsRepository, type UploadsRepository } from './uploads.repository.ts';
import { registerUploadsRoutes } from './uploads.routes.ts';

export type { UploadMeta } from './uploads.repository.ts';

/** Finds an upload the caller may see (scope applied). */
export type UploadLookup = Pick<UploadsRepository, 'find'>;

export function createUploadsModule(deps: {
  db: Db;
  clock: Clock;
  /** Largest width × height of an uploaded photo (UPLOAD_MAX_PIXELS). */
  maxPixels: number;
  enterprises: EnterpriseLookup;
}) {
  const uploads = createUploadsRepository(deps.db);
  return {
    lookup: uploads as UploadLookup,
    register(app: FastifyInstance) {
      registerUploadsRoutes(app, {
        uploads,
        clock: deps.clock,
        maxPixels: deps.maxPixels,
        enterprises: deps.enterprises,
      });
    },
  };
}
