import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  allocationLedgerQuerySchema,
  allocationLedgerSummarySchema,
  allocationListQuerySchema,
  allocationMovementSchema,
  allocationOrderDetailSchema,
  allocationOrderInputSchema,
  allocationOrderSchema,
  allocationSourceSchema,
  allocationStepInputSchema,
  compensationInputSchema,
  pageOf,
} from '@anjian/domain';
import { requireAuth } from '../../../platform/access.ts';
import type { Clock } from '../../../platform/clock.ts';
import { exportIdsSchema, rowsOf, sendListExport } from '../../../platform/office/index.ts';
import { allocationExportColumns, ledgerExportColumns } from './allocation-export.ts';
import type { AllocationService } from './allocation.service.ts';

const tags = ['emergency'];
const idParams = z.object({ id: z.uuid() });
const ledgerFilter = allocationLedgerQuerySchema.omit({ page: true, pageSize: true });

export function registerAllocationRoutes(
  app: FastifyInstance,
  { allocation, clock }: { allocation: AllocationService; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/emergency/allocations',
    {
      config: { access: 'emergency:read' },
      schema: {
        tags,
        summary: 'Allocation orders (调拨单) of emergency materials',
        querystring: allocationListQuerySchema,
        response: { 200: pageOf(allocationOrderSchema) },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return allocation.list(requireAuth(request), filter, { page, pageSize });
    },
  );

  api.get(
    '/api/v1/emergency/allocations/export',
    {
      config: { access: 'emergency:read', audit: 'emergency.allocation_export' },
      schema: {
        tags,
        summary: 'The filtered allocation orders as an Excel workbook',
        querystring: allocationListQuerySchema
          .omit({ page: true, pageSize: true })
          .extend({ ids: exportIdsSchema }),
      },
    },
    async (request, reply) => {
      const { ids, ...filter } = request.query;
      const auth = requireAuth(request);
      const rows = await rowsOf((page, pageSize) => allocation.list(auth, filter, { page, pageSize }), ids);
      return sendListExport(
        request,
        reply,
        { asciiName: 'allocation-orders', name: '物资调拨单', clock },
        allocationExportColumns,
        rows,
      );
    },
  );

  api.post(
    '/api/v1/emergency/allocations',
    {
      config: { access: 'emergency:write', audit: 'emergency.allocation_create' },
      schema: {
        tags,
        summary: 'Request an allocation: what material, how much, for which incident, to where',
        body: allocationOrderInputSchema,
        response: { 201: allocationOrderDetailSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await allocation.create(requireAuth(request), request.body)),
  );

  api.get(
    '/api/v1/emergency/allocations/ledger',
    {
      config: { access: 'emergency:read' },
      schema: {
        tags,
        summary: 'The ledger (台账): every quantity moved, by material, warehouse or incident',
        querystring: allocationLedgerQuerySchema,
        response: { 200: pageOf(allocationMovementSchema) },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return allocation.ledger(requireAuth(request), filter, { page, pageSize });
    },
  );

  api.get(
    '/api/v1/emergency/allocations/ledger/export',
    {
      config: { access: 'emergency:read', audit: 'emergency.allocation_ledger_export' },
      schema: {
        tags,
        summary: 'The filtered ledger as an Excel workbook',
        querystring: ledgerFilter.extend({ ids: exportIdsSchema }),
      },
    },
    async (request, reply) => {
      const { ids, ...filter } = request.query;
      const auth = requireAuth(request);
      const rows = await rowsOf((page, pageSize) => allocation.ledger(auth, filter, { page, pageSize }), ids);
      return sendListExport(
        request,
        reply,
        { asciiName: 'allocation-ledger', name: '物资调拨台账', clock },
        ledgerExportColumns,
        rows,
      );
    },
  );

  api.get(
    '/api/v1/emergency/allocations/ledger/summary',
    {
      config: { access: 'emergency:read' },
      schema: {
        tags,
        summary:
          'The ledger’s balance for a material or an incident, and each warehouse’s receipts, issues and stock',
        querystring: ledgerFilter,
        response: { 200: allocationLedgerSummarySchema },
      },
    },
    async (request) => allocation.ledgerSummary(requireAuth(request), request.query),
  );

  api.get(
    '/api/v1/emergency/allocations/:id',
    {
      config: { access: 'emergency:read' },
      schema: { tags, params: idParams, response: { 200: allocationOrderDetailSchema } },
    },
    async (request) => allocation.get(requireAuth(request), request.params.id),
  );

  api.get(
    '/api/v1/emergency/allocations/:id/sources',
    {
      config: { access: 'emergency:read' },
      schema: {
        tags,
        summary: 'Warehouses in the caller’s area holding unexpired stock of the order’s material',
        params: idParams,
        response: { 200: z.object({ items: z.array(allocationSourceSchema) }) },
      },
    },
    async (request) => ({ items: await allocation.sources(requireAuth(request), request.params.id) }),
  );

  api.post(
    '/api/v1/emergency/allocations/:id/steps',
    {
      config: { access: 'emergency:write', audit: 'emergency.allocation_step' },
      schema: {
        tags,
        summary:
          'Take a step: approve, reject, cancel, issue (FEFO, one transaction), transport, receive, use, return, write off',
        params: idParams,
        body: allocationStepInputSchema,
        response: { 200: allocationOrderDetailSchema },
      },
    },
    async (request) => allocation.step(requireAuth(request), request.params.id, request.body),
  );

  api.put(
    '/api/v1/emergency/allocations/requisitions/:id/compensation',
    {
      config: { access: 'emergency:write', audit: 'emergency.allocation_compensation' },
      schema: {
        tags,
        summary: 'Record the compensation agreed or paid for a requisition (征用补偿)',
        params: idParams,
        body: compensationInputSchema,
        response: { 200: allocationOrderDetailSchema },
      },
    },
    async (request) => allocation.compensation(requireAuth(request), request.params.id, request.body),
  );
}
