import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DomainError,
  planTargetCodeSchema,
  planTargetInputProblem,
  planTargetSettingInputSchema,
  planTargetSettingSchema,
  type PlanTargetSetting,
  type PlanTargetSettingInput,
} from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import { describeChanges } from '../../platform/describe-changes.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Queryable } from '../../platform/db.ts';
import { inTransactionWithEvents, type EventBus } from '../../platform/events/index.ts';

/**
 * The plan's other targets as the bureau edits them (cockpit_plan_targets, migrations 0054 and 0056):
 * the three targets Anjian measures are fixed (their figures come from code in other modules); their
 * names, unit, target, at-risk threshold, order and display are data. A change is audited with the
 * fields it changed and announced as 'statistics.changed', so open cockpits and big screens re-read.
 */

interface Row {
  code: PlanTargetSetting['code'];
  name_zh: string;
  name_en: string;
  source_zh: string;
  source_en: string;
  unit: string;
  target: number;
  at_risk: number;
  position: number;
  active: boolean;
  updated_at: Date | null;
  updated_by: string | null;
}

async function readTargets(q: Queryable, code?: string): Promise<PlanTargetSetting[]> {
  const { rows } = await q.query<Row>(
    `SELECT t.code, t.name_zh, t.name_en, t.source_zh, t.source_en, t.unit, t.target::float8 AS target,
            t.at_risk::float8 AS at_risk, t.position, t.active, t.updated_at, u.display_name AS updated_by
       FROM cockpit_plan_targets t LEFT JOIN users u ON u.id = t.updated_by
      WHERE $1::text IS NULL OR t.code = $1
      ORDER BY t.position, t.code`,
    [code ?? null],
  );
  return rows.map((r) => ({
    id: r.code,
    code: r.code,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    sourceZh: r.source_zh,
    sourceEn: r.source_en,
    unit: r.unit,
    target: r.target,
    atRisk: r.at_risk,
    position: r.position,
    active: r.active,
    updatedAt: r.updated_at?.toISOString() ?? null,
    updatedBy: r.updated_by,
  }));
}

const auditedFields = [
  'nameZh',
  'nameEn',
  'unit',
  'target',
  'atRisk',
  'position',
  'active',
] as const satisfies readonly (keyof PlanTargetSettingInput)[];

const tags = ['cockpit'];

export function registerPlanTargetSettingRoutes(
  app: FastifyInstance,
  deps: { db: Db; clock: Clock; events: EventBus },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock, events } = deps;

  api.get(
    '/api/v1/cockpit/plan-targets',
    {
      config: { access: 'stats:read' },
      schema: {
        tags,
        summary: 'The plan’s other targets tracked on the cockpit, as defined (shown or not)',
        response: { 200: z.object({ items: z.array(planTargetSettingSchema) }) },
      },
    },
    async () => ({ items: await readTargets(db) }),
  );

  api.put(
    '/api/v1/cockpit/plan-targets/:code',
    {
      config: { access: 'registry:configure', audit: 'cockpit.plan_target_set' },
      schema: {
        tags,
        summary: 'Change a target’s names, unit, target, at-risk threshold, order or display',
        params: z.object({ code: planTargetCodeSchema }),
        body: planTargetSettingInputSchema,
        response: { 200: planTargetSettingSchema },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      const { code } = request.params;
      const input = request.body;
      const problem = planTargetInputProblem(code, input);
      if (problem) throw new DomainError(problem);
      return inTransactionWithEvents(db, events, async (tx, published) => {
        const [before] = await readTargets(tx, code);
        if (!before) throw new DomainError('statistics.plan_target_not_found');
        await tx.query(
          `UPDATE cockpit_plan_targets
              SET name_zh = $2, name_en = $3, unit = $4, target = $5, at_risk = $6, position = $7, active = $8,
                  updated_by = $9, updated_at = $10
            WHERE code = $1`,
          [
            code,
            input.nameZh,
            input.nameEn,
            input.unit,
            input.target,
            input.atRisk,
            input.position,
            input.active,
            auth.userId,
            clock.now(),
          ],
        );
        request.auditDetail = `${code}: ${describeChanges(before, input, auditedFields)}`;
        published.publish('statistics.changed', { divisionCode: null });
        const [after] = await readTargets(tx, code);
        return after!;
      });
    },
  );
}
