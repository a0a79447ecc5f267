import {
  chinaDate,
  chinaHolidayCalendar,
  defaultLicenceTypes,
  DomainError,
  licenceDeadlines,
  nextLicenceStep,
  projectProgress,
  projectStepProblem,
  type HolidayCalendar,
  type LicenceApplication,
  type LicenceApplicationInput,
  type LicenceStepInput,
  type Project,
  type ProjectInput,
  type ProjectStepInput,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import { scopeAllows } from '../../platform/scope-sql.ts';
import type { EnterpriseLookup } from '../registry/index.ts';
import type { ApplicationRecord, PapersRepository, ProjectRecord } from './papers.repository.ts';

type PageRequest = { page: number; pageSize: number };

/** Licence applications walking their steps, and construction projects through 三同时. */
export function createPapersService(deps: {
  db: Db;
  clock: Clock;
  papers: PapersRepository;
  enterprises: EnterpriseLookup;
  calendar?: HolidayCalendar;
}) {
  const { db, clock, papers, enterprises } = deps;
  const calendar = deps.calendar ?? chinaHolidayCalendar;
  const today = () => chinaDate(clock.now());

  function presentApplication(r: ApplicationRecord): LicenceApplication {
    const d = licenceDeadlines(r.licenceType, r, calendar);
    const day = today();
    const overdue =
      (r.step === 'submitted' && day > d.acceptBy) ||
      (r.step !== 'decided' && r.step !== 'submitted' && day > d.decideBy) ||
      (r.step === 'decided' && !!r.decidedOn && r.decidedOn > d.decideBy);
    return {
      ...r,
      acceptBy: d.acceptBy,
      decideBy: d.decideBy,
      workingDays: { accept: d.limits.acceptWorkingDays, decide: d.limits.decideWorkingDays },
      provisional: d.provisional,
      overdue,
      nextStep: nextLicenceStep(r.step),
    };
  }

  function presentProject(r: ProjectRecord): Project {
    return { ...r, ...projectProgress(r.steps, r.productionStartedOn) };
  }

  async function enterpriseFor(auth: AuthContext, id: string) {
    const enterprise = await enterprises.findById(id, auth.scope);
    if (!enterprise) throw new DomainError('enterprise.not_found');
    return enterprise;
  }

  return {
    async listApplications(
      auth: AuthContext,
      filter: Parameters<PapersRepository['listApplications']>[1],
      page: PageRequest,
    ) {
      const result = await papers.listApplications(auth.scope, filter, page);
      return { ...result, items: result.items.map(presentApplication) };
    },

    async getApplication(auth: AuthContext, id: string) {
      const record = await papers.findApplication(id, auth.scope);
      if (!record) throw new DomainError('obligations.application_not_found');
      return presentApplication(record);
    },

    async apply(auth: AuthContext, input: LicenceApplicationInput) {
      if (!defaultLicenceTypes.some((t) => t.code === input.licenceType))
        throw new DomainError('obligations.licence_type_unknown');
      const enterprise = await enterpriseFor(auth, input.enterpriseId);
      const id = await inTransaction(db, (tx) =>
        papers.insertApplication(
          tx,
          { ...input, county: enterprise.county, notes: input.notes ?? null },
          false,
          clock.now(),
        ),
      );
      return presentApplication((await papers.findApplication(id, auth.scope))!);
    },

    /** The next step, in order, dated no earlier than the one before. */
    async step(auth: AuthContext, id: string, input: LicenceStepInput) {
      const record = await papers.findApplication(id, auth.scope);
      if (!record || !scopeAllows(auth.scope, record.county, record.enterpriseId))
        throw new DomainError('obligations.application_not_found');
      await inTransaction(db, async (tx) => {
        const step = await papers.lockApplication(tx, id);
        if (nextLicenceStep(step as ApplicationRecord['step']) !== input.step)
          throw new DomainError('obligations.step_out_of_order');
        const previous = record.reviewedOn ?? record.acceptedOn ?? record.submittedOn;
        if (input.on < previous) throw new DomainError('obligations.step_before_previous');
        const decided = input.step === 'decided';
        await papers.recordStep(
          tx,
          id,
          input.step,
          {
            on: input.on,
            approved: decided ? (input.approved ?? null) : null,
            licenceNumber: decided ? (input.licenceNumber ?? null) : null,
            validUntil: decided ? (input.validUntil ?? null) : null,
            notes: input.notes ?? null,
          },
          clock.now(),
        );
      });
      return presentApplication((await papers.findApplication(id, auth.scope))!);
    },

    async listProjects(
      auth: AuthContext,
      filter: Parameters<PapersRepository['listProjects']>[1],
      page: PageRequest,
    ) {
      const result = await papers.listProjects(auth.scope, filter, page);
      return { ...result, items: result.items.map(presentProject) };
    },

    async getProject(auth: AuthContext, id: string) {
      const record = await papers.findProject(id, auth.scope);
      if (!record) throw new DomainError('obligations.project_not_found');
      return presentProject(record);
    },

    async createProject(auth: AuthContext, input: ProjectInput) {
      const enterprise = await enterpriseFor(auth, input.enterpriseId);
      const id = await papers.insertProject(
        db,
        { ...input, county: enterprise.county, productionStartedOn: input.productionStartedOn ?? null },
        false,
        clock.now(),
      );
      return presentProject((await papers.findProject(id, auth.scope))!);
    },

    async recordProjectStep(auth: AuthContext, id: string, input: ProjectStepInput) {
      const record = await papers.findProject(id, auth.scope);
      if (!record || !scopeAllows(auth.scope, record.county, record.enterpriseId))
        throw new DomainError('obligations.project_not_found');
      await inTransaction(db, async (tx) => {
        await papers.lockProject(tx, id);
        const current = (await papers.findProject(id, auth.scope, tx))!;
        if (projectProgress(current.steps, null).complete)
          throw new DomainError('obligations.project_complete');
        const problem = projectStepProblem(current.steps, input.step, input.completedOn);
        if (problem === 'out_of_order') throw new DomainError('obligations.step_out_of_order');
        if (problem) throw new DomainError('obligations.step_before_previous');
        await papers.insertProjectStep(
          tx,
          id,
          {
            step: input.step,
            passed: input.passed,
            completedOn: input.completedOn,
            agency: input.agency ?? null,
            documents: input.documents,
            decision: input.decision ?? null,
          },
          auth.userId,
          clock.now(),
        );
      });
      return presentProject((await papers.findProject(id, auth.scope))!);
    },
  };
}

export type PapersService = ReturnType<typeof createPapersService>;
