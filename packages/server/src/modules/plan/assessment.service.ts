import {
  DomainError,
  assessmentTotal,
  scoreWithinItem,
  vetoAccidentLevels,
  vetoReportingFindings,
  type AssessmentCreate,
  type AssessmentDetail,
  type AssessmentScores,
  type DataScope,
  type SelfAssessment,
  type SelfAssessmentInput,
} from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db, type Queryable } from '../../platform/db.ts';
import type { Notifier } from '../notifications/index.ts';
import type { AccidentRecords } from '../statistics/index.ts';
import type { UploadLookup } from '../uploads/index.ts';
import type { AssessmentRepository } from './assessment.repository.ts';
import { membersOf } from './plan-members.ts';
import type { PlanViewer } from './plan-viewer.ts';

type Ranked = NonNullable<Awaited<ReturnType<AssessmentRepository['find']>>>;
type SelfRow = Awaited<ReturnType<AssessmentRepository['selfScores']>>[number];

/** A unit's self-scores gathered from its rows (the latest submission names who and when). */
function selfAssessmentOf(items: Ranked['items'], rows: readonly SelfRow[]): SelfAssessment {
  const last = rows.reduce((a, b) => (b.submittedAt > a.submittedAt ? b : a));
  return {
    total: assessmentTotal(items, Object.fromEntries(rows.map((r) => [r.code, r.score]))),
    items: Object.fromEntries(
      rows.map((r) => [r.code, { score: r.score, comment: r.comment, evidence: r.evidence }]),
    ),
    submittedBy: last.submittedBy,
    submittedAt: last.submittedAt.toISOString(),
  };
}

/**
 * The yearly target-responsibility assessment: a scheme of items (100 points); the units assessed
 * self-assess (自评) first, the 安委办 scores them (which locks the unit's self-assessment), ranks
 * them and publishes the results (通报), after which no score changes.
 */
export function createAssessmentService(deps: {
  db: Db;
  clock: Clock;
  assessments: AssessmentRepository;
  accidents: AccidentRecords;
  uploads: UploadLookup;
  notifications: Notifier;
}) {
  const { db, clock, assessments, uploads, notifications } = deps;
  /** The year's 较大-or-worse accidents and those found 瞒报/谎报, from the statistics (the automatic vetoes). */
  const vetoRecords = async (year: number) => {
    const [larger, found] = await Promise.all([
      deps.accidents.ofYear(year, vetoAccidentLevels),
      deps.accidents.foundOfYear(year, vetoReportingFindings),
    ]);
    return [...larger, ...found];
  };
  const findIn = (source: Queryable, id: string) => assessments.find(source, id, vetoRecords);

  /** The ranking on the assessors' scores, every unit and no self-assessment (the notice, the report). */
  async function find(id: string) {
    const found = await findIn(db, id);
    if (!found) throw new DomainError('plan.assessment_not_found');
    return found;
  }

  /** The ranking with the self-assessments the viewer may see and what the viewer may do. */
  async function detail(viewer: PlanViewer, id: string): Promise<AssessmentDetail> {
    const found = await find(id);
    const own = await assessments.unitsOf(db, viewer, id);
    const rows = await assessments.selfScores(db, viewer, id);
    const open = found.publishedAt === null;
    const unscored = found.units.some((u) => u.scoredAt === null);
    return {
      ...found,
      allowedActions: viewer.manage && open && !unscored ? ['publish'] : [],
      units: found.units.map((unit) => {
        const mine = rows.filter((row) => row.organisationId === unit.organisationId);
        const selfAssesses = !viewer.manage && own.has(unit.organisationId) && unit.scoredAt === null;
        return {
          ...unit,
          selfAssessment: mine.length ? selfAssessmentOf(found.items, mine) : null,
          allowedActions: !open ? [] : viewer.manage ? ['score'] : selfAssesses ? ['self_assess'] : [],
        };
      }),
    };
  }

  return {
    list: () => assessments.list(),
    find,
    detail,

    async create(viewer: PlanViewer, input: AssessmentCreate) {
      const total = input.items.reduce((sum, item) => sum + Math.round(item.maxScore * 10), 0);
      if (total !== 1000) throw new DomainError('plan.assessment_weights');
      const units = [...new Set(input.organisationIds)];
      const id = await inTransaction(db, async (tx) => {
        if ((await assessments.countOrganisations(tx, units)) !== units.length)
          throw new DomainError('plan.organisation_not_found');
        const created = await assessments.insert(
          tx,
          { ...input, organisationIds: units },
          viewer.userId,
          clock.now(),
        );
        if (!created) throw new DomainError('plan.assessment_exists');
        return created;
      });
      return detail(viewer, id);
    },

    /** The 安委办 scores a unit; refused once the results are published. */
    async score(viewer: PlanViewer, id: string, input: AssessmentScores) {
      await inTransaction(db, async (tx) => {
        const head = await assessments.lockAssessment(tx, id, 'share');
        if (!head) throw new DomainError('plan.assessment_not_found');
        if (head.publishedAt) throw new DomainError('plan.assessment_published');
        const { items } = (await findIn(tx, id))!;
        for (const [code, score] of Object.entries(input.scores)) {
          const item = items.find((i) => i.code === code);
          if (!item || !scoreWithinItem(item, score)) throw new DomainError('plan.score_out_of_range');
        }
        const stored = await assessments.score(
          tx,
          id,
          input.organisationId,
          input,
          viewer.userId,
          clock.now(),
        );
        if (!stored) throw new DomainError('plan.unit_not_assessed');
      });
      return detail(viewer, id);
    },

    /**
     * A unit's own account self-assesses items (score, comment, evidence). Another unit's row is
     * 404 like any record out of scope; once the assessors scored the unit or the results are
     * published the self-assessment is locked (409).
     */
    async selfAssess(
      viewer: PlanViewer,
      scope: DataScope,
      id: string,
      organisationId: string,
      input: SelfAssessmentInput,
    ) {
      await inTransaction(db, async (tx) => {
        const unit = viewer.manage ? null : await assessments.lockUnit(tx, viewer, id, organisationId);
        if (!unit) throw new DomainError('plan.assessment_unit_not_found');
        if (unit.publishedAt || unit.scoredAt) throw new DomainError('plan.self_assessment_locked');
        for (const entry of input.items) {
          const item = unit.items.find((i) => i.code === entry.code);
          if (!item) throw new DomainError('plan.assessment_item_unknown');
          if (!scoreWithinItem(item, entry.score)) throw new DomainError('plan.self_score_out_of_range');
          for (const upload of entry.evidence)
            if (!(await uploads.find(upload, scope))) throw new DomainError('plan.evidence_not_found');
        }
        await assessments.saveSelfScores(tx, id, organisationId, input.items, viewer.userId, clock.now());
      });
      return detail(viewer, id);
    },

    /**
     * The 安委办 sets a unit's automatic veto aside with a written reason (reason null: restores
     * it). Refused once published (409), when the unit has no automatic veto (409), or when
     * restoring a veto not set aside (409); the route audits both.
     */
    async overrideVeto(viewer: PlanViewer, id: string, organisationId: string, reason: string | null) {
      await inTransaction(db, async (tx) => {
        const head = await assessments.lockAssessment(tx, id, 'share');
        if (!head) throw new DomainError('plan.assessment_not_found');
        if (head.publishedAt) throw new DomainError('plan.assessment_published');
        const unit = (await findIn(tx, id))!.units.find((u) => u.organisationId === organisationId);
        if (!unit) throw new DomainError('plan.assessment_unit_not_found');
        if (reason !== null && !unit.autoVeto) throw new DomainError('plan.veto_not_automatic');
        if (reason === null && !unit.vetoOverride) throw new DomainError('plan.veto_not_overridden');
        await assessments.overrideVeto(tx, id, organisationId, reason, viewer.userId, clock.now());
      });
      return detail(viewer, id);
    },

    /** Publishes the results (通报) once every unit is scored; the units' accounts are notified. */
    async publish(viewer: PlanViewer, id: string) {
      const now = clock.now();
      await inTransaction(db, async (tx) => {
        const head = await assessments.lockAssessment(tx, id, 'update');
        if (!head) throw new DomainError('plan.assessment_not_found');
        if (head.publishedAt) throw new DomainError('plan.assessment_published');
        if (head.unscored > 0) throw new DomainError('plan.assessment_unscored');
        const live = (await findIn(tx, id))!;
        const vetoes = new Map(live.units.map((u) => [u.organisationId, u.autoVeto]));
        await assessments.publish(tx, id, vetoes, viewer.userId, now);
        const found = (await findIn(tx, id))!;
        for (const unit of found.units)
          await notifications.insertMany(
            tx,
            await membersOf(tx, unit.organisationId),
            {
              kind: 'plan.assessment_published',
              severity: 'info',
              title: { zh: '考核结果已通报', en: 'Assessment results published' },
              body: {
                zh: `${found.year}年${found.name}：第 ${unit.rank} 名，${unit.total} 分`,
                en: `${found.year} ${found.name}: rank ${unit.rank}, ${unit.total} points`,
              },
              link: '/plan/assessments',
              data: { assessmentId: id },
            },
            now,
          );
      });
      return detail(viewer, id);
    },
  };
}

export type AssessmentService = ReturnType<typeof createAssessmentService>;
