import { api } from '../../../lib/api.ts';

const MAX_EDGE = 1920;

/**
 * A phone photo made smaller before it leaves the phone (a camera JPEG is often 5–10 MB): drawn
 * again at most 1920 px on its long edge as JPEG. Redrawing also drops the EXIF block; the server
 * strips metadata anyway. Falls back to the original file where the browser cannot decode it.
 */
async function shrink(file: File): Promise<{ data: Blob; type: string }> {
  const type = file.type === 'image/png' ? 'image/png' : 'image/jpeg';
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_EDGE / Math.max(bitmap.width, bitmap.height));
    if (scale === 1 && file.size < 1_500_000) return { data: file, type };
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    return blob ? { data: blob, type: 'image/jpeg' } : { data: file, type };
  } catch {
    return { data: file, type };
  }
}

/** Uploads a JPEG or PNG photo (POST /uploads); the answer's id goes into a hazard or evidence. */
export async function uploadPhoto(
  file: File,
  owner: { county?: string | undefined; enterpriseId?: string | undefined } = {},
): Promise<string> {
  const { data, type } = await shrink(file);
  const answer = await api.upload<{ id: string }>('/uploads', data, type, {
    county: owner.county,
    enterpriseId: owner.enterpriseId,
  });
  return answer.id;
}

/** Where an uploaded photo is shown from (same-origin, under the caller's scope). */
export const photoUrl = (id: string) => `/api/v1/uploads/${encodeURIComponent(id)}`;
