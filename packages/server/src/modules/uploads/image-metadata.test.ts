import { describe, expect, it } from 'vitest';
import { sniffImageType, stripImageMetadata } from './image-metadata.ts';

function segment(marker: number, payload: Buffer): Buffer {
  const header = Buffer.from([0xff, marker, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}

/** A JPEG skeleton: SOI, JFIF, an EXIF block with a GPS tag name, a comment, a frame, the scan, EOI. */
function jpegWithExif(): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    segment(0xe1, Buffer.from('Exif\0\0MM\0*GPSLatitude 24.3443 GPSLongitude 102.5389', 'latin1')),
    segment(0xe2, Buffer.from('ICC_PROFILE\0colour', 'latin1')),
    segment(0xfe, Buffer.from('taken by 张三', 'utf8')),
    segment(0xc0, Buffer.from([8, 0, 1, 0, 1, 1, 1, 0x11, 0])),
    segment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
    Buffer.from([0x12, 0x34, 0xff, 0x00, 0x56]),
    Buffer.from([0xff, 0xd9]),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
}

function pngWithText(): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', Buffer.alloc(13)),
    pngChunk('eXIf', Buffer.from('MM\0*GPSLatitude', 'latin1')),
    pngChunk('tEXt', Buffer.from('Author\0张三', 'utf8')),
    pngChunk('IDAT', Buffer.from([1, 2, 3])),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('photo metadata stripping', () => {
  it('removes EXIF (GPS), XMP and comments from a JPEG and keeps the colour profile and the image data', () => {
    const original = jpegWithExif();
    const result = stripImageMetadata(original)!;
    expect(result.type).toBe('image/jpeg');
    const text = result.data.toString('latin1');
    expect(text).not.toContain('GPSLatitude');
    expect(text).not.toContain('Exif');
    expect(result.data.toString('utf8')).not.toContain('张三');
    expect(text).toContain('JFIF');
    expect(text).toContain('ICC_PROFILE');
    expect(result.data.subarray(-7)).toEqual(original.subarray(-7));
    expect(stripImageMetadata(result.data)!.data).toEqual(result.data);
  });

  it('removes eXIf and text chunks from a PNG', () => {
    const result = stripImageMetadata(pngWithText())!;
    expect(result.type).toBe('image/png');
    expect(result.data.toString('latin1')).not.toContain('GPSLatitude');
    expect(result.data.toString('utf8')).not.toContain('张三');
    expect(result.data.toString('latin1')).toContain('IDAT');
    expect(result.data.toString('latin1')).toContain('IEND');
  });

  it('refuses what is not a well-formed JPEG or PNG', () => {
    expect(sniffImageType(Buffer.from('GIF89a'))).toBeNull();
    expect(stripImageMetadata(Buffer.from('<svg onload=alert(1)>'))).toBeNull();
    expect(stripImageMetadata(jpegWithExif().subarray(0, 40))).toBeNull();
    expect(stripImageMetadata(pngWithText().subarray(0, 30))).toBeNull();
  });
});
