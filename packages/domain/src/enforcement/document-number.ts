import { chinaDate } from '../common/china-time.ts';
import { type EnforcementAgency, yuxiEnforcementAgencies } from './enforcement-agencies.ts';
import { EnforcementError } from './enforcement.errors.ts';
import {
  type EnforcementDocumentType,
  type EnforcementDocumentTypeCode,
  enforcementDocumentTypes,
} from './document-types.ts';

/*
 * Document numbers (文书编号) like 玉应急罚〔2026〕12号: agency prefix, document-type tag (optional),
 * the year in 六角括号 〔〕, the sequence number and 号. GB/T 9704-2012 §7.2.4 [M]: the year is
 * written in full, the sequence has no leading zeros (1, not 01) and no 第.
 *
 * One sequence runs per printed stem and year, without gaps (ecosystem-security.md §A3: per county,
 * per type, per year). Without a type tag all types share the stem, so they share one sequence too —
 * otherwise two documents would carry the same number.
 */

export interface DocumentNumberParts {
  /** Agency prefix, e.g. 玉应急. */
  readonly prefix: string;
  /** Document-type tag, e.g. 罚; '' when the bureau numbers without tags. */
  readonly typeTag: string;
  readonly year: number;
  readonly sequence: number;
}

export interface DocumentNumberingData {
  readonly agencies: readonly EnforcementAgency[];
  readonly documentTypes: readonly EnforcementDocumentType[];
}

const defaultData: DocumentNumberingData = {
  agencies: yuxiEnforcementAgencies,
  documentTypes: enforcementDocumentTypes,
};

function invalid(text: string, problem: string): never {
  throw new EnforcementError('enforcement.document_number_invalid', { number: text, problem });
}

/** '玉应急罚〔2026〕12号'. Throws `enforcement.document_number_invalid` for impossible parts. */
export function formatDocumentNumber(parts: DocumentNumberParts): string {
  const text = `${parts.prefix}${parts.typeTag}〔${parts.year}〕${parts.sequence}号`;
  if (!parts.prefix || /[〔〕\s]/.test(parts.prefix + parts.typeTag)) invalid(text, 'prefix');
  if (!Number.isInteger(parts.year) || parts.year < 1949 || parts.year > 9999) invalid(text, 'year');
  if (!Number.isSafeInteger(parts.sequence) || parts.sequence < 1) invalid(text, 'sequence');
  return text;
}

/** The number tag of a document type; throws `enforcement.document_type_unknown`. */
export function documentTypeTag(code: EnforcementDocumentTypeCode | string, data = defaultData): string {
  const type = data.documentTypes.find((t) => t.code === code);
  if (!type) throw new EnforcementError('enforcement.document_type_unknown', { code });
  return type.numberTag;
}

/**
 * Reads a number back into its parts, knowing the agencies and type tags. Half-width or other
 * brackets around the year ([2026], (2026), 【2026】) are read as 〔〕; leading zeros are refused.
 */
export function parseDocumentNumber(text: string, data = defaultData): DocumentNumberParts {
  const normalised = text.trim().replace(/[[［【(（](\d{4})[\]］】)）]/u, '〔$1〕');
  const match = /^(.+?)〔(\d{4})〕(\d+)号$/u.exec(normalised);
  if (!match) invalid(text, 'format');
  const [, stem = '', year = '', sequence = ''] = match;
  if (sequence.startsWith('0')) invalid(text, 'leading_zero');
  const agency = [...data.agencies]
    .sort((a, b) => b.numberPrefix.length - a.numberPrefix.length)
    .find((a) => stem.startsWith(a.numberPrefix));
  if (!agency) invalid(text, 'unknown_prefix');
  const typeTag = stem.slice(agency.numberPrefix.length);
  if (typeTag && !data.documentTypes.some((t) => t.numberTag === typeTag)) invalid(text, 'unknown_type_tag');
  return { prefix: agency.numberPrefix, typeTag, year: Number(year), sequence: Number(sequence) };
}

/** The year a document issued at `now` is numbered in (China Standard Time). */
export function documentNumberYear(now: Date): number {
  return Number(chinaDate(now).slice(0, 4));
}

/**
 * The next number of a sequence, given the last number issued in it (or null for the first of the
 * year). Pure; the service calls it inside the transaction that stores the document, under a lock on
 * the sequence row, so that no number is skipped or issued twice.
 */
export function nextDocumentNumber(
  key: Omit<DocumentNumberParts, 'sequence'>,
  lastIssued: string | null,
  data = defaultData,
): { readonly number: string; readonly parts: DocumentNumberParts } {
  let sequence = 1;
  if (lastIssued !== null) {
    const last = parseDocumentNumber(lastIssued, data);
    if (last.prefix !== key.prefix || last.typeTag !== key.typeTag || last.year !== key.year) {
      throw new EnforcementError('enforcement.document_sequence_mismatch', { key, lastIssued });
    }
    sequence = last.sequence + 1;
  }
  const parts = { ...key, sequence };
  return { number: formatDocumentNumber(parts), parts };
}

/** For an audit of one sequence: numbers missing between 1 and the highest, and numbers issued twice. */
export function documentSequenceGaps(sequences: readonly number[]): {
  readonly missing: readonly number[];
  readonly duplicated: readonly number[];
} {
  const seen = new Set<number>();
  const duplicated = new Set<number>();
  for (const n of sequences) (seen.has(n) ? duplicated : seen).add(n);
  const highest = Math.max(0, ...seen);
  const missing = Array.from({ length: highest }, (_, i) => i + 1).filter((n) => !seen.has(n));
  return { missing, duplicated: [...duplicated].sort((a, b) => a - b) };
}
