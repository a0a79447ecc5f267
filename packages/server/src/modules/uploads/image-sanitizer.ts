/**
 * Every uploaded photo is decoded and encoded again (sharp / libvips) before anyone else sees it:
 * what is stored is the pixels and nothing else — no EXIF (GPS), XMP, IPTC, PNG text or eXIf
 * chunks, no MPF second image, no Motion-Photo video trailer, no bytes after the image data.
 * Editing bytes could not promise that (issue 19, defect 3: GPS survived in four places).
 * Before any decoding, the header's dimensions are checked against a pixel budget, so a
 * decompression bomb costs a header read; and a file that is also a ZIP, HTML, PDF or script
 * (a polyglot) is refused outright.
 */
import sharp, { type Sharp } from 'sharp';
import { DomainError } from '@anjian/domain';
import { polyglotKind } from './polyglot.ts';

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

export interface SanitizedImage {
  type: ImageType;
  data: Buffer;
  width: number;
  height: number;
}

export interface SanitizeLimits {
  /** Largest width × height accepted (read from the header, before decoding). */
  maxPixels: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The type the magic bytes say, or null: nothing else (SVG, GIF, TIFF, HEIF…) reaches a decoder. */
export function sniffImageType(data: Buffer): ImageType | null {
  if (data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length > 8 && data.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (
    data.length > 12 &&
    data.toString('latin1', 0, 4) === 'RIFF' &&
    data.toString('latin1', 8, 12) === 'WEBP'
  )
    return 'image/webp';
  return null;
}

async function headerSize(data: Buffer): Promise<{ width: number; height: number }> {
  try {
    // metadata() reads the header only; no pixel is decoded here.
    const { width, height } = await sharp(data, { limitInputPixels: false }).metadata();
    if (!width || !height) throw new DomainError('upload.not_an_image');
    return { width, height };
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('upload.not_an_image');
  }
}

function encoderFor(type: ImageType, image: Sharp): Sharp {
  if (type === 'image/png') return image.png({ compressionLevel: 9 });
  if (type === 'image/webp') return image.webp({ quality: 85 });
  return image.jpeg({ quality: 88, mozjpeg: true });
}

/**
 * The photo re-encoded in its own format (orientation applied, metadata gone), or a coded refusal:
 * `upload.not_an_image`, `upload.polyglot`, `upload.too_many_pixels`.
 */
export async function sanitizeImage(data: Buffer, limits: SanitizeLimits): Promise<SanitizedImage> {
  const type = sniffImageType(data);
  if (!type) throw new DomainError('upload.not_an_image');
  if (polyglotKind(data)) throw new DomainError('upload.polyglot');
  const { width, height } = await headerSize(data);
  if (width * height > limits.maxPixels)
    throw new DomainError('upload.too_many_pixels', { details: { width, height } });
  try {
    const decoded = sharp(data, { limitInputPixels: limits.maxPixels, failOn: 'error', pages: 1 })
      // The EXIF orientation is applied to the pixels, since the EXIF itself is not kept.
      .rotate();
    const { data: out, info } = await encoderFor(type, decoded).toBuffer({ resolveWithObject: true });
    return { type, data: out, width: info.width, height: info.height };
  } catch {
    throw new DomainError('upload.not_an_image');
  }
}
