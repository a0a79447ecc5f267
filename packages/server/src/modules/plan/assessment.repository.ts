import {
  automaticVeto,
  effectiveVeto,
  rankAssessment,
  type AssessmentItem,
  type AutomaticVeto,
  type OrganisationKind,
  type VetoAccidentRecord,
} from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import { viewerUnitsCondition, type PlanViewer } from './plan-viewer.ts';

interface UnitRow {
  organisation_id: string;
  name: string;
  kind: OrganisationKind;
  division_code: string;
  scores: Record<string, number>;
  veto: string | null;
  auto_veto: AutomaticVeto | null;
  veto_override: string | null;
  override_by: string | null;
  veto_override_at: Date | null;
  comment: string;
  scored_at: Date | null;
}

/**
 * The accident records the automatic vetoes of an open assessment read (statistics' port); null
 * once the results are published, when the vetoes fixed then are read instead.
 */
export type VetoRecordsOf = (year: number) => Promise<readonly VetoAccidentRecord[]>;

/** A unit of an assessment as the one writing to it sees it (locked for the transaction). */
export interface LockedUnit {
  items: AssessmentItem[];
  publishedAt: Date | null;
  scoredAt: Date | null;
}

export function createAssessmentRepository(db: Db) {
  return {
    async list() {
      const rows = await db.query<{
        id: string;
        year: number;
        name: string;
        units: number;
        scored: number;
        demo: boolean;
        published_at: Date | null;
      }>(
        `SELECT s.id, s.year, s.name, s.demo, s.published_at, count(u.*)::int AS units, count(u.scored_at)::int AS scored
           FROM plan_assessments s LEFT JOIN plan_assessment_units u ON u.assessment_id = s.id
          GROUP BY s.id ORDER BY s.year DESC, s.name, s.id`,
      );
      return rows.rows.map(({ published_at, ...row }) => ({
        ...row,
        publishedAt: published_at?.toISOString() ?? null,
      }));
    },

    async insert(
      source: Queryable,
      input: {
        year: number;
        name: string;
        items: readonly AssessmentItem[];
        organisationIds: readonly string[];
      },
      by: string,
      at: Date,
      demo = false,
    ): Promise<string | null> {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO plan_assessments (year, name, items, created_by, created_at, demo) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (year, name) DO NOTHING RETURNING id`,
        [input.year, input.name, JSON.stringify(input.items), by, at, demo],
      );
      const id = rows.rows[0]?.id;
      if (!id) return null;
      await source.query(
        `INSERT INTO plan_assessment_units (assessment_id, organisation_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
        [id, input.organisationIds],
      );
      return id;
    },

    async countOrganisations(source: Queryable, ids: readonly string[]): Promise<number> {
      const rows = await source.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM organisations WHERE id = ANY ($1::uuid[])',
        [ids],
      );
      return rows.rows[0]!.n;
    },

    /**
     * The assessment with its units ranked; null when there is none. The automatic vetoes come
     * from `records` while the vetoes are not fixed (the results unpublished), else from the rows.
     */
    async find(source: Queryable, id: string, records: VetoRecordsOf) {
      const head = await source.query<{
        id: string;
        year: number;
        name: string;
        items: AssessmentItem[];
        demo: boolean;
        published_at: Date | null;
        vetoes_fixed_at: Date | null;
      }>(
        'SELECT id, year, name, items, demo, published_at, vetoes_fixed_at FROM plan_assessments WHERE id = $1',
        [id],
      );
      const assessment = head.rows[0];
      if (!assessment) return null;
      const units = await source.query<UnitRow>(
        `SELECT u.organisation_id, o.name, o.kind, o.division_code, u.scores, u.veto, u.auto_veto,
                u.veto_override, r.display_name AS override_by, u.veto_override_at, u.comment, u.scored_at
           FROM plan_assessment_units u JOIN organisations o ON o.id = u.organisation_id
           LEFT JOIN users r ON r.id = u.veto_override_by
          WHERE u.assessment_id = $1 ORDER BY o.code`,
        [id],
      );
      const fixed = assessment.vetoes_fixed_at !== null;
      const accidents = fixed ? [] : await records(assessment.year);
      const autoOf = new Map(
        units.rows.map((row) => [
          row.organisation_id,
          fixed
            ? row.auto_veto
            : automaticVeto({ kind: row.kind, divisionCode: row.division_code }, assessment.year, accidents),
        ]),
      );
      const byId = new Map(units.rows.map((row) => [row.organisation_id, row]));
      const ranked = rankAssessment(
        assessment.items,
        units.rows.map((row) => ({
          organisationId: row.organisation_id,
          scores: row.scores,
          veto: effectiveVeto(row.veto, autoOf.get(row.organisation_id) ?? null, row.veto_override),
        })),
      );
      return {
        id: assessment.id,
        year: assessment.year,
        name: assessment.name,
        items: assessment.items,
        demo: assessment.demo,
        publishedAt: assessment.published_at?.toISOString() ?? null,
        units: ranked.map((unit) => {
          const row = byId.get(unit.organisationId)!;
          return {
            ...unit,
            organisationName: row.name,
            manualVeto: row.veto,
            autoVeto: autoOf.get(unit.organisationId) ?? null,
            vetoOverride:
              row.veto_override && row.veto_override_at
                ? {
                    reason: row.veto_override,
                    by: row.override_by ?? '',
                    at: row.veto_override_at.toISOString(),
                  }
                : null,
            comment: row.comment,
            scores: row.scores,
            scoredAt: row.scored_at?.toISOString() ?? null,
          };
        }),
      };
    },

    /** Stores a unit's scores; false when the unit is not part of the assessment. */
    async score(
      source: Queryable,
      id: string,
      organisationId: string,
      input: { scores: Record<string, number>; veto: string | null; comment: string },
      by: string,
      at: Date,
    ): Promise<boolean> {
      const rows = await source.query(
        `UPDATE plan_assessment_units SET scores = $3, veto = $4, comment = $5, scored_by = $6, scored_at = $7
          WHERE assessment_id = $1 AND organisation_id = $2`,
        [id, organisationId, JSON.stringify(input.scores), input.veto, input.comment, by, at],
      );
      return (rows.rowCount ?? 0) > 0;
    },

    /**
     * Locks a unit's row of an assessment for its writer, and the assessment against publishing
     * (FOR SHARE); null when there is no such assessment, or the unit is not one of it or lies
     * outside the viewer's units.
     */
    async lockUnit(
      source: Queryable,
      viewer: PlanViewer,
      id: string,
      organisationId: string,
    ): Promise<LockedUnit | null> {
      const params: unknown[] = [id, organisationId];
      const scope = viewerUnitsCondition(viewer, 'u.organisation_id', params);
      const rows = await source.query<{
        items: AssessmentItem[];
        published_at: Date | null;
        scored_at: Date | null;
      }>(
        `SELECT a.items, a.published_at, u.scored_at FROM plan_assessments a
           JOIN plan_assessment_units u ON u.assessment_id = a.id
          WHERE a.id = $1 AND u.organisation_id = $2 AND ${scope}
          FOR UPDATE OF u FOR SHARE OF a`,
        params,
      );
      const row = rows.rows[0];
      return row ? { items: row.items, publishedAt: row.published_at, scoredAt: row.scored_at } : null;
    },

    /** Locks the assessment row (publishing, scoring); null when there is none. */
    async lockAssessment(
      source: Queryable,
      id: string,
      mode: 'share' | 'update',
    ): Promise<{ publishedAt: Date | null; unscored: number } | null> {
      const rows = await source.query<{ published_at: Date | null }>(
        `SELECT published_at FROM plan_assessments WHERE id = $1 ${mode === 'share' ? 'FOR SHARE' : 'FOR UPDATE'}`,
        [id],
      );
      const row = rows.rows[0];
      if (!row) return null;
      const unscored = await source.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM plan_assessment_units WHERE assessment_id = $1 AND scored_at IS NULL',
        [id],
      );
      return { publishedAt: row.published_at, unscored: unscored.rows[0]!.n };
    },

    /** Publishes the results, fixing each unit's automatic veto as it stands now. */
    async publish(
      source: Queryable,
      id: string,
      vetoes: ReadonlyMap<string, AutomaticVeto | null>,
      by: string,
      at: Date,
    ): Promise<void> {
      await source.query(
        'UPDATE plan_assessments SET published_at = $2, published_by = $3, vetoes_fixed_at = $2 WHERE id = $1',
        [id, at, by],
      );
      await source.query(
        `UPDATE plan_assessment_units u SET auto_veto = nullif(v.veto, 'null'::jsonb)
           FROM jsonb_to_recordset($2::jsonb) AS v (organisation_id uuid, veto jsonb)
          WHERE u.assessment_id = $1 AND u.organisation_id = v.organisation_id`,
        [id, JSON.stringify([...vetoes].map(([organisation_id, veto]) => ({ organisation_id, veto })))],
      );
    },

    /** Sets a unit's automatic veto aside with a reason (or restores it: reason null); false when no such unit. */
    async overrideVeto(
      source: Queryable,
      id: string,
      organisationId: string,
      reason: string | null,
      by: string,
      at: Date,
    ): Promise<boolean> {
      const rows = await source.query(
        `UPDATE plan_assessment_units SET veto_override = $3, veto_override_by = $4, veto_override_at = $5
          WHERE assessment_id = $1 AND organisation_id = $2`,
        [id, organisationId, reason, reason === null ? null : by, reason === null ? null : at],
      );
      return (rows.rowCount ?? 0) > 0;
    },

    /** Stores a unit's self-scores for the items given (the others keep what they had). */
    async saveSelfScores(
      source: Queryable,
      id: string,
      organisationId: string,
      items: readonly { code: string; score: number; comment: string; evidence: readonly string[] }[],
      by: string,
      at: Date,
    ): Promise<void> {
      await source.query(
        `INSERT INTO plan_assessment_self_scores
                (assessment_id, organisation_id, item_code, score, comment, evidence, submitted_by, submitted_at)
         SELECT $1, $2, i.code, i.score, i.comment, ARRAY(SELECT jsonb_array_elements_text(i.evidence))::uuid[], $4, $5
           FROM jsonb_to_recordset($3::jsonb) AS i (code text, score numeric, comment text, evidence jsonb)
         ON CONFLICT (assessment_id, organisation_id, item_code) DO UPDATE
            SET score = EXCLUDED.score, comment = EXCLUDED.comment, evidence = EXCLUDED.evidence,
                submitted_by = EXCLUDED.submitted_by, submitted_at = EXCLUDED.submitted_at`,
        [id, organisationId, JSON.stringify(items), by, at],
      );
    },

    /** The units of an assessment the viewer answers for (the 安委办: all of them). */
    async unitsOf(source: Queryable, viewer: PlanViewer, id: string): Promise<Set<string>> {
      const params: unknown[] = [id];
      const scope = viewerUnitsCondition(viewer, 'organisation_id', params);
      const rows = await source.query<{ organisation_id: string }>(
        `SELECT organisation_id FROM plan_assessment_units WHERE assessment_id = $1 AND ${scope}`,
        params,
      );
      return new Set(rows.rows.map((row) => row.organisation_id));
    },

    /** Self-scores of the units the viewer answers for, by unit and item. */
    async selfScores(source: Queryable, viewer: PlanViewer, id: string) {
      const params: unknown[] = [id];
      const scope = viewerUnitsCondition(viewer, 's.organisation_id', params);
      const rows = await source.query<{
        organisation_id: string;
        item_code: string;
        score: number;
        comment: string;
        evidence: string[];
        submitter: string;
        submitted_at: Date;
      }>(
        `SELECT s.organisation_id, s.item_code, s.score::float8 AS score, s.comment, s.evidence,
                u.display_name AS submitter, s.submitted_at
           FROM plan_assessment_self_scores s JOIN users u ON u.id = s.submitted_by
          WHERE s.assessment_id = $1 AND ${scope}
          ORDER BY s.organisation_id, s.submitted_at, s.item_code`,
        params,
      );
      return rows.rows.map((row) => ({
        organisationId: row.organisation_id,
        code: row.item_code,
        score: row.score,
        comment: row.comment,
        evidence: row.evidence,
        submittedBy: row.submitter,
        submittedAt: row.submitted_at,
      }));
    },
  };
}

export type AssessmentRepository = ReturnType<typeof createAssessmentRepository>;
