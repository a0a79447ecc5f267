/**
 * Polyglot detection: an upload that some other reader would take for a ZIP (and so a JAR, DOCX or
 * APK), a PDF, an HTML page, an SVG or a script as well as for an image is refused, even though
 * re-encoding would drop the payload: it was made to attack something, and the attempt is worth a
 * refusal rather than a silent clean-up.
 */

// Markers a browser, PDF reader or interpreter acts on, matched case-insensitively on the raw
// bytes. Each is 5+ bytes of ASCII, which compressed image data practically never spells out.
const TEXT_MARKERS: readonly [string, string][] = [
  ['html', '<html'],
  ['html', '<!doctype'],
  ['html', '<script'],
  ['html', '<iframe'],
  ['html', '<body'],
  ['html', '<object'],
  ['html', '<embed'],
  ['html', 'javascript:'],
  ['svg', '<svg'],
  ['script', '<?php'],
  ['script', '<%@'],
  ['script', '#!/bin/'],
  ['pdf', '%pdf-'],
];

// A ZIP is read from its end: the end-of-central-directory record lies in the last 64 KiB + 22 bytes.
const EOCD = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

function hasZipDirectory(data: Buffer): boolean {
  const from = Math.max(0, data.length - (65_535 + 22));
  for (let at = data.lastIndexOf(EOCD); at >= from; at = at > 0 ? data.lastIndexOf(EOCD, at - 1) : -1) {
    if (at + 22 > data.length) continue;
    const commentLength = data.readUInt16LE(at + 20);
    // A real record's comment ends exactly at the end of the file.
    if (at + 22 + commentLength === data.length) return true;
  }
  return false;
}

/** A ZIP member header: signature, a version up to 6.3, a name length that fits the file. */
function hasZipMember(data: Buffer): boolean {
  for (let at = data.indexOf(LOCAL_HEADER); at >= 0; at = data.indexOf(LOCAL_HEADER, at + 1)) {
    if (at + 30 > data.length) return false;
    const version = data.readUInt16LE(at + 4);
    const nameLength = data.readUInt16LE(at + 26);
    if (version <= 63 && nameLength > 0 && nameLength < 1024 && at + 30 + nameLength <= data.length) {
      const name = data.subarray(at + 30, at + 30 + nameLength);
      if (name.every((byte) => byte >= 0x20 && byte < 0x7f)) return true;
    }
  }
  return false;
}

/** What else the bytes are, or null when they are only an image. */
export function polyglotKind(data: Buffer): string | null {
  if (hasZipDirectory(data) || hasZipMember(data)) return 'zip';
  const text = data.toString('latin1').toLowerCase();
  for (const [kind, marker] of TEXT_MARKERS) if (text.includes(marker)) return kind;
  return null;
}
