import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  indicatorCodeSchema,
  indicatorSettingInputSchema,
  indicatorSettingSchema,
  type IndicatorSetting,
  type IndicatorSettingInput,
} from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import { describeChanges } from '../../platform/describe-changes.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Queryable } from '../../platform/db.ts';
import { inTransactionWithEvents, type EventBus } from '../../platform/events/index.ts';

/**
 * The plan's indicators as the bureau edits them (statistics_indicators, migrations 0028, 0056, 0070):
 * every indicator, active or not, and one route that adds or changes one. A change is audited with
 * the fields it changed, and 'statistics.changed' (city-wide) drops every process's cached
 * definitions and figures, so the indicators page, the cockpit and the big screen recompute the
 * trajectory from the edited definition at once.
 */

interface Row {
  code: string;
  name_zh: string;
  name_en: string;
  unit: string;
  kind: IndicatorSetting['kind'];
  formula: IndicatorSetting['formula'];
  comparison: IndicatorSetting['comparison'];
  baseline_from: number;
  baseline_to: number;
  target_year: number;
  target_change: string;
  decimals: number;
  position: number;
  active: boolean;
  published_baseline: string | null;
  published_baseline_note: string | null;
  updated_at: Date | null;
  updated_by: string | null;
}

const toSetting = (r: Row): IndicatorSetting => ({
  id: r.code,
  code: r.code,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  unit: r.unit,
  kind: r.kind,
  formula: r.formula,
  comparison: r.comparison,
  baselineFrom: r.baseline_from,
  baselineTo: r.baseline_to,
  targetYear: r.target_year,
  targetChange: Number(r.target_change),
  decimals: r.decimals,
  position: r.position,
  active: r.active,
  publishedBaseline: r.published_baseline === null ? null : Number(r.published_baseline),
  publishedBaselineNote: r.published_baseline_note,
  updatedAt: r.updated_at?.toISOString() ?? null,
  updatedBy: r.updated_by,
});

export async function readSettings(q: Queryable, code?: string): Promise<IndicatorSetting[]> {
  const { rows } = await q.query<Row>(
    `SELECT i.*, u.display_name AS updated_by
       FROM statistics_indicators i LEFT JOIN users u ON u.id = i.updated_by
      WHERE $1::text IS NULL OR i.code = $1
      ORDER BY i.position, i.code`,
    [code ?? null],
  );
  return rows.map(toSetting);
}

const auditedFields = [
  'nameZh',
  'nameEn',
  'unit',
  'kind',
  'formula',
  'comparison',
  'baselineFrom',
  'baselineTo',
  'targetYear',
  'targetChange',
  'decimals',
  'position',
  'active',
  'publishedBaseline',
  'publishedBaselineNote',
] as const satisfies readonly (keyof IndicatorSettingInput)[];

const tags = ['statistics'];

export function registerIndicatorSettingRoutes(
  app: FastifyInstance,
  deps: { db: Db; clock: Clock; events: EventBus },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock, events } = deps;

  api.get(
    '/api/v1/statistics/indicator-settings',
    {
      config: { access: 'stats:read' },
      schema: {
        tags,
        summary: 'The plan’s indicators as defined (active or not), in their order',
        response: { 200: z.object({ items: z.array(indicatorSettingSchema) }) },
      },
    },
    async () => ({ items: await readSettings(db) }),
  );

  api.put(
    '/api/v1/statistics/indicator-settings/:code',
    {
      config: { access: 'registry:configure', audit: 'statistics.indicator_set' },
      schema: {
        tags,
        summary:
          'Add or change an indicator: formula and comparison rule chosen from those Anjian computes; the trajectory is recomputed from it',
        params: z.object({ code: indicatorCodeSchema }),
        body: indicatorSettingInputSchema,
        response: { 200: indicatorSettingSchema },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      const { code } = request.params;
      // A note is kept only with its figure: clearing the figure returns to the computed baseline.
      const input = {
        ...request.body,
        publishedBaselineNote:
          request.body.publishedBaseline === null ? null : request.body.publishedBaselineNote,
      };
      const saved = await inTransactionWithEvents(db, events, async (tx, published) => {
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`statistics_indicator:${code}`]);
        const [before] = await readSettings(tx, code);
        await tx.query(
          `INSERT INTO statistics_indicators
             (code, name_zh, name_en, unit, kind, formula, comparison, baseline_from, baseline_to, target_year,
              target_change, decimals, position, active, published_baseline, published_baseline_note,
              updated_by, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
           ON CONFLICT (code) DO UPDATE SET
             name_zh = excluded.name_zh, name_en = excluded.name_en, unit = excluded.unit, kind = excluded.kind,
             formula = excluded.formula, comparison = excluded.comparison, baseline_from = excluded.baseline_from,
             baseline_to = excluded.baseline_to, target_year = excluded.target_year,
             target_change = excluded.target_change, decimals = excluded.decimals, position = excluded.position,
             active = excluded.active, published_baseline = excluded.published_baseline,
             published_baseline_note = excluded.published_baseline_note, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
          [
            code,
            input.nameZh,
            input.nameEn,
            input.unit,
            input.kind,
            input.formula,
            input.comparison,
            input.baselineFrom,
            input.baselineTo,
            input.targetYear,
            input.targetChange,
            input.decimals,
            input.position,
            input.active,
            input.publishedBaseline,
            input.publishedBaselineNote,
            auth.userId,
            clock.now(),
          ],
        );
        // An indicator added is audited as "new".
        request.auditDetail = `${code}: ${before ? describeChanges(before, input, auditedFields) : 'new'}`;
        published.publish('statistics.changed', { divisionCode: null });
        const [after] = await readSettings(tx, code);
        return after!;
      });
      return saved;
    },
  );
}
