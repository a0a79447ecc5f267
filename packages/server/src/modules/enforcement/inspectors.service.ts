import { DomainError, type EnforcementCategoryInput, type InspectorInput } from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { EnterpriseLookup } from '../registry/index.ts';
import { CITY_CODE, isBureauOfficer, requireDivision } from './enforcement-scope.ts';
import type { InspectorsRepository } from './inspectors.repository.ts';

/** Managing the roster, conflicts and categories is the bureau's work, not the inspectors'. */
export function requireOfficer(auth: AuthContext): void {
  if (!isBureauOfficer(auth)) throw new DomainError('auth.forbidden');
}

const uniqueViolation = (error: unknown, constraint: string) =>
  typeof error === 'object' &&
  error !== null &&
  (error as { code?: string }).code === '23505' &&
  String((error as { constraint?: string }).constraint ?? '').includes(constraint);

export function createInspectorsService(deps: {
  clock: Clock;
  inspectors: InspectorsRepository;
  enterprises: EnterpriseLookup;
}) {
  const { clock, inspectors, enterprises } = deps;

  async function visible(auth: AuthContext, id: string) {
    const inspector = await inspectors.find(id, auth.scope);
    if (!inspector) throw new DomainError('enforcement.not_found');
    return inspector;
  }

  async function save(work: () => Promise<string>): Promise<string> {
    try {
      return await work();
    } catch (error) {
      if (uniqueViolation(error, 'certificate_no')) throw new DomainError('enforcement.certificate_exists');
      if (uniqueViolation(error, 'user_id')) throw new DomainError('enforcement.inspector_user_taken');
      if ((error as { code?: string }).code === '23503') throw new DomainError('enforcement.not_found');
      throw error;
    }
  }

  return {
    categories: () => inspectors.categories(),

    async createCategory(auth: AuthContext, input: EnforcementCategoryInput) {
      requireOfficer(auth);
      if (!(await inspectors.insertCategory(input))) throw new DomainError('enforcement.category_exists');
      return (await inspectors.categories()).find((c) => c.code === input.code)!;
    },

    async updateCategory(auth: AuthContext, code: string, input: Omit<EnforcementCategoryInput, 'code'>) {
      requireOfficer(auth);
      if (!(await inspectors.updateCategory(code, input))) throw new DomainError('enforcement.not_found');
      return (await inspectors.categories()).find((c) => c.code === code)!;
    },

    async assignCategory(auth: AuthContext, enterpriseId: string, categoryCode: string) {
      requireOfficer(auth);
      const enterprise = await enterprises.findById(enterpriseId, auth.scope);
      if (!enterprise) throw new DomainError('enterprise.not_found');
      if (!(await inspectors.categories()).some((c) => c.code === categoryCode && c.active))
        throw new DomainError('enforcement.category_unknown');
      await inspectors.assignCategory(enterpriseId, categoryCode, clock.now());
      return { enterpriseId, categoryCode };
    },

    list: (auth: AuthContext) => inspectors.list(auth.scope),
    get: (auth: AuthContext, id: string) => visible(auth, id),

    async create(auth: AuthContext, input: InspectorInput) {
      requireOfficer(auth);
      requireDivision(auth, input.county);
      const id = await save(() => inspectors.insert(input, clock.now()));
      return (await inspectors.find(id, null))!;
    },

    async update(auth: AuthContext, id: string, input: InspectorInput) {
      requireOfficer(auth);
      await visible(auth, id);
      requireDivision(auth, input.county);
      await save(async () => {
        await inspectors.update(id, input, clock.now());
        return id;
      });
      return (await inspectors.find(id, null))!;
    },

    async declareConflict(auth: AuthContext, id: string, input: { enterpriseId: string; relation: string }) {
      const inspector = await visible(auth, id);
      // Only an enterprise the caller may see (else: no such enterprise, as for an unknown id), and
      // one the inspector's roster serves: a county's inspectors work in their county only.
      const enterprise = await enterprises.findById(input.enterpriseId, auth.scope);
      if (!enterprise) throw new DomainError('enterprise.not_found');
      if (inspector.county !== CITY_CODE && inspector.county !== enterprise.county)
        throw new DomainError('enforcement.conflict_outside_division');
      const inserted = await inspectors.insertConflict(id, input.enterpriseId, input.relation, clock.now());
      if (!inserted) throw new DomainError('enforcement.conflict_exists');
      return (await inspectors.find(id, null))!;
    },

    async withdrawConflict(auth: AuthContext, id: string, conflictId: string) {
      requireOfficer(auth);
      await visible(auth, id);
      if (!(await inspectors.deleteConflict(id, conflictId))) throw new DomainError('enforcement.not_found');
      return (await inspectors.find(id, null))!;
    },
  };
}

export type InspectorsService = ReturnType<typeof createInspectorsService>;
