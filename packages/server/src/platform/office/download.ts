import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { chinaStamp } from '@anjian/domain';

/** The media types of the two office formats the bureau prints from. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export type OfficeFormat = 'xlsx' | 'docx';
const mediaTypes: Record<OfficeFormat, string> = { xlsx: XLSX_TYPE, docx: DOCX_TYPE };

/**
 * `Content-Disposition` for a download: an ASCII fallback `filename` for old clients and the
 * Chinese name as RFC 5987 `filename*` (UTF-8, percent-encoded), which every current browser prefers.
 */
export function attachmentHeader(asciiName: string, name: string): string {
  const fallback = asciiName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

/** RFC 5987 value-chars: encodeURIComponent leaves ' ( ) * unescaped, which the grammar does not allow. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** What a download is called: an ASCII name and the Chinese one, both without the extension. */
export interface DownloadName {
  asciiName: string;
  name: string;
  /** When given, both names end with `_<China time stamp>` (e.g. `隐患台账_20261129080503`). */
  stampedAt?: Date;
}

/** The file names of a download, stamped with China time when asked: `{ ascii, name }` with extension. */
export function downloadFileNames(file: DownloadName, format: OfficeFormat): { ascii: string; name: string } {
  const stamp = file.stampedAt ? `_${chinaStamp(file.stampedAt)}` : '';
  return { ascii: `${file.asciiName}${stamp}.${format}`, name: `${file.name}${stamp}.${format}` };
}

/** Sends an office file (a buffer or a stream) as an attachment with its media type and names. */
export function sendOfficeFile(
  reply: FastifyReply,
  format: OfficeFormat,
  file: DownloadName,
  body: Buffer | Readable,
): FastifyReply {
  const names = downloadFileNames(file, format);
  return reply
    .header('content-type', mediaTypes[format])
    .header('content-disposition', attachmentHeader(names.ascii, names.name))
    .send(body);
}
