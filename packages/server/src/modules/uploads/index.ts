/** Photo and document uploads (table uploads). Other modules check an upload through `UploadLookup`. */
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import type { EnterpriseLookup } from '../registry/index.ts';
import { createHash } from 'node:crypto';
import { sanitizeImage } from './image-sanitizer.ts';
import { createUploadsRepository, type UploadsRepository } from './uploads.repository.ts';
import { registerUploadsRoutes } from './uploads.routes.ts';

export type { UploadMeta } from './uploads.repository.ts';

/** Finds an upload the caller may see (scope applied). */
export type UploadLookup = Pick<UploadsRepository, 'find'>;

/**
 * Photos sent by the public (the whistleblowing page): decoded and re-encoded like every upload
 * (no EXIF, GPS or trailing data; size and pixel limits), stored without a user and with the day
 * only, owned by the county given. `read` answers any such photo: the caller checks its own record.
 */
export interface PublicPhotoStore {
  store(
    data: Buffer,
    owner: { county: string; day: Date },
  ): Promise<{ id: string; contentType: string; size: number }>;
  read(id: string): Promise<{ contentType: string; data: Buffer } | null>;
}

/**
 * A picture made by the platform for a user (a camera's snapshot): decoded and re-encoded like every
 * upload, owned by the record's county and enterprise and by the user who asked for it.
 */
export interface SnapshotStore {
  store(
    data: Buffer,
    owner: { county: string; enterpriseId: string | null; userId: string; at: Date },
  ): Promise<{ id: string; contentType: string; size: number }>;
}

export function createUploadsModule(deps: {
  db: Db;
  clock: Clock;
  /** Largest width × height of an uploaded photo (UPLOAD_MAX_PIXELS). */
  maxPixels: number;
  enterprises: EnterpriseLookup;
}) {
  const uploads = createUploadsRepository(deps.db);
  const publicPhotos: PublicPhotoStore = {
    async store(data, owner) {
      const image = await sanitizeImage(data, { maxPixels: deps.maxPixels });
      const id = await uploads.insert({
        contentType: image.type,
        size: image.data.length,
        sha256: createHash('sha256').update(image.data).digest('hex'),
        data: image.data,
        county: owner.county,
        enterpriseId: null,
        uploadedBy: null,
        createdAt: owner.day,
      });
      return { id, contentType: image.type, size: image.data.length };
    },
    async read(id) {
      const file = await uploads.find(id, { kind: 'city' });
      return file ? { contentType: file.contentType, data: file.data } : null;
    },
  };
  const snapshots: SnapshotStore = {
    async store(data, owner) {
      const image = await sanitizeImage(data, { maxPixels: deps.maxPixels });
      const id = await uploads.insert({
        contentType: image.type,
        size: image.data.length,
        sha256: createHash('sha256').update(image.data).digest('hex'),
        data: image.data,
        county: owner.county,
        enterpriseId: owner.enterpriseId,
        uploadedBy: owner.userId,
        createdAt: owner.at,
      });
      return { id, contentType: image.type, size: image.data.length };
    },
  };
  return {
    lookup: uploads as UploadLookup,
    publicPhotos,
    snapshots,
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
