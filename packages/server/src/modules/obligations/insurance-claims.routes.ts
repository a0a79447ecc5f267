import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  claimInputSchema,
  claimListQuerySchema,
  claimSchema,
  claimStatisticsQuerySchema,
  claimStatisticsRowSchema,
  claimStepInputSchema,
  preventionServiceInputSchema,
  preventionServiceListQuerySchema,
  preventionServiceSchema,
  preventionSpendingQuerySchema,
  preventionYearSchema,
} from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { registerListWithExport } from '../../platform/office/index.ts';
import { claimExportColumns, preventionServiceExportColumns } from './insurance-claims-export.ts';
import type { ClaimsService } from './insurance-claims.service.ts';
import type { PreventionServicesService } from './prevention-services.service.ts';

const tags = ['obligations'];
const O = '/api/v1/obligations';

/** 安责险理赔 and the insurers' 事故预防服务 (应急〔2025〕27号). */
export function registerInsuranceClaimsRoutes(
  app: FastifyInstance,
  deps: { claims: ClaimsService; services: PreventionServicesService; clock: Clock },
) {
  const { claims, services, clock } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();

  registerListWithExport(app, {
    path: `${O}/claims`,
    tags,
    access: 'registry:read',
    summary: '安责险 claims, the latest reported first (filters: county, insurer, status, year)',
    query: claimListQuerySchema,
    item: claimSchema,
    viewer: (request) => requireAuth(request),
    list: (viewer, filter, paging) => claims.list(viewer, filter, paging),
    export: {
      audit: 'obligations.claims_export',
      asciiName: 'liability-insurance-claims',
      name: '安责险理赔',
      columns: claimExportColumns,
    },
    clock,
  });

  api.post(
    `${O}/claims`,
    {
      config: { access: 'registry:write', audit: 'obligations.claim_create' },
      schema: {
        tags,
        summary: 'Register a claim (报案) on a policy in force on the incident’s day',
        body: claimInputSchema,
        response: { 201: claimSchema },
      },
    },
    async (request, reply) => {
      const created = await claims.create(requireAuth(request), request.body);
      request.auditTarget = created.id;
      return reply.status(201).send(created);
    },
  );

  api.post(
    `${O}/claims/:id/steps`,
    {
      config: { access: 'registry:write', audit: 'obligations.claim_step' },
      schema: {
        tags,
        summary: 'Record 受理, 已赔付 (with the amount) or 拒赔 (with the reason)',
        params: z.object({ id: z.uuid() }),
        body: claimStepInputSchema,
        response: { 200: claimSchema },
      },
    },
    async (request) => {
      request.auditTarget = request.params.id;
      return claims.step(requireAuth(request), request.params.id, request.body);
    },
  );

  api.get(
    `${O}/claims/statistics`,
    {
      config: { access: 'registry:read' },
      schema: {
        tags,
        summary: 'Claims reported in a year and the amount paid on them, by sector and by county',
        querystring: claimStatisticsQuerySchema,
        response: { 200: z.array(claimStatisticsRowSchema) },
      },
    },
    async (request) => claims.statistics(requireAuth(request), request.query.year, request.query.county),
  );

  registerListWithExport(app, {
    path: `${O}/prevention-services`,
    tags,
    access: 'registry:read',
    summary: 'The insurers’ accident-prevention services, the latest first',
    query: preventionServiceListQuerySchema,
    item: preventionServiceSchema,
    viewer: (request) => requireAuth(request),
    list: (viewer, filter, paging) => services.list(viewer, filter, paging),
    export: {
      audit: 'obligations.prevention_services_export',
      asciiName: 'accident-prevention-services',
      name: '事故预防服务',
      columns: preventionServiceExportColumns,
    },
    clock,
  });

  api.post(
    `${O}/prevention-services`,
    {
      config: { access: 'registry:write', audit: 'obligations.prevention_service_create' },
      schema: {
        tags,
        summary: 'Record a service; findings may open a hidden hazard or link an existing one',
        body: preventionServiceInputSchema,
        response: { 201: preventionServiceSchema },
      },
    },
    async (request, reply) => {
      const created = await services.create(requireAuth(request), request.body);
      request.auditTarget = created.id;
      return reply.status(201).send(created);
    },
  );

  api.get(
    `${O}/prevention-spending`,
    {
      config: { access: 'registry:read' },
      schema: {
        tags,
        summary: 'Per insurer and year: service spending against premiums, over the cap, unserved units',
        querystring: preventionSpendingQuerySchema,
        response: { 200: z.array(preventionYearSchema) },
      },
    },
    async (request) => services.spending(requireAuth(request), request.query.year, request.query.county),
  );
}
