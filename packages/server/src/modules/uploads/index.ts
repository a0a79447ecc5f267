/** Photo and document uploads (table uploads). Other modules check an upload through `UploadLookup`. */
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Queryable } from '../../platform/db.ts';
import { DomainError } from '@anjian/domain';
import type { EnterpriseLookup } from '../registry/index.ts';
import { createHash } from 'node:crypto';
import { sanitizeImage } from './image-sanitizer.ts';
import { sanitizeVideo } from './video-sanitizer.ts';
import { createUploadsRepository, type UploadsRepository } from './uploads.repository.ts';
import { registerUploadsRoutes } from './uploads.routes.ts';

export type { UploadMeta } from './uploads.repository.ts';

/** Finds an upload the caller may see (scope applied). */
export type UploadLookup = Pick<UploadsRepository, 'find'>;

/**
 * Photos and videos sent by the public (the whistleblowing page): a photo decoded and re-encoded
 * like every upload (no EXIF, GPS or trailing data; size and pixel limits), a video rewritten as an
 * MP4 without any metadata (length limit); stored without a user and with the day only, owned by the
 * county given. `read` answers any such file: the caller checks its own record. `videos` answers
 * which of the ids are videos (the staff page plays them).
 */
export interface PublicPhotoStore {
  store(
    data: Buffer,
    owner: { county: string; day: Date },
  ): Promise<{ id: string; contentType: string; size: number }>;
  storeVideo(
    data: Buffer,
    owner: { county: string; day: Date },
    limits: { maxSeconds: number },
  ): Promise<{ id: string; contentType: string; size: number; seconds: number }>;
  read(id: string): Promise<{ contentType: string; data: Buffer } | null>;
  videos(ids: readonly string[]): Promise<string[]>;
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

/**
 * Files attached to public warnings (CAP <resource>): JPEG and PNG images are decoded and re-encoded
 * like every upload; a PDF is kept as sent. `store` answers what was stored, with the SHA-1 a CAP
 * <digest> carries; it writes through the caller's transaction. `read` answers any such file: the
 * caller checks its own record.
 */
export interface PreparedAttachment {
  contentType: 'image/jpeg' | 'image/png' | 'application/pdf';
  data: Buffer;
}

export interface AttachmentStore {
  store(
    tx: Queryable,
    file: PreparedAttachment,
    owner: { county: string; userId: string; at: Date },
  ): Promise<string>;
  /** Checks and re-encodes without storing (so a refusal stores nothing). */
  prepare(data: Buffer, declaredType: string): Promise<PreparedAttachment>;
  read(id: string): Promise<{ contentType: string; data: Buffer } | null>;
  remove(tx: Queryable, id: string): Promise<void>;
}

/** The attachment store over the uploads table (also for the demo loader and tests). */
export function createAttachmentStore(db: Db, maxPixels: number): AttachmentStore {
  const uploads = createUploadsRepository(db);
  const attachments: AttachmentStore = {
    async prepare(data, declaredType) {
      if (declaredType === 'application/pdf') {
        if (!data.subarray(0, 5).equals(Buffer.from('%PDF-')))
          throw new DomainError('warning.attachment_type');
        return { contentType: 'application/pdf', data };
      }
      if (declaredType !== 'image/jpeg' && declaredType !== 'image/png')
        throw new DomainError('warning.attachment_type');
      const image = await sanitizeImage(data, { maxPixels: maxPixels });
      if (image.type !== 'image/jpeg' && image.type !== 'image/png')
        throw new DomainError('warning.attachment_type');
      return { contentType: image.type, data: image.data };
    },
    async store(tx, file, owner) {
      return uploads.insert(
        {
          contentType: file.contentType,
          size: file.data.length,
          sha256: createHash('sha256').update(file.data).digest('hex'),
          data: file.data,
          county: owner.county,
          enterpriseId: null,
          uploadedBy: owner.userId,
          createdAt: owner.at,
        },
        tx,
      );
    },
    async read(id) {
      const file = await uploads.find(id, { kind: 'city' });
      return file ? { contentType: file.contentType, data: file.data } : null;
    },
    async remove(tx, id) {
      await tx.query(`DELETE FROM uploads WHERE id = $1`, [id]);
    },
  };
  return attachments;
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
    async storeVideo(data, owner, limits) {
      const video = await sanitizeVideo(data, limits);
      const id = await uploads.insert({
        contentType: video.type,
        size: video.data.length,
        sha256: createHash('sha256').update(video.data).digest('hex'),
        data: video.data,
        county: owner.county,
        enterpriseId: null,
        uploadedBy: null,
        createdAt: owner.day,
      });
      return { id, contentType: video.type, size: video.data.length, seconds: Math.round(video.seconds) };
    },
    async read(id) {
      const file = await uploads.find(id, { kind: 'city' });
      return file ? { contentType: file.contentType, data: file.data } : null;
    },
    videos: (ids) => uploads.videosAmong(ids),
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
  const attachments = createAttachmentStore(deps.db, deps.maxPixels);
  return {
    lookup: uploads as UploadLookup,
    attachments,
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
