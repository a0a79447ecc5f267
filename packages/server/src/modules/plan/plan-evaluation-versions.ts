import {
  DomainError,
  type EvaluationAuthorText,
  type EvaluationKind,
  type EvaluationVersion,
  type EvaluationVersionCreate,
} from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db, type Queryable } from '../../platform/db.ts';
import type { IndicatorSource } from '../statistics/index.ts';
import type { AssessmentService } from './assessment.service.ts';
import { draftEvaluation } from './plan-evaluation.ts';
import type { PlanService } from './plan.service.ts';

interface VersionRow {
  id: string;
  plan_id: string;
  kind: EvaluationKind;
  year: number;
  version: number;
  note: string;
  overall: string;
  problems: string;
  next_steps: string;
  created_by: string;
  created_at: Date;
  size: number;
}

const versionSelect = `SELECT v.id, v.plan_id, v.kind, v.year, v.version, v.note, v.overall, v.problems, v.next_steps,
         u.display_name AS created_by, v.created_at, octet_length(v.docx)::int AS size
    FROM plan_evaluation_versions v JOIN users u ON u.id = v.created_by`;

function toVersion(row: VersionRow): EvaluationVersion {
  return {
    id: row.id,
    planId: row.plan_id,
    kind: row.kind,
    year: row.year,
    version: row.version,
    note: row.note,
    text: { overall: row.overall, problems: row.problems, nextSteps: row.next_steps },
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    size: row.size,
  };
}

const emptyText: EvaluationAuthorText = { overall: '', problems: '', nextSteps: '' };

/** The authors' text of the newest version of a plan's report of this kind (carried into the next). */
async function latestText(source: Queryable, planId: string, kind: EvaluationKind) {
  const rows = await source.query<Pick<VersionRow, 'overall' | 'problems' | 'next_steps'>>(
    `SELECT overall, problems, next_steps FROM plan_evaluation_versions
      WHERE plan_id = $1 AND kind = $2 ORDER BY version DESC LIMIT 1`,
    [planId, kind],
  );
  const row = rows.rows[0];
  return row ? { overall: row.overall, problems: row.problems, nextSteps: row.next_steps } : null;
}

/**
 * Saved versions of the mid-term and final evaluation reports (issue 14): each keeps the authors'
 * text and the DOCX exactly as generated; a version never changes once written. The figures are
 * regenerated from the data for every new version, the authors' text carried forward unless given.
 */
export function createEvaluationVersions(deps: {
  db: Db;
  clock: Clock;
  service: PlanService;
  assessments: AssessmentService;
  indicators: IndicatorSource;
}) {
  const { db, clock } = deps;
  return {
    /** The draft generated now, with the newest saved version's text of this kind (if any). */
    async draft(planId: string, kind: EvaluationKind) {
      const text = await latestText(db, planId, kind);
      return draftEvaluation(deps, planId, kind, clock.now(), text ?? undefined);
    },

    /** The plan's versions, newest first (of one kind when asked); an unknown plan is refused. */
    async list(planId: string, kind?: EvaluationKind): Promise<EvaluationVersion[]> {
      await deps.service.plan(planId);
      const rows = await db.query<VersionRow>(
        `${versionSelect} WHERE v.plan_id = $1 AND ($2::text IS NULL OR v.kind = $2)
          ORDER BY v.created_at DESC, v.version DESC, v.id`,
        [planId, kind ?? null],
      );
      return rows.rows.map(toVersion);
    },

    /** Generates the report now and keeps it as the next version of its kind. */
    async save(planId: string, input: EvaluationVersionCreate, userId: string): Promise<EvaluationVersion> {
      const now = clock.now();
      const id = await inTransaction(db, async (tx) => {
        // One writer per plan at a time, so that version numbers follow 1, 2, … without a gap.
        const plan = await tx.query('SELECT id FROM plans WHERE id = $1 FOR UPDATE', [planId]);
        if (plan.rowCount === 0) throw new DomainError('plan.not_found');
        const text = input.text ?? (await latestText(tx, planId, input.kind)) ?? emptyText;
        const { body, year } = await draftEvaluation(deps, planId, input.kind, now, text);
        const rows = await tx.query<{ id: string }>(
          `INSERT INTO plan_evaluation_versions
             (plan_id, kind, year, version, note, overall, problems, next_steps, docx, created_by, created_at)
           SELECT $1, $2, $3, coalesce(max(version), 0) + 1, $4, $5, $6, $7, $8, $9, $10
             FROM plan_evaluation_versions WHERE plan_id = $1 AND kind = $2
           RETURNING id`,
          [
            planId,
            input.kind,
            year,
            input.note,
            text.overall,
            text.problems,
            text.nextSteps,
            body,
            userId,
            now,
          ],
        );
        return rows.rows[0]!.id;
      });
      const rows = await db.query<VersionRow>(`${versionSelect} WHERE v.id = $1`, [id]);
      return toVersion(rows.rows[0]!);
    },

    /** A version's DOCX, the bytes stored when it was saved. */
    async docx(id: string): Promise<{ version: EvaluationVersion; body: Buffer }> {
      const rows = await db.query<VersionRow & { docx: Buffer }>(
        `${versionSelect.replace('AS size', 'AS size, v.docx')} WHERE v.id = $1`,
        [id],
      );
      const row = rows.rows[0];
      if (!row) throw new DomainError('plan.evaluation_version_not_found');
      return { version: toVersion(row), body: row.docx };
    },
  };
}

export type EvaluationVersions = ReturnType<typeof createEvaluationVersions>;
