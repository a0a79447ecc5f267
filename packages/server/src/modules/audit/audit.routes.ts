import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import {
  auditEntrySchema,
  auditListQuerySchema,
  chinaDateTime,
  chinaStamp,
  pageOf,
  type AuditEntry,
} from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import { attachmentHeader, safeCell, XLSX_TYPE } from '../../platform/excel.ts';
import { requestLanguage } from '../../platform/http-errors.ts';
import type { AuditRepository } from './audit.repository.ts';

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

async function workbookOf(entries: AuditEntry[], english: boolean): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(english ? 'Audit log' : '审计日志');
  sheet.columns = columns.map((c) => ({ header: english ? c.en : c.zh, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const entry of entries) {
    sheet.addRow(
      Object.fromEntries(
        columns.map((c) => [
          c.key,
          c.key === 'at' ? chinaDateTime(new Date(entry.at)) : safeCell(entry[c.key]),
        ]),
      ),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function registerAuditRoutes(
  app: FastifyInstance,
  { audit, clock }: { audit: AuditRepository; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();

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
    async (request) => audit.list(request.query),
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
      const entries = await audit.listForExport(request.query, EXPORT_LIMIT);
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
          }),
        },
      },
    },
    async () => audit.verify(),
  );
}
