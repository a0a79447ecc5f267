import {
  chinaDate,
  DomainError,
  insuranceCoverage,
  parameterOn,
  type CoverageRow,
  type CoverageStatus,
  type ObligationParameters,
  type Policy,
  type PolicyInput,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import { scopeAllows } from '../../platform/scope-sql.ts';
import type { EnterpriseLookup } from '../registry/index.ts';
import type { InsuranceRepository, PolicyRecord } from './insurance.repository.ts';

const GAPS: readonly CoverageStatus[] = ['uninsured', 'below_minimum', 'expiring'];

export function createInsuranceService(deps: {
  db: Db;
  clock: Clock;
  policies: InsuranceRepository;
  enterprises: EnterpriseLookup;
  parameters: ObligationParameters;
}) {
  const { db, clock, policies, enterprises, parameters } = deps;
  const today = () => chinaDate(clock.now());

  const present = (r: PolicyRecord): Policy => ({
    ...r,
    belowMinimum: r.perPersonYuan < parameterOn(parameters.insuranceMinPerPersonYuan, r.startsOn),
  });

  return {
    async list(
      auth: AuthContext,
      filter: Parameters<InsuranceRepository['list']>[1],
      page: { page: number; pageSize: number },
    ) {
      const result = await policies.list(auth.scope, filter, page);
      return { ...result, items: result.items.map(present) };
    },

    async create(auth: AuthContext, input: PolicyInput) {
      const enterprise = await enterprises.findById(input.enterpriseId, auth.scope);
      if (!enterprise) throw new DomainError('enterprise.not_found');
      const id = await inTransaction(db, async (tx) => {
        if (await policies.numberTaken(input.policyNumber, tx))
          throw new DomainError('obligations.policy_number_taken');
        return policies.insert(tx, { ...input, county: enterprise.county }, false, clock.now());
      });
      return present((await policies.find(id, { kind: 'city' }))!);
    },

    async remove(auth: AuthContext, id: string) {
      const record = await policies.find(id, auth.scope);
      if (!record || !scopeAllows(auth.scope, record.county, record.enterpriseId))
        throw new DomainError('obligations.policy_not_found');
      await policies.remove(id);
    },

    /**
     * The coverage list: every operating enterprise of the mandatory sectors in the caller's scope
     * with its standing; `gaps` keeps the uninsured, under-insured and expiring. Computed per request
     * from the dated rule (a city has some thousands of such units).
     */
    async coverage(
      auth: AuthContext,
      filter: {
        county?: string | undefined;
        q?: string | undefined;
        status?: CoverageStatus | 'gaps' | undefined;
      },
      page: { page: number; pageSize: number },
    ) {
      const day = today();
      const sectors = parameterOn(parameters.insuranceSectors, day);
      const rows: CoverageRow[] = (await policies.coverageCandidates(auth.scope, sectors, filter)).map(
        (e) => {
          const standing = insuranceCoverage(e, e.policies, day, parameters);
          const current = e.policies.filter((p) => p.startsOn <= day && day <= p.endsOn).at(-1) ?? null;
          return {
            id: e.id,
            enterpriseName: e.name,
            county: e.county,
            sectors: e.sectors,
            employees: e.employees,
            status: standing.status,
            minimumYuan: standing.minimumYuan,
            policyNumber: current?.policyNumber ?? null,
            endsOn: current?.endsOn ?? null,
          };
        },
      );
      const wanted = rows.filter((r) =>
        !filter.status
          ? true
          : filter.status === 'gaps'
            ? GAPS.includes(r.status)
            : r.status === filter.status,
      );
      const start = (page.page - 1) * page.pageSize;
      return {
        items: wanted.slice(start, start + page.pageSize),
        total: wanted.length,
        page: page.page,
        pageSize: page.pageSize,
      };
    },
  };
}

export type InsuranceService = ReturnType<typeof createInsuranceService>;
