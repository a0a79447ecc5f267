import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, riskSitePlanInputSchema, riskSitePlanSchema } from '@anjian/domain';
import { requireAuth, type AuthContext } from '../../../platform/access.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { scopeAllows } from '../../../platform/scope-sql.ts';
import type { EnterpriseLookup } from '../../registry/index.ts';
import type { UploadLookup } from '../../uploads/index.ts';
import { createRiskSitePlanRepository, type SitePlanRecord } from './risk-site-plan.repository.ts';

const tags = ['risk'];
const sitePlanAnswer = z.object({ sitePlan: riskSitePlanSchema.nullable() });

const present = (plan: SitePlanRecord | null) => ({
  sitePlan: plan ? { ...plan, updatedAt: plan.updatedAt.toISOString() } : null,
});

/**
 * The site plan (厂区平面图) under the four-colour risk map: anyone who reads the enterprise's risk
 * register sees it; the enterprise itself sets it, from an image it uploaded.
 */
export function registerRiskSitePlanRoutes(
  app: FastifyInstance,
  deps: { db: Db; clock: Clock; enterprises: EnterpriseLookup; uploads: UploadLookup },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const plans = createRiskSitePlanRepository(deps.db);

  async function enterpriseInScope(auth: AuthContext, enterpriseId: string) {
    const enterprise = await deps.enterprises.findById(enterpriseId, auth.scope);
    if (!enterprise) throw new DomainError('enterprise.not_found');
    return enterprise;
  }

  api.get(
    '/api/v1/risk/site-plan',
    {
      config: { access: 'risk:read' },
      schema: {
        tags,
        summary: 'The site plan under an enterprise’s four-colour risk map (null when none is set)',
        querystring: z.object({ enterpriseId: z.uuid() }),
        response: { 200: sitePlanAnswer },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      await enterpriseInScope(auth, request.query.enterpriseId);
      return present(await plans.find(request.query.enterpriseId, auth.scope));
    },
  );

  api.put(
    '/api/v1/risk/site-plan',
    {
      config: { access: 'risk:write', audit: 'risk.site_plan' },
      schema: {
        tags,
        summary: 'Set the enterprise’s site plan: an image it uploaded, with its pixel size',
        body: riskSitePlanInputSchema,
        response: { 200: sitePlanAnswer },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      const { enterpriseId, uploadId, width, height } = request.body;
      request.auditTarget = enterpriseId;
      const enterprise = await enterpriseInScope(auth, enterpriseId);
      if (!scopeAllows(auth.scope, enterprise.county, enterprise.id))
        throw new DomainError('registry.scope_outside_caller');
      const upload = await deps.uploads.find(uploadId, auth.scope);
      if (!upload) throw new DomainError('upload.not_found');
      if (
        upload.county !== enterprise.county ||
        (upload.enterpriseId && upload.enterpriseId !== enterprise.id)
      )
        throw new DomainError('risk.site_plan_upload_mismatch');
      request.auditDetail = `${uploadId} ${width}×${height}`;
      return present(
        await plans.save({
          enterpriseId,
          uploadId,
          width,
          height,
          updatedBy: auth.username,
          updatedAt: deps.clock.now(),
        }),
      );
    },
  );
}
