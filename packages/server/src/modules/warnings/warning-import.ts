import {
  CAP_NAMESPACE,
  DomainError,
  type DataScope,
  type IncomingCapFacts,
  type IncomingCapInfo,
  type WarningLevel,
  type WarningStatus,
} from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import { sm3Hex } from '../../platform/crypto.ts';
import type { Db } from '../../platform/db.ts';
import { validateCap } from './cap-schema.ts';
import type { WarningLinksRepository } from './warning-links.repository.ts';

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

/** A bureau warning forwarded from a received one (the link back). */
export interface ForwardedWarning {
  id: string;
  status: WarningStatus;
  level: WarningLevel;
  headline: string;
  createdAt: string;
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

/** The texts of every element of that local name. */
const all = (xml: string, name: string) =>
  [...xml.matchAll(new RegExp(`<(?:[\\w-]+:)?${name}>([^<]*)</(?:[\\w-]+:)?${name}>`, 'g'))].map((m) =>
    decode(m[1]!.trim()),
  );

/** The inner XML of every element of that local name (info, area, geocode). */
const blocks = (xml: string, name: string) =>
  [...xml.matchAll(new RegExp(`<(?:[\\w-]+:)?${name}>([\\s\\S]*?)</(?:[\\w-]+:)?${name}>`, 'g'))].map(
    (m) => m[1]!,
  );

/** What forwarding needs of a stored (already XSD-valid) message: its `<info>` blocks and areas. */
export function incomingFactsOf(row: {
  id: string;
  identifier: string;
  sender: string;
  sent: string;
  cap_xml: string;
}): IncomingCapFacts {
  const xml = row.cap_xml;
  const infos = blocks(xml, 'info').map((info): IncomingCapInfo => {
    const areas = blocks(info, 'area');
    return {
      language: first(info, 'language') || 'en-US',
      senderName: first(info, 'senderName'),
      event: first(info, 'event'),
      severity: first(info, 'severity'),
      audience: first(info, 'audience'),
      onset: first(info, 'onset'),
      expires: first(info, 'expires'),
      headline: first(info, 'headline'),
      description: first(info, 'description'),
      instruction: first(info, 'instruction'),
      polygons: areas.flatMap((area) => all(area, 'polygon')),
      circles: areas.flatMap((area) => all(area, 'circle')),
      geocodes: areas.flatMap((area) => blocks(area, 'geocode').map((code) => first(code, 'value'))),
    };
  });
  return {
    id: row.id,
    identifier: row.identifier,
    sender: row.sender,
    sent: row.sent,
    effective: first(xml, 'effective'),
    infos,
  };
}

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
export function createWarningImports(deps: { db: Db; clock: Clock; links: WarningLinksRepository }) {
  const { db, clock, links } = deps;
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

    /**
     * One stored message for forwarding: its facts, whether its sender cancelled it (a Cancel
     * message itself, or a later Cancel from the same sender that references it) and when it ends.
     */
    async incoming(id: string) {
      const found = await db.query<ImportRow & { cap_xml: string }>(
        'SELECT * FROM warning_imports WHERE id = $1',
        [id],
      );
      const row = found.rows[0];
      if (!row) return null;
      const facts = incomingFactsOf(row);
      const cancelledBy = await db.query(
        `SELECT 1 FROM warning_imports
          WHERE msg_type = 'Cancel' AND sender = $1 AND strpos(cap_xml, $2) > 0 LIMIT 1`,
        [row.sender, `${row.sender},${row.identifier},`],
      );
      const ends = facts.infos.map((info) => Date.parse(info.expires)).filter((at) => !Number.isNaN(at));
      return {
        facts,
        cancelled: row.msg_type === 'Cancel' || (cancelledBy.rowCount ?? 0) > 0,
        expires: ends.length > 0 ? new Date(Math.max(...ends)) : null,
      };
    },

    /** Received messages, latest first, each with the bureau warnings forwarded from it that the caller sees. */
    async list(viewer: {
      id: string;
      scope: DataScope;
    }): Promise<(ImportedWarning & { forwards: ForwardedWarning[] })[]> {
      const rows = await db.query<ImportRow>(
        'SELECT * FROM warning_imports ORDER BY imported_at DESC, id LIMIT 500',
      );
      const forwards = await links.bySources(
        'import',
        rows.rows.map((r) => r.id),
        viewer.scope,
        viewer.id,
      );
      return rows.rows.map((r) => ({
        ...toImported(r),
        forwards: (forwards.get(r.id) ?? []).map((w) => ({ ...w, createdAt: w.createdAt.toISOString() })),
      }));
    },
  };
}

export type WarningImports = ReturnType<typeof createWarningImports>;
