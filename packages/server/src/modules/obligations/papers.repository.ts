import type { DataScope, Page, ProjectStep } from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import { listPage } from '../../platform/sql-page.ts';
import { conditionsOf, containing } from './obligations-sql.ts';

export interface ApplicationRecord {
  id: string;
  number: string;
  enterpriseId: string;
  enterpriseName: string;
  county: string;
  licenceType: string;
  kind: 'new' | 'renewal' | 'change';
  step: 'submitted' | 'accepted' | 'reviewed' | 'decided';
  submittedOn: string;
  acceptedOn: string | null;
  reviewedOn: string | null;
  decidedOn: string | null;
  approved: boolean | null;
  licenceNumber: string | null;
  validUntil: string | null;
  notes: string | null;
  demo: boolean;
}

export interface ProjectRecord {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  county: string;
  name: string;
  nature: 'new' | 'rebuilt' | 'expanded';
  productionStartedOn: string | null;
  steps: {
    step: ProjectStep;
    passed: boolean;
    completedOn: string;
    agency: string | null;
    documents: string[];
    decision: string | null;
  }[];
  /** The latest recorded spot check of the project failed. */
  spotCheckFailed: boolean;
  demo: boolean;
}

const APPLICATION = `SELECT a.id, a.number, a.enterprise_id AS "enterpriseId", e.name AS "enterpriseName", a.county,
    a.licence_type AS "licenceType", a.kind, a.step, a.submitted_on::text AS "submittedOn", a.accepted_on::text AS "acceptedOn",
    a.reviewed_on::text AS "reviewedOn", a.decided_on::text AS "decidedOn", a.approved, a.licence_number AS "licenceNumber",
    a.valid_until::text AS "validUntil", a.notes, a.demo
  FROM obligation_licence_applications a JOIN enterprise_directory e ON e.id = a.enterprise_id`;

const PROJECT = `SELECT p.id, p.enterprise_id AS "enterpriseId", e.name AS "enterpriseName", p.county, p.name, p.nature,
    p.production_started_on::text AS "productionStartedOn", p.demo,
    (SELECT coalesce(json_agg(json_build_object('step', s.step, 'passed', s.passed, 'completedOn', s.completed_on::text,
        'agency', s.agency, 'documents', s.documents, 'decision', s.decision) ORDER BY s.created_at, s.id), '[]')
       FROM obligation_project_steps s WHERE s.project_id = p.id) AS steps,
    coalesce((SELECT i.result = 'fail' FROM obligation_spot_check_items i
       WHERE i.project_id = p.id AND i.result IS NOT NULL
       ORDER BY i.checked_on DESC, i.recorded_at DESC LIMIT 1), false) AS "spotCheckFailed"
  FROM obligation_projects p JOIN enterprise_directory e ON e.id = p.enterprise_id`;

export function createPapersRepository(db: Db) {
  return {
    async listApplications(
      scope: DataScope,
      filter: {
        county?: string | undefined;
        step?: string | undefined;
        q?: string | undefined;
        enterpriseId?: string | undefined;
      },
      page: { page: number; pageSize: number },
    ): Promise<Page<ApplicationRecord>> {
      const c = conditionsOf(scope, { county: 'a.county', enterprise: 'a.enterprise_id' });
      if (filter.enterpriseId) c.add((n) => `a.enterprise_id = $${n}::uuid`, filter.enterpriseId);
      if (filter.county) c.add((n) => `a.county = $${n}`, filter.county);
      if (filter.step) c.add((n) => `a.step = $${n}`, filter.step);
      if (filter.q) c.add((n) => `(e.name ILIKE $${n} OR a.number ILIKE $${n})`, containing(filter.q));
      return listPage(
        db,
        {
          select: APPLICATION,
          countFrom:
            'FROM obligation_licence_applications a JOIN enterprise_directory e ON e.id = a.enterprise_id',
          where: c.where(),
          orderBy: `a.step = 'decided', a.submitted_on DESC, a.id`,
          params: c.params,
        },
        page,
        (row: ApplicationRecord) => row,
      );
    },

    async findApplication(
      id: string,
      scope: DataScope,
      source: Queryable = db,
    ): Promise<ApplicationRecord | null> {
      const c = conditionsOf(scope, { county: 'a.county', enterprise: 'a.enterprise_id' });
      c.add((n) => `a.id = $${n}::uuid`, id);
      const rows = await source.query<ApplicationRecord>(`${APPLICATION} WHERE ${c.where()}`, c.params);
      return rows.rows[0] ?? null;
    },

    async insertApplication(
      source: Queryable,
      data: Pick<
        ApplicationRecord,
        'enterpriseId' | 'county' | 'licenceType' | 'kind' | 'submittedOn' | 'notes'
      >,
      demo: boolean,
      at: Date,
    ): Promise<string> {
      const year = data.submittedOn.slice(0, 4);
      // One numbering per year: 许申〔2026〕7号; the lock keeps two submissions from taking one number.
      await source.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`obligation-licence-${year}`]);
      const next = await source.query<{ n: number }>(
        `SELECT count(*)::int + 1 AS n FROM obligation_licence_applications WHERE number LIKE $1`,
        [`许申〔${year}〕%`],
      );
      const rows = await source.query<{ id: string }>(
        `INSERT INTO obligation_licence_applications (number, enterprise_id, county, licence_type, kind, step, submitted_on, notes,
           demo, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 'submitted', $6, $7, $8, $9, $9) RETURNING id`,
        [
          `许申〔${year}〕${next.rows[0]!.n}号`,
          data.enterpriseId,
          data.county,
          data.licenceType,
          data.kind,
          data.submittedOn,
          data.notes,
          demo,
          at,
        ],
      );
      return rows.rows[0]!.id;
    },

    async lockApplication(source: Queryable, id: string): Promise<string | null> {
      const rows = await source.query<{ step: string }>(
        'SELECT step FROM obligation_licence_applications WHERE id = $1 FOR UPDATE',
        [id],
      );
      return rows.rows[0]?.step ?? null;
    },

    async recordStep(
      source: Queryable,
      id: string,
      step: 'accepted' | 'reviewed' | 'decided',
      data: {
        on: string;
        approved: boolean | null;
        licenceNumber: string | null;
        validUntil: string | null;
        notes: string | null;
      },
      at: Date,
    ): Promise<void> {
      const column = { accepted: 'accepted_on', reviewed: 'reviewed_on', decided: 'decided_on' }[step];
      await source.query(
        `UPDATE obligation_licence_applications SET step = $2, ${column} = $3, approved = coalesce($4, approved),
           licence_number = coalesce($5, licence_number), valid_until = coalesce($6, valid_until),
           notes = coalesce($7, notes), updated_at = $8 WHERE id = $1`,
        [id, step, data.on, data.approved, data.licenceNumber, data.validUntil, data.notes, at],
      );
    },

    async listProjects(
      scope: DataScope,
      filter: { county?: string | undefined; q?: string | undefined; enterpriseId?: string | undefined },
      page: { page: number; pageSize: number },
    ): Promise<Page<ProjectRecord>> {
      const c = conditionsOf(scope, { county: 'p.county', enterprise: 'p.enterprise_id' });
      if (filter.enterpriseId) c.add((n) => `p.enterprise_id = $${n}::uuid`, filter.enterpriseId);
      if (filter.county) c.add((n) => `p.county = $${n}`, filter.county);
      if (filter.q) c.add((n) => `(p.name ILIKE $${n} OR e.name ILIKE $${n})`, containing(filter.q));
      return listPage(
        db,
        {
          select: PROJECT,
          countFrom: 'FROM obligation_projects p JOIN enterprise_directory e ON e.id = p.enterprise_id',
          where: c.where(),
          orderBy: 'p.created_at DESC, p.id',
          params: c.params,
        },
        page,
        (row: ProjectRecord) => row,
      );
    },

    async findProject(id: string, scope: DataScope, source: Queryable = db): Promise<ProjectRecord | null> {
      const c = conditionsOf(scope, { county: 'p.county', enterprise: 'p.enterprise_id' });
      c.add((n) => `p.id = $${n}::uuid`, id);
      const rows = await source.query<ProjectRecord>(`${PROJECT} WHERE ${c.where()}`, c.params);
      return rows.rows[0] ?? null;
    },

    async insertProject(
      source: Queryable,
      data: Pick<ProjectRecord, 'enterpriseId' | 'county' | 'name' | 'nature' | 'productionStartedOn'>,
      demo: boolean,
      at: Date,
    ): Promise<string> {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO obligation_projects (enterprise_id, county, name, nature, production_started_on, demo, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
        [data.enterpriseId, data.county, data.name, data.nature, data.productionStartedOn, demo, at],
      );
      return rows.rows[0]!.id;
    },

    async lockProject(source: Queryable, id: string): Promise<void> {
      await source.query('SELECT 1 FROM obligation_projects WHERE id = $1 FOR UPDATE', [id]);
    },

    async insertProjectStep(
      source: Queryable,
      projectId: string,
      step: ProjectRecord['steps'][number],
      by: string | null,
      at: Date,
    ): Promise<void> {
      await source.query(
        `INSERT INTO obligation_project_steps (project_id, step, passed, completed_on, agency, documents, decision, recorded_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          projectId,
          step.step,
          step.passed,
          step.completedOn,
          step.agency,
          step.documents,
          step.decision,
          by,
          at,
        ],
      );
    },
  };
}

export type PapersRepository = ReturnType<typeof createPapersRepository>;
