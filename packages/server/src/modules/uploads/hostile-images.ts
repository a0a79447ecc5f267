/**
 * Hostile photos for the upload tests, built with code (sharp and Buffer) so every case is visible
 * here: GPS in the places a byte-editing stripper missed (issue 19, defect 3), decompression bombs
 * and polyglots.
 */
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

export const GPS_TEXT = 'GPSLatitude 24.3443 GPSLongitude 102.5389';

/** A small photo-like picture (a gradient, so the encoders have something to do). */
async function picture(format: 'jpeg' | 'png' | 'webp', options: { progressive?: boolean } = {}) {
  const width = 64;
  const height = 48;
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    pixels[i * 3] = (i * 7) % 256;
    pixels[i * 3 + 1] = (i * 3) % 256;
    pixels[i * 3 + 2] = 128;
  }
  const image = sharp(pixels, { raw: { width, height, channels: 3 } });
  if (format === 'png') return image.png().toBuffer();
  if (format === 'webp') return image.webp().toBuffer();
  return image.jpeg({ progressive: options.progressive ?? false }).toBuffer();
}

function jpegSegment(marker: number, payload: Buffer): Buffer {
  const header = Buffer.from([0xff, marker, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}

const exifPayload = () => Buffer.from(`Exif\0\0MM\0*\0\0\0\x08${GPS_TEXT}`, 'latin1');

/** A JPEG whose EXIF (with GPS IFD) was written the ordinary way, by sharp. */
export async function jpegWithExifGps(): Promise<Buffer> {
  return sharp(await picture('jpeg'))
    .withExif({ IFD0: { ImageDescription: GPS_TEXT }, IFD3: { GPSLatitudeRef: 'N', GPSLongitudeRef: 'E' } })
    .jpeg()
    .toBuffer();
}

/** A progressive JPEG with an APP1 EXIF block between its first and second scan. */
export async function jpegWithExifAfterFirstScan(): Promise<Buffer> {
  const jpeg = await picture('jpeg', { progressive: true });
  const first = jpeg.indexOf(Buffer.from([0xff, 0xda]));
  const second = jpeg.indexOf(Buffer.from([0xff, 0xda]), first + 2);
  if (first < 0 || second < 0) throw new Error('expected a progressive JPEG with two scans');
  return Buffer.concat([jpeg.subarray(0, second), jpegSegment(0xe1, exifPayload()), jpeg.subarray(second)]);
}

/** An MPF-style second JPEG (carrying GPS in its EXIF) after the first image's end marker. */
export async function jpegWithMpfSecondImage(): Promise<Buffer> {
  const first = await picture('jpeg');
  const second = await picture('jpeg');
  const secondWithExif = Buffer.concat([
    second.subarray(0, 2),
    jpegSegment(0xe1, exifPayload()),
    second.subarray(2),
  ]);
  const mpf = jpegSegment(0xe2, Buffer.from('MPF\0MM\0*\0\0\0\x08', 'latin1'));
  return Buffer.concat([first.subarray(0, 2), mpf, first.subarray(2), secondWithExif]);
}

function mp4Box(type: string, payload: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(payload.length + 8);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, payload]);
}

/** A Motion Photo: the JPEG, then an MP4 whose ©xyz atom holds the position. */
export async function jpegWithMotionPhotoTrailer(): Promise<Buffer> {
  const video = Buffer.concat([
    mp4Box('ftyp', Buffer.from('mp42\0\0\0\0isommp42', 'latin1')),
    mp4Box(
      'moov',
      mp4Box('udta', mp4Box('\xa9xyz', Buffer.from(`+24.3443+102.5389/ ${GPS_TEXT}`, 'latin1'))),
    ),
    mp4Box('mdat', Buffer.alloc(256, 7)),
  ]);
  return Buffer.concat([await picture('jpeg'), video]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Splices chunks into a PNG right after IHDR (8-byte signature + 25-byte IHDR chunk). */
function withChunks(png: Buffer, chunks: Buffer[]): Buffer {
  return Buffer.concat([png.subarray(0, 33), ...chunks, png.subarray(33)]);
}

/** A PNG with GPS in an `exIf` chunk (the case-variant a name match missed) and in tEXt. */
export async function pngWithExifChunk(): Promise<Buffer> {
  return withChunks(await picture('png'), [
    pngChunk('exIf', Buffer.from(`MM\0*${GPS_TEXT}`, 'latin1')),
    pngChunk('tEXt', Buffer.from(`Comment\0${GPS_TEXT}`, 'latin1')),
  ]);
}

export async function webpPicture(): Promise<Buffer> {
  return picture('webp');
}

/** A PNG header claiming 20000 × 20000 pixels, with a few bytes of image data. */
export function pngBomb(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(20_000, 0);
  ihdr.writeUInt32BE(20_000, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(60_001))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 159-byte JPEG whose frame header claims 65500 × 65500 pixels. */
export function jpegBomb(): Buffer {
  const dqt = jpegSegment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)]));
  const sof = jpegSegment(0xc0, Buffer.from([8, 0xff, 0xdc, 0xff, 0xdc, 1, 1, 0x11, 0]));
  const dht = jpegSegment(
    0xc4,
    Buffer.concat([Buffer.from([0x00, 0, 1]), Buffer.alloc(14), Buffer.from([0])]),
  );
  const sos = jpegSegment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0]));
  const head = Buffer.concat([Buffer.from([0xff, 0xd8]), dqt, sof, dht, sos]);
  const scan = Buffer.alloc(159 - head.length - 2, 0);
  return Buffer.concat([head, scan, Buffer.from([0xff, 0xd9])]);
}

/** A JPEG with a ZIP archive appended (a JPEG/ZIP polyglot, e.g. a JAR or DOCX in disguise). */
export async function jpegZipPolyglot(): Promise<Buffer> {
  const name = Buffer.from('payload.js');
  const content = Buffer.from('alert(document.cookie)');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc32(content), 14);
  local.writeUInt32LE(content.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(name.length, 26);
  const jpeg = await picture('jpeg');
  const localOffset = jpeg.length;
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc32(content), 16);
  central.writeUInt32LE(content.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(localOffset, 42);
  const centralOffset = localOffset + local.length + name.length + content.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([jpeg, local, name, content, central, name, end]);
}

/** A PNG that is also an HTML page (a script in a text chunk, sniffable by an old browser). */
export async function pngHtmlPolyglot(): Promise<Buffer> {
  return withChunks(await picture('png'), [
    pngChunk('tEXt', Buffer.from('Comment\0<html><script>alert(document.cookie)</script></html>', 'latin1')),
  ]);
}

/** A JPEG with a PDF document after its end marker. */
export async function jpegPdfPolyglot(): Promise<Buffer> {
  return Buffer.concat([
    await picture('jpeg'),
    Buffer.from('%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF'),
  ]);
}
