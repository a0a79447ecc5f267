import { chinaDateTime, chinaStamp } from '../common/china-time.ts';
import { findCounty } from '../registry/divisions/yuxi-divisions.ts';
import { findTownship } from '../registry/yuxi-townships.ts';
import type { LevelMapping, WarningEventType } from './warning-catalogue.ts';
import type { WarningArea } from './warning-area.ts';

/*
 * CAP 1.2 (OASIS 2010, ITU-T X.1303) as profiled by GB/T 35965.1-2018. Element order is the XSD's
 * xs:sequence and is fixed here; times are written in China time with an explicit +08:00 (CAP
 * refuses "Z" and fractions of a second).
 */

export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';

/** `2026-11-29T10:00:00+08:00` */
export function capTime(at: Date): string {
  return `${chinaDateTime(at).replace(' ', 'T')}+08:00`;
}

/**
 * GB/T 35965.1 unique ID `ZZZZZZDDDUUUXX_YYYYMMDDhhmmss_N`: the 14-digit sender code, the Beijing
 * time the message was entered and a one-digit sequence for messages of the same second.
 */
export function capIdentifier(senderCode: string, sent: Date, sequence: number): string {
  if (!/^\d{14}$/.test(senderCode)) throw new Error('sender code must be 14 digits');
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 9) throw new Error('sequence must be 0–9');
  return `${senderCode}_${chinaStamp(sent)}_${sequence}`;
}

export interface CapInfoBlock {
  readonly headline: string;
  readonly description: string;
  readonly instruction: string;
}

export interface CapReference {
  readonly sender: string;
  readonly identifier: string;
  readonly sent: Date;
}

/**
 * A CAP `<resource>` (an attached image or PDF): `size` in bytes, `uri` a public URL, `digest` the
 * SHA-1 hex of the file as CAP 1.2 §3.2.3 asks. Written in the OASIS order, after `<parameter>`.
 */
export interface CapResource {
  readonly description: { readonly zh: string; readonly en: string };
  readonly mimeType: string;
  readonly size: number;
  readonly uri: string;
  readonly digest: string;
}

export interface CapMessageInput {
  readonly identifier: string;
  readonly sender: string;
  readonly sent: Date;
  readonly status: 'Actual' | 'Exercise' | 'Test';
  readonly msgType: 'Alert' | 'Update' | 'Cancel';
  readonly references: readonly CapReference[];
  readonly eventType: WarningEventType;
  readonly level: LevelMapping;
  readonly onset: Date;
  readonly expires: Date;
  readonly audience: string;
  readonly senderName: { readonly zh: string; readonly en: string };
  readonly contact: string;
  readonly web: string | null;
  readonly area: WarningArea;
  readonly info: { readonly zh: CapInfoBlock; readonly en: CapInfoBlock | null };
  /** Attachments, in every `<info>` block (none when left out). */
  readonly resources?: readonly CapResource[];
}

// XML 1.0 forbids most C0 controls even as references; drop them rather than write an invalid file.
// eslint-disable-next-line no-control-regex
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlText(value: string): string {
  return value
    .replace(forbidden, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const el = (name: string, value: string, indent: string) => `${indent}<${name}>${xmlText(value)}</${name}>`;

/** The human description of the area in one language: division names, else "drawn area". */
export function areaDescription(area: WarningArea, language: 'zh' | 'en'): string {
  const names = [
    ...area.counties.map((code) => {
      const county = findCounty(code);
      return county ? (language === 'zh' ? county.nameZh : county.nameEn) : code;
    }),
    ...area.townships.map((code) => findTownship(code)?.nameZh ?? code),
  ];
  if (names.length > 0) return names.join(language === 'zh' ? '、' : ', ');
  return language === 'zh' ? '划定区域' : 'Designated area';
}

/** CAP polygons are "lat,lon" pairs, closed (first point repeated). */
function capPolygon(ring: NonNullable<WarningArea['polygon']>): string {
  return [...ring, ring[0]!].map((p) => `${p.lat},${p.lon}`).join(' ');
}

function areaXml(area: WarningArea, language: 'zh' | 'en', indent: string): string[] {
  const inner = `${indent}  `;
  const lines = [`${indent}<area>`, el('areaDesc', areaDescription(area, language), inner)];
  if (area.polygon) lines.push(el('polygon', capPolygon(area.polygon), inner));
  if (area.circle) {
    const { center, radiusKm } = area.circle;
    lines.push(el('circle', `${center.lat},${center.lon} ${radiusKm}`, inner));
  }
  for (const code of [...area.counties, ...area.townships]) {
    lines.push(
      `${inner}<geocode>`,
      el('valueName', 'GB/T 2260', `${inner}  `),
      el('value', code, `${inner}  `),
      `${inner}</geocode>`,
    );
  }
  lines.push(`${indent}</area>`);
  return lines;
}

function infoXml(message: CapMessageInput, language: 'zh' | 'en', block: CapInfoBlock): string[] {
  const i = '    ';
  const { eventType, level } = message;
  const lines = [
    '  <info>',
    el('language', language === 'zh' ? 'zh-CN' : 'en-US', i),
    el('category', eventType.category, i),
    el('event', language === 'zh' ? eventType.zh : eventType.en, i),
    el('responseType', message.msgType === 'Cancel' ? 'AllClear' : eventType.responseType, i),
    el('urgency', level.urgency, i),
    el('severity', level.severity, i),
    el('certainty', level.certainty, i),
  ];
  if (message.audience) lines.push(el('audience', message.audience, i));
  if (eventType.eventCode) {
    lines.push(
      `${i}<eventCode>`,
      el('valueName', 'GB/T 35561', `${i}  `),
      el('value', eventType.eventCode, `${i}  `),
      `${i}</eventCode>`,
    );
  }
  lines.push(
    el('effective', capTime(message.sent), i),
    el('onset', capTime(message.onset), i),
    el('expires', capTime(message.expires), i),
    el('senderName', language === 'zh' ? message.senderName.zh : message.senderName.en, i),
    el('headline', block.headline, i),
    el('description', block.description, i),
  );
  if (block.instruction) lines.push(el('instruction', block.instruction, i));
  if (message.web) lines.push(el('web', message.web, i));
  lines.push(el('contact', message.contact, i));
  // The colour is carried explicitly: <severity> keeps the OASIS enumeration (ecosystem-security §D3).
  lines.push(
    `${i}<parameter>`,
    el('valueName', language === 'zh' ? '预警级别' : 'WarningLevel', `${i}  `),
    el('value', language === 'zh' ? level.zh : level.en, `${i}  `),
    `${i}</parameter>`,
  );
  for (const resource of message.resources ?? []) {
    lines.push(
      `${i}<resource>`,
      el('resourceDesc', language === 'zh' ? resource.description.zh : resource.description.en, `${i}  `),
      el('mimeType', resource.mimeType, `${i}  `),
      el('size', String(resource.size), `${i}  `),
      el('uri', resource.uri, `${i}  `),
      el('digest', resource.digest, `${i}  `),
      `${i}</resource>`,
    );
  }
  lines.push(...areaXml(message.area, language, i), '  </info>');
  return lines;
}

/** The CAP 1.2 XML document of one released version. */
export function buildCapXml(message: CapMessageInput): string {
  if (message.msgType !== 'Alert' && message.references.length === 0) {
    throw new Error('CAP Update and Cancel must reference the earlier messages');
  }
  const a = '  ';
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<alert xmlns="${CAP_NAMESPACE}">`,
    el('identifier', message.identifier, a),
    el('sender', message.sender, a),
    el('sent', capTime(message.sent), a),
    el('status', message.status, a),
    el('msgType', message.msgType, a),
    el('scope', 'Public', a),
  ];
  if (message.references.length > 0) {
    lines.push(
      el(
        'references',
        message.references.map((r) => `${r.sender},${r.identifier},${capTime(r.sent)}`).join(' '),
        a,
      ),
    );
  }
  lines.push(...infoXml(message, 'zh', message.info.zh));
  if (message.info.en) lines.push(...infoXml(message, 'en', message.info.en));
  lines.push('</alert>', '');
  return lines.join('\n');
}
