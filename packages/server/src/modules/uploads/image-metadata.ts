/**
 * Strips metadata from uploaded photos before anyone else sees them: EXIF (with GPS position),
 * XMP and comments in JPEG; eXIf and text chunks in PNG. The pixels are left untouched, so no
 * re-encoding (and no native image library) is needed. Anything that is not a well-formed JPEG or
 * PNG is refused rather than passed through.
 */
export type ImageType = 'image/jpeg' | 'image/png';

export function sniffImageType(data: Buffer): ImageType | null {
  if (data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (
    data.length > 8 &&
    data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return 'image/png';
  return null;
}

// APP1 (EXIF, XMP), APP13 (IPTC/Photoshop) and COM segments carry metadata; APP0 (JFIF), APP2
// (ICC colour profile) and APP14 (Adobe colour transform) are needed to show colours right.
const JPEG_DROP = new Set([
  0xe1, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0xec, 0xed, 0xef, 0xfe,
]);

function stripJpeg(data: Buffer): Buffer | null {
  const parts: Buffer[] = [data.subarray(0, 2)];
  let offset = 2;
  while (offset + 4 <= data.length) {
    if (data[offset] !== 0xff) return null;
    const marker = data[offset + 1]!;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0xda) {
      // Start of scan: the entropy-coded image and everything after it is kept as it is.
      parts.push(data.subarray(offset));
      return Buffer.concat(parts);
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      parts.push(data.subarray(offset, offset + 2));
      offset += 2;
      continue;
    }
    const length = data.readUInt16BE(offset + 2);
    if (length < 2 || offset + 2 + length > data.length) return null;
    if (!JPEG_DROP.has(marker)) parts.push(data.subarray(offset, offset + 2 + length));
    offset += 2 + length;
  }
  return null;
}

const PNG_DROP = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME']);

function stripPng(data: Buffer): Buffer | null {
  const parts: Buffer[] = [data.subarray(0, 8)];
  let offset = 8;
  while (offset + 12 <= data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (end > data.length) return null;
    if (!PNG_DROP.has(type)) parts.push(data.subarray(offset, end));
    offset = end;
    if (type === 'IEND') return Buffer.concat(parts);
  }
  return null;
}

/** The image without its metadata, or null when it is not a well-formed JPEG or PNG. */
export function stripImageMetadata(data: Buffer): { type: ImageType; data: Buffer } | null {
  const type = sniffImageType(data);
  if (type === 'image/jpeg') {
    const stripped = stripJpeg(data);
    return stripped ? { type, data: stripped } : null;
  }
  if (type === 'image/png') {
    const stripped = stripPng(data);
    return stripped ? { type, data: stripped } : null;
  }
  return null;
}
