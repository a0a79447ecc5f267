import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DomainError,
  accidentSectorNames,
  industryPrefixSchema,
  isIndustrialSector,
  pageOf,
  pageQuerySchema,
  sectorMappingInputSchema,
  sectorMappingQuerySchema,
  sectorMappingSchema,
  suggestSector,
  type AccidentSector,
  type Page,
  type SectorMapping,
  type SectorMappingRow,
} from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Queryable } from '../../platform/db.ts';
import { cell, rowsOf, sendListExport, type ExportColumn } from '../../platform/office/list-export.ts';

/**
 * The bureau's GB/T 4754 industry → sector mapping (statistics_sector_mappings, migration 0054):
 * read when an accident is reported or imported without a sector; stored sectors stay as they are.
 */

/** What the emergency module asks when an accident is reported (the first report's suggestion). */
export interface SectorSuggester {
  /** The sector the stored mapping gives this industry code, read in the caller's transaction. */
  suggest(q: Queryable, industryCode: string | null): Promise<AccidentSector>;
}

export async function readSectorMappings(q: Queryable): Promise<SectorMapping[]> {
  const { rows } = await q.query<SectorMapping>(
    'SELECT prefix, sector FROM statistics_sector_mappings ORDER BY prefix',
  );
  return rows;
}

export const sectorSuggester: SectorSuggester = {
  async suggest(q, industryCode) {
    if (!industryCode) return 'other';
    return suggestSector(industryCode, await readSectorMappings(q));
  },
};

type Filter = z.infer<typeof sectorMappingQuerySchema>;

async function list(db: Db, filter: Filter, page: number, pageSize: number): Promise<Page<SectorMappingRow>> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.q) {
    params.push(`${filter.q.toUpperCase().replace(/[%_\\]/g, '')}%`);
    where.push(`m.prefix LIKE $${params.length}`);
  }
  if (filter.sector) {
    params.push(filter.sector);
    where.push(`m.sector = $${params.length}`);
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  params.push(pageSize, (page - 1) * pageSize);
  const { rows } = await db.query<{
    prefix: string;
    sector: AccidentSector;
    updated_at: Date | null;
    updated_by: string | null;
    total: number;
  }>(
    `SELECT m.prefix, m.sector, m.updated_at, u.display_name AS updated_by, count(*) OVER ()::int AS total
       FROM statistics_sector_mappings m LEFT JOIN users u ON u.id = m.updated_by
       ${whereSql}
      ORDER BY m.prefix
      LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return {
    items: rows.map((r) => ({
      id: r.prefix,
      prefix: r.prefix,
      sector: r.sector,
      industrial: isIndustrialSector(r.sector),
      updatedAt: r.updated_at?.toISOString() ?? null,
      updatedBy: r.updated_by,
    })),
    total: rows[0]?.total ?? 0,
    page,
    pageSize,
  };
}

const exportColumns: readonly ExportColumn<SectorMappingRow>[] = [
  { header: '行业代码前缀', width: 14, value: (r) => r.prefix },
  { header: '行业领域', width: 20, value: (r) => accidentSectorNames[r.sector].zh },
  { header: '属于工矿商贸', width: 14, value: (r) => cell.yesNo(r.industrial) },
  { header: '修改人', width: 14, value: (r) => r.updatedBy ?? '' },
  { header: '修改时间', width: 20, value: (r) => cell.dateTime(r.updatedAt) },
];

const tags = ['statistics'];
const prefixParams = z.object({ prefix: industryPrefixSchema });

export function registerSectorMappingRoutes(app: FastifyInstance, deps: { db: Db; clock: Clock }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = deps;

  api.get(
    '/api/v1/statistics/sector-mappings',
    {
      config: { access: 'stats:read' },
      schema: {
        tags,
        summary:
          'The GB/T 4754 industry → sector mapping (longest prefix wins) used to classify accidents reported or imported without a sector',
        querystring: pageQuerySchema.merge(sectorMappingQuerySchema).strict(),
        response: { 200: pageOf(sectorMappingSchema) },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return list(db, filter, page, pageSize);
    },
  );

  api.get(
    '/api/v1/statistics/sector-mappings/export',
    {
      config: { access: 'stats:read', audit: 'statistics.sector_mapping_export' },
      schema: {
        tags,
        summary: 'The sector mapping as an Excel list',
        querystring: sectorMappingQuerySchema.extend({
          ids: z
            .string()
            .regex(/^[A-Za-z0-9]{1,5}(,[A-Za-z0-9]{1,5}){0,499}$/)
            .optional()
            .describe('Only these prefixes of the filtered list (the selected rows)'),
        }),
      },
    },
    async (request, reply) => {
      const { ids, ...filter } = request.query;
      return sendListExport(
        request,
        reply,
        { asciiName: 'sector-mappings', name: '行业领域对照', clock },
        exportColumns,
        await rowsOf((page, pageSize) => list(db, filter, page, pageSize), ids),
      );
    },
  );

  api.put(
    '/api/v1/statistics/sector-mappings/:prefix',
    {
      config: { access: 'registry:configure', audit: 'statistics.sector_mapping_set' },
      schema: {
        tags,
        summary:
          'Set (add or change) the sector of an industry code prefix; applies to accidents classified from now on',
        params: prefixParams,
        body: sectorMappingInputSchema,
        response: { 200: sectorMappingSchema },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      const { prefix } = request.params;
      const before = await db.query<{ sector: string }>(
        'SELECT sector FROM statistics_sector_mappings WHERE prefix = $1',
        [prefix],
      );
      await db.query(
        `INSERT INTO statistics_sector_mappings (prefix, sector, updated_by, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (prefix) DO UPDATE SET sector = excluded.sector, updated_by = excluded.updated_by,
           updated_at = excluded.updated_at`,
        [prefix, request.body.sector, auth.userId, clock.now()],
      );
      request.auditDetail = `${prefix}: ${before.rows[0]?.sector ?? '—'} → ${request.body.sector}`;
      const page = await list(db, { q: prefix }, 1, 200);
      return page.items.find((r) => r.prefix === prefix)!;
    },
  );

  api.delete(
    '/api/v1/statistics/sector-mappings/:prefix',
    {
      config: { access: 'registry:configure', audit: 'statistics.sector_mapping_delete' },
      schema: {
        tags,
        summary: 'Remove a prefix: its codes fall back to a shorter prefix, or 其他',
        params: prefixParams,
      },
    },
    async (request, reply) => {
      const { prefix } = request.params;
      const gone = await db.query<{ sector: string }>(
        'DELETE FROM statistics_sector_mappings WHERE prefix = $1 RETURNING sector',
        [prefix],
      );
      if (gone.rowCount === 0) throw new DomainError('statistics.sector_mapping_not_found');
      request.auditDetail = `${prefix}: ${gone.rows[0]!.sector}`;
      return reply.status(204).send();
    },
  );
}
