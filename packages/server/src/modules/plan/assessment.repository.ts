import { rankAssessment, type AssessmentItem } from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';

interface UnitRow {
  organisation_id: string;
  name: string;
  scores: Record<string, number>;
  veto: string | null;
  comment: string;
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
      }>(
        `SELECT s.id, s.year, s.name, s.demo, count(u.*)::int AS units, count(u.scored_at)::int AS scored
           FROM plan_assessments s LEFT JOIN plan_assessment_units u ON u.assessment_id = s.id
          GROUP BY s.id ORDER BY s.year DESC, s.name, s.id`,
      );
      return rows.rows;
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

    /** The assessment with its units ranked; null when there is none. */
    async find(source: Queryable, id: string) {
      const head = await source.query<{
        id: string;
        year: number;
        name: string;
        items: AssessmentItem[];
        demo: boolean;
      }>('SELECT id, year, name, items, demo FROM plan_assessments WHERE id = $1', [id]);
      const assessment = head.rows[0];
      if (!assessment) return null;
      const units = await source.query<UnitRow>(
        `SELECT u.organisation_id, o.name, u.scores, u.veto, u.comment FROM plan_assessment_units u
           JOIN organisations o ON o.id = u.organisation_id WHERE u.assessment_id = $1 ORDER BY o.code`,
        [id],
      );
      const byId = new Map(units.rows.map((row) => [row.organisation_id, row]));
      const ranked = rankAssessment(
        assessment.items,
        units.rows.map((row) => ({
          organisationId: row.organisation_id,
          scores: row.scores,
          veto: row.veto,
        })),
      );
      return {
        ...assessment,
        units: ranked.map((unit) => {
          const row = byId.get(unit.organisationId)!;
          return { ...unit, organisationName: row.name, comment: row.comment, scores: row.scores };
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
  };
}

export type AssessmentRepository = ReturnType<typeof createAssessmentRepository>;
