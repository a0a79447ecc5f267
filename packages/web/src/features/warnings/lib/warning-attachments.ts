import { api } from '../../../lib/api.ts';

/** An attachment's size as people read it: KB below a megabyte (at least 1 KB), MB with one decimal above. */
export function attachmentSizeText(size: number): string {
  return size >= 1024 * 1024
    ? `${(size / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(size / 1024))} KB`;
}

/** Uploads one file to a warning with its Chinese description (the server fills in the English). */
export async function uploadWarningAttachment(
  warningId: string,
  file: File,
  description: string,
): Promise<void> {
  await api.upload(`/warnings/${warningId}/attachments`, file, file.type, { descriptionZh: description });
}
