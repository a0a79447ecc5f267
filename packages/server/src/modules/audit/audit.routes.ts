import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import {
  auditActionLabel,
  auditActorSchema,
  auditEntrySchema,
  auditListQuerySchema,
  chinaDateTime,
  chinaStamp,
  pageOf,
  type AuditEntry,
} from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { attachmentHeader, safeCell, XLSX_TYPE } from '../../platform/office/index.ts';
import { requestLanguage } from '../../platform/http-errors.ts';
import type { AuditRepository } from './audit.repository.ts';
import type { AuditChain } from './index.ts';
import { auditTargetLabels } from './audit-target-labels.ts';

const tags = ['audit'];
const EXPORT_LIMIT = 100_000;
const exportQuerySchema = auditListQuerySchema.omit({ page: true, pageSize: true });

const columns = [
  { key: 'seq', zh: '序号', en: 'Seq', width: 8 },
  { key: 'at', zh: '时间', en: 'Time', width: 22 },
  { key: 'actorName', zh: '操作人', en: 'Actor', width: 16 },
  { key: 'roles', zh: '角色', en: 'Roles', width: 18 },
  { key: 'scope', zh: '数据范围', en: 'Scope', width: 18 },
  { key: 'action', zh: '操作', en: 'Action', width: 22 },
  { key: 'target', zh: '对象', en: 'Target', width: 38 },
  { key: 'ip', zh: 'IP', en: 'IP', width: 16 },
  { key: 'outcome', zh: '结果', en: 'Outcome', width: 10 },
  { key: 'status', zh: '状态码', en: 'Status', width: 8 },
  { key: 'detail', zh: '详情', en: 'Detail', width: 30 },
  { key: 'hash', zh: 'SM3 摘要', en: 'SM3 hash', width: 66 },
] as const;

/** The cell of a column in words: the action's label, the target's name where known. */
function cellOf(entry: AuditEntry, key: (typeof columns)[number]['key'], english: boolean) {
  if (key === 'at') return chinaDateTime(new Date(entry.at));
  if (key === 'action') {
    const label = auditActionLabel(entry.action);
    return english ? label.en : label.zh;
  }
  if (key === 'target') return safeCell(entry.targetLabel ?? entry.target);
  return safeCell(entry[key]);
}

async function workbookOf(entries: AuditEntry[], english: boolean): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(english ? 'Audit log' : '审计日志');
  sheet.columns = columns.map((c) => ({ header: english ? c.en : c.zh, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const entry of entries) {
    sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, cellOf(entry, c.key, english)])));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function registerAuditRoutes(
  app: FastifyInstance,
  { audit, chain, clock, db }: { audit: AuditRepository; chain: AuditChain; clock: Clock; db: Db },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const labelled = async (entries: AuditEntry[], lang: 'zh-CN' | 'en'): Promise<AuditEntry[]> => {
    const labels = await auditTargetLabels(db, entries, lang);
    return entries.map((entry, i) => ({ ...entry, targetLabel: labels[i] ?? null }));
  };

  api.get(
    '/api/v1/audit',
    {
      config: { access: 'audit:read' },
      schema: {
        tags,
        summary: 'The audit log, newest first',
        querystring: auditListQuerySchema,
        response: { 200: pageOf(auditEntrySchema) },
      },
    },
    async (request) => {
      const page = await audit.list(request.query);
      return { ...page, items: await labelled(page.items, requestLanguage(request)) };
    },
  );

  api.get(
    '/api/v1/audit/actors',
    {
      config: { access: 'audit:read' },
      schema: {
        tags,
        summary: 'People who appear in the log, by name or username (the user filter; at most 20)',
        querystring: z.object({ q: z.string().trim().max(64).default('') }),
        response: { 200: z.object({ items: z.array(auditActorSchema) }) },
      },
    },
    async (request) => ({ items: await audit.actors(request.query.q) }),
  );

  api.get(
    '/api/v1/audit/export',
    {
      config: { access: 'audit:export', audit: 'audit.export' },
      schema: {
        tags,
        summary: 'The filtered audit log as an Excel workbook (at most 100,000 rows)',
        querystring: exportQuerySchema,
      },
    },
    async (request, reply) => {
      const english = requestLanguage(request) === 'en';
      const entries = await labelled(
        await audit.listForExport(request.query, EXPORT_LIMIT),
        english ? 'en' : 'zh-CN',
      );
      request.auditDetail = `rows=${entries.length}`;
      const stamp = chinaStamp(clock.now());
      const name = `${english ? 'audit-log' : '审计日志'}_${stamp}.xlsx`;
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachmentHeader(`audit_${stamp}.xlsx`, name))
        .send(await workbookOf(entries, english));
    },
  );

  api.get(
    '/api/v1/audit/verify',
    {
      config: { access: 'audit:read', audit: 'audit.verify' },
      schema: {
        tags,
        summary: 'Check the whole hash chain',
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number().int(),
            brokenSeq: z.number().int().optional(),
            reason: z.string().optional(),
            checkpoints: z.number().int().optional(),
          }),
        },
      },
    },
    async () => chain.verify(),
  );
}
