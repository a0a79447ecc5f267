import { randomUUID } from 'node:crypto';
import {
  DomainError,
  evaluatePreventionYear,
  parameterOn,
  type ObligationParameters,
  type PreventionServiceInput,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import type { HazardLinks } from '../dual-prevention/index.ts';
import type { InsuranceRepository } from './insurance.repository.ts';
import type {
  PreventionServicesRepository,
  PreventionServiceWrite,
  ServiceFilter,
} from './prevention-services.repository.ts';

/** GB 6441 其他伤害: the insurer names what is wrong, the enterprise's plan sets the accident type. */
const OTHER_HARM = '20';

/**
 * The insurers' 事故预防服务 (应急〔2025〕27号): visits under a policy, each finding opening a hidden
 * hazard in dual prevention (source insurer_service) or linking one the enterprise already has.
 */
export function createPreventionServicesService(deps: {
  db: Db;
  clock: Clock;
  services: PreventionServicesRepository;
  policies: InsuranceRepository;
  hazards: HazardLinks;
  parameters: ObligationParameters;
}) {
  const { db, clock, services, policies, hazards, parameters } = deps;

  async function visible(auth: AuthContext, id: string) {
    const record = await services.find(id, auth.scope);
    if (!record) throw new DomainError('obligations.service_not_found');
    return record;
  }

  return {
    list: (auth: AuthContext, filter: ServiceFilter, page: { page: number; pageSize: number }) =>
      services.list(auth.scope, filter, page),

    async create(auth: AuthContext, input: PreventionServiceInput) {
      const policy = await policies.find(input.policyId, auth.scope);
      if (!policy) throw new DomainError('obligations.policy_not_found');
      // Every linked hazard is checked before anything is written.
      for (const finding of input.findings) {
        if (!finding.hazardId) continue;
        const hazard = await hazards.get(auth, finding.hazardId);
        if (hazard.enterpriseId !== policy.enterpriseId)
          throw new DomainError('obligations.hazard_other_enterprise');
      }
      const id = randomUUID();
      const findings: PreventionServiceWrite['findings'] = [];
      for (const finding of input.findings) {
        if (finding.hazardId || !finding.openHazard) {
          findings.push({
            description: finding.description,
            hazardId: finding.hazardId ?? null,
            hazardOpened: false,
          });
          continue;
        }
        const hazard = await hazards.report(auth, {
          enterpriseId: policy.enterpriseId,
          source: 'insurer_service',
          sourceRef: id,
          location: { text: `${policy.insurer}事故预防服务（${input.servedOn}）` },
          description: finding.description,
          category: OTHER_HARM,
          tickedCriteria: [],
          photos: [],
        });
        findings.push({ description: finding.description, hazardId: hazard.id, hazardOpened: true });
      }
      await inTransaction(db, (tx) =>
        services.insertWithId(
          tx,
          id,
          {
            policyId: policy.id,
            enterpriseId: policy.enterpriseId,
            county: policy.county,
            insurer: policy.insurer,
            servedOn: input.servedOn,
            kind: input.kind,
            costYuan: input.costYuan,
            summary: input.summary ?? null,
            findings,
          },
          false,
          clock.now(),
        ),
      );
      return visible(auth, id);
    },

    /** Per insurer: spending against premiums for the year, the 21 % cap and the unserved flag. */
    async spending(auth: AuthContext, year: number, county: string | undefined) {
      const sectors = parameterOn(parameters.insuranceSectors, `${year}-12-31`);
      const rows = await services.insurerYears(auth.scope, year, sectors, county);
      return rows.map((row) => evaluatePreventionYear({ ...row, year }, parameters));
    },
  };
}

export type PreventionServicesService = ReturnType<typeof createPreventionServicesService>;
