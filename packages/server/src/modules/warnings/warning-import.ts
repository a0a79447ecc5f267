import { CAP_NAMESPACE, DomainError } from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import { sm3Hex } from '../../platform/crypto.ts';
import type { Db } from '../../platform/db.ts';
import { validateCap } from './cap-schema.ts';

export interface ImportedWarning {
  id: string;
  identifier: string;
  sender: string;
  sent: string;
  msgType: string;
  event: string;
  severity: string;
  headline: string;
  areaDesc: string;
  importedAt: string;
  importedBy: string;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, name: string) =>
    name.startsWith('#x') || name.startsWith('#X')
      ? String.fromCodePoint(Number.parseInt(name.slice(2), 16))
      : name.startsWith('#')
        ? String.fromCodePoint(Number.parseInt(name.slice(1), 10))
        : (entities[name.toLowerCase()] ?? ''),
  );

/** The text of the first element of that local name (namespace prefix allowed). */
const first = (xml: string, name: string) =>
  decode(new RegExp(`<(?:[\\w-]+:)?${name}>([^<]*)</(?:[\\w-]+:)?${name}>`).exec(xml)?.[1]?.trim() ?? '');

/**
 * Checks a received CAP message without ever expanding it: a DTD or an entity declaration is refused
 * before any parser sees the text (XXE, billion laughs), then libxml2 checks it against the CAP 1.2
 * XSD. Answers the fields a list shows.
 */
export async function checkIncomingCap(
  body: Buffer,
): Promise<Omit<ImportedWarning, 'id' | 'importedAt' | 'importedBy'> & { xml: string }> {
  const xml = body.toString('utf8').replace(/^\uFEFF/, '');
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new DomainError('warning.import_forbidden_dtd');
  if (!xml.trimStart().startsWith('<')) throw new DomainError('warning.import_not_xml');
  const result = await validateCap(xml);
  if (!result.valid) {
    const raw = result.errors.join('\n');
    if (/parser error|not well-formed|Start tag expected|Document is empty|Premature end/i.test(raw)) {
      throw new DomainError('warning.import_not_xml');
    }
    const root = /<((?:[\w-]+:)?)alert\b[^>]*xmlns(?::[\w-]+)?="([^"]+)"/.exec(xml);
    if (!root || root[2] !== CAP_NAMESPACE) throw new DomainError('warning.import_not_cap');
    throw new DomainError('warning.import_invalid_cap', { details: { errors: result.errors.slice(0, 5) } });
  }
  return {
    xml,
    identifier: first(xml, 'identifier'),
    sender: first(xml, 'sender'),
    sent: first(xml, 'sent'),
    msgType: first(xml, 'msgType'),
    event: first(xml, 'event'),
    severity: first(xml, 'severity'),
    headline: first(xml, 'headline'),
    areaDesc: first(xml, 'areaDesc'),
  };
}

interface ImportRow {
  id: string;
  identifier: string;
  sender: string;
  sent: string;
  msg_type: string;
  event: string;
  severity: string;
  headline: string;
  area_desc: string;
  imported_at: Date;
  imported_by: string;
}

const toImported = (r: ImportRow): ImportedWarning => ({
  id: r.id,
  identifier: r.identifier,
  sender: r.sender,
  sent: r.sent,
  msgType: r.msg_type,
  event: r.event,
  severity: r.severity,
  headline: r.headline,
  areaDesc: r.area_desc,
  importedAt: r.imported_at.toISOString(),
  importedBy: r.imported_by,
});

/** Incoming warnings (from the meteorological or natural-resources bureau), de-duplicated by sender + identifier. */
export function createWarningImports(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  return {
    async importCap(body: Buffer, by: string): Promise<{ duplicate: boolean; item: ImportedWarning }> {
      const cap = await checkIncomingCap(body);
      const inserted = await db.query<ImportRow>(
        `INSERT INTO warning_imports (identifier, sender, sent, msg_type, event, severity, headline, area_desc, cap_xml, sm3,
           imported_at, imported_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (sender, identifier) DO NOTHING RETURNING *`,
        [
          cap.identifier,
          cap.sender,
          cap.sent,
          cap.msgType,
          cap.event,
          cap.severity,
          cap.headline,
          cap.areaDesc,
          cap.xml,
          sm3Hex(cap.xml),
          clock.now(),
          by,
        ],
      );
      if (inserted.rows[0]) return { duplicate: false, item: toImported(inserted.rows[0]) };
      const existing = await db.query<ImportRow>(
        'SELECT * FROM warning_imports WHERE sender = $1 AND identifier = $2',
        [cap.sender, cap.identifier],
      );
      return { duplicate: true, item: toImported(existing.rows[0]!) };
    },

    async list(): Promise<ImportedWarning[]> {
      const rows = await db.query<ImportRow>(
        'SELECT * FROM warning_imports ORDER BY imported_at DESC, id LIMIT 500',
      );
      return rows.rows.map(toImported);
    },
  };
}

export type WarningImports = ReturnType<typeof createWarningImports>;
