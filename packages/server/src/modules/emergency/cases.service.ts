import { DomainError, type EmergencyCaseInput } from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { assertMayWrite } from './emergency-scope.ts';
import { toCaseWrite, type CasesRepository } from './cases.repository.ts';
import type { IncidentsRepository } from './incidents.repository.ts';

export function createCasesService(deps: {
  db: Db;
  clock: Clock;
  cases: CasesRepository;
  incidents: IncidentsRepository;
}) {
  const { db, clock, cases, incidents } = deps;

  async function checked(auth: AuthContext, input: EmergencyCaseInput) {
    assertMayWrite(auth.scope, input.county);
    if (input.incidentId && !(await incidents.find(input.incidentId, auth.scope)))
      throw new DomainError('emergency.linked_record_not_found', {
        fields: [{ path: 'incidentId', code: 'not_found', message: input.incidentId }],
      });
    return toCaseWrite(input);
  }

  async function writable(auth: AuthContext, id: string) {
    const existing = await cases.find(id, auth.scope);
    if (!existing) throw new DomainError('emergency.case_not_found');
    assertMayWrite(auth.scope, existing.county);
  }

  return {
    list: (
      auth: AuthContext,
      filter: Parameters<CasesRepository['list']>[1],
      page: { page: number; pageSize: number },
    ) => cases.list(auth.scope, filter, page),

    async get(auth: AuthContext, id: string) {
      const found = await cases.find(id, auth.scope);
      if (!found) throw new DomainError('emergency.case_not_found');
      return found;
    },

    async create(auth: AuthContext, input: EmergencyCaseInput) {
      const id = await cases.insert(db, await checked(auth, input), false, clock.now());
      return (await cases.find(id, auth.scope))!;
    },

    async replace(auth: AuthContext, id: string, input: EmergencyCaseInput) {
      await writable(auth, id);
      await cases.update(id, await checked(auth, input), clock.now());
      return (await cases.find(id, auth.scope))!;
    },

    async remove(auth: AuthContext, id: string) {
      await writable(auth, id);
      await cases.remove(id);
    },
  };
}

export type CasesService = ReturnType<typeof createCasesService>;
