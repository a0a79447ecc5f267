import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  YUXI_CITY_CODE,
  suggestedProgress,
  suggestedProgressSchema,
  yuxiCounties,
  type DataScope,
} from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import type { PlanFigureReader } from './plan-figure-reader.ts';
import type { PlanService } from './plan.service.ts';
import { planViewerOf } from './plan-viewer.ts';

/** The area a unit answers for: its county (county units, their departments, townships) or the city. */
async function areaOf(
  db: Db,
  organisationId: string,
): Promise<{ scope: DataScope; county: string | null; zh: string; en: string }> {
  const rows = await db.query<{ division_code: string }>(
    'SELECT division_code FROM organisations WHERE id = $1',
    [organisationId],
  );
  const code = rows.rows[0]?.division_code ?? YUXI_CITY_CODE;
  const county = yuxiCounties.find((c) => c.code === code.slice(0, 6));
  return county
    ? {
        scope: { kind: 'county', counties: [county.code] },
        county: county.code,
        zh: county.nameZh,
        en: county.nameEn,
      }
    : { scope: { kind: 'city' }, county: null, zh: '全市', en: 'the city' };
}

/**
 * Progress suggested from a figure Anjian holds: an assignment tied to a figure (the cockpit's plan
 * targets, the hidden-hazard rectification rate, inspections done, enterprises with cameras, a
 * 专栏1 indicator) shows its unit the current value for the unit's own area, with its source and
 * period, and the progress it suggests; the unit confirms it by reporting. Each figure is read
 * through its owning module's port (plan-figure-reader.ts).
 */
export function registerPlanFigureRoutes(
  app: FastifyInstance,
  deps: { db: Db; service: PlanService; figures: PlanFigureReader },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/plan/assignments/:id/suggested-progress',
    {
      config: { access: ['plan:manage', 'plan:report'] },
      schema: {
        tags: ['plan'],
        summary:
          'The figure the assignment is tied to, for its unit’s area, and the progress it suggests (the unit confirms it by reporting); another unit’s assignment answers 404',
        params: z.object({ id: z.uuid() }).strict(),
        response: { 200: suggestedProgressSchema },
      },
    },
    async (request) => {
      const assignment = await deps.service.detail(planViewerOf(requireAuth(request)), request.params.id);
      const area = await areaOf(deps.db, assignment.organisationId);
      const figure = assignment.figureCode
        ? await deps.figures.figure(assignment.figureCode, area.scope, area.county)
        : null;
      return {
        figure,
        area: { zh: area.zh, en: area.en },
        percent: figure ? suggestedProgress(figure) : null,
      };
    },
  );
}
