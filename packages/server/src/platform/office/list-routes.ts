import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { pageOf } from '@anjian/domain';
import type { Access } from '../access.ts';
import type { Clock } from '../clock.ts';
import {
  exportIdsSchema,
  rowsOf,
  sendListExport,
  type ExportColumn,
  type PageOfRows,
} from './list-export.ts';

type Paging = { page: number; pageSize: number };
/** A list's query without its paging: what the service filters by. */
type FilterOf<Q extends z.ZodObject> = Omit<z.infer<Q>, 'page' | 'pageSize'>;

export interface ListWithExport<Q extends z.ZodObject, T extends { id: string }, V> {
  /** The list's path; the export answers at `<path>/export` with the same filters. */
  path: string;
  tags: string[];
  access: Access;
  summary?: string;
  /** The list's query schema, with `page` and `pageSize`. */
  query: Q;
  item: z.ZodType<T>;
  /** Who asks, as the service takes it (the auth context, or a view of it such as the plan's). */
  viewer: (request: FastifyRequest) => V;
  list: (viewer: V, filter: FilterOf<Q>, paging: Paging) => Promise<PageOfRows<T> & Paging>;
  export: {
    audit: string;
    summary?: string;
    /** The file name: ASCII for old clients, and the zh-CN name of the ledger. */
    asciiName: string;
    name: string;
    columns: readonly ExportColumn<T>[];
  };
  clock: Clock;
}

/**
 * A paged list and its Excel export as one pair of routes: the export reads the list page after
 * page through the same service call, so it always has exactly the list's filters and the caller's
 * scope (and `?ids=` picks the selected rows). Every ledger a bureau prints is declared this way.
 */
export function registerListWithExport<Q extends z.ZodObject, T extends { id: string }, V>(
  app: FastifyInstance,
  options: ListWithExport<Q, T, V>,
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { path, tags, access, query, clock } = options;
  const split = (request: FastifyRequest) => {
    const { page, pageSize, ids, ...filter } = request.query as Paging & { ids?: string };
    return { paging: { page, pageSize }, ids, filter: filter as FilterOf<Q> };
  };

  api.get(
    path,
    {
      config: { access },
      schema: {
        tags,
        ...(options.summary ? { summary: options.summary } : {}),
        querystring: query,
        response: { 200: pageOf(options.item) },
      },
    },
    async (request) => {
      const { paging, filter } = split(request);
      return options.list(options.viewer(request), filter, paging);
    },
  );

  api.get(
    `${path}/export`,
    {
      config: { access, audit: options.export.audit },
      schema: {
        tags,
        ...(options.export.summary ? { summary: options.export.summary } : {}),
        querystring: query.omit({ page: true, pageSize: true }).extend({ ids: exportIdsSchema }),
      },
    },
    async (request, reply) => {
      const { ids, filter } = split(request);
      const viewer = options.viewer(request);
      const rows = await rowsOf((page, pageSize) => options.list(viewer, filter, { page, pageSize }), ids);
      const { asciiName, name, columns } = options.export;
      return sendListExport(request, reply, { asciiName, name, clock }, columns, rows);
    },
  );
}
