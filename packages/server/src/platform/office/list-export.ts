import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { chinaDate, chinaDateTime } from '@anjian/domain';
import type { Clock } from '../clock.ts';
import { sendOfficeFile } from './download.ts';
import { streamWorkbook, type SheetColumn } from './xlsx.ts';

/** One column of a list export: a zh-CN header and the human value (labels, never codes). */
export type ExportColumn<T> = SheetColumn<T>;

/** A list answer, as every list route's service gives it. */
export interface PageOfRows<T> {
  items: T[];
  total: number;
}

const PAGE = 200;
/** The most rows one export reads (250 pages of the list): a bureau's yearly ledger fits. */
export const EXPORT_MAX_ROWS = 50_000;

/** `?ids=a,b,…`: only these rows of the filtered list (batch export of the selected rows). */
export const exportIdsSchema = z
  .string()
  .regex(/^[0-9a-fA-F-]{36}(,[0-9a-fA-F-]{36}){0,499}$/)
  .optional()
  .describe('Only these rows of the filtered list (comma-separated ids, at most 500)');

/**
 * The filtered list, page after page, through the list's own service call — so an export has
 * exactly the list's filters and the caller's scope. The first page is read before the answer
 * starts, so a refused filter still answers with its 4xx.
 */
export async function rowsOf<T extends { id: string }>(
  read: (page: number, pageSize: number) => Promise<PageOfRows<T>>,
  ids?: string,
): Promise<AsyncIterable<T[]>> {
  const wanted = ids ? new Set(ids.toLowerCase().split(',')) : null;
  const pick = (items: T[]) => (wanted ? items.filter((r) => wanted.has(r.id.toLowerCase())) : items);
  const first = await read(1, PAGE);
  return (async function* () {
    yield pick(first.items);
    const pages = Math.min(Math.ceil(first.total / PAGE), EXPORT_MAX_ROWS / PAGE);
    for (let page = 2; page <= pages; page += 1) {
      const next = await read(page, PAGE);
      if (next.items.length === 0) break;
      yield pick(next.items);
    }
  })();
}

/**
 * Sends the rows as a streamed .xlsx named `<name>_<China time>.xlsx`, stamped by the injected
 * clock; the audit entry keeps the filter.
 */
export function sendListExport<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  file: { asciiName: string; name: string; clock: Clock },
  columns: readonly ExportColumn<T>[],
  batches: AsyncIterable<T[]>,
): FastifyReply {
  request.auditDetail = JSON.stringify(request.query);
  return sendOfficeFile(
    reply,
    'xlsx',
    { asciiName: file.asciiName, name: file.name, stampedAt: file.clock.now() },
    streamWorkbook(file.name, columns, batches),
  );
}

/** Shared cell formats: China date-time, yes/no, the 演示 mark. */
export const cell = {
  dateTime: (iso: string | null | undefined) => (iso ? chinaDateTime(new Date(iso)) : ''),
  date: (iso: string | null | undefined) => (iso ? chinaDate(new Date(iso)) : ''),
  yesNo: (value: boolean | null | undefined) => (value ? '是' : '否'),
  demo: (value: boolean | null | undefined) => (value ? '演示' : ''),
};
