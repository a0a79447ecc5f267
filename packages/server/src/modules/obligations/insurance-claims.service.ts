import {
  chinaDate,
  checkClaimStep,
  claimNextSteps,
  DomainError,
  policyInForceOn,
  type Claim,
  type ClaimInput,
  type ClaimStepInput,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import type { AccidentFactsPort } from '../emergency/index.ts';
import type { ClaimFilter, ClaimRecord, ClaimsRepository } from './insurance-claims.repository.ts';
import type { InsuranceRepository } from './insurance.repository.ts';

const present = (r: ClaimRecord): Claim => ({
  id: r.id,
  policyId: r.policyId,
  policyNumber: r.policyNumber,
  insurer: r.insurer,
  enterpriseId: r.enterpriseId,
  enterpriseName: r.enterpriseName,
  county: r.county,
  claimNumber: r.claimNumber,
  incidentId: r.incidentId,
  incidentOn: r.incidentOn,
  incidentLocation: r.incidentLocation,
  reportedOn: r.reportedOn,
  deaths: r.deaths,
  injuries: r.injuries,
  claimedYuan: r.claimedYuan,
  paidYuan: r.paidYuan,
  status: r.status,
  acceptedOn: r.acceptedOn,
  paidOn: r.paidOn,
  rejectedOn: r.rejectedOn,
  rejectionReason: r.rejectionReason,
  nextSteps: [...claimNextSteps(r.status)],
  demo: r.demo,
});

/** 安责险 claims: each on a policy in force on the day of an incident of the insured enterprise. */
export function createClaimsService(deps: {
  db: Db;
  clock: Clock;
  claims: ClaimsRepository;
  policies: InsuranceRepository;
  incidents: AccidentFactsPort;
}) {
  const { db, clock, claims, policies, incidents } = deps;

  async function visible(auth: AuthContext, id: string): Promise<ClaimRecord> {
    const record = await claims.find(id, auth.scope);
    if (!record) throw new DomainError('obligations.claim_not_found');
    return record;
  }

  return {
    async list(auth: AuthContext, filter: ClaimFilter, page: { page: number; pageSize: number }) {
      const result = await claims.list(auth.scope, filter, page);
      return { ...result, items: result.items.map(present) };
    },

    async create(auth: AuthContext, input: ClaimInput): Promise<Claim> {
      const policy = await policies.find(input.policyId, auth.scope);
      if (!policy) throw new DomainError('obligations.policy_not_found');
      const incident = await incidents.accident(auth.scope, input.incidentId);
      if (!incident) throw new DomainError('obligations.incident_not_found');
      if (incident.enterpriseId !== policy.enterpriseId)
        throw new DomainError('obligations.claim_incident_other_enterprise');
      const incidentOn = chinaDate(incident.occurredAt);
      // 应急〔2025〕27号: the policy answers for accidents within its period of insurance.
      if (!policyInForceOn(policy, incidentOn))
        throw new DomainError('obligations.claim_policy_not_in_force');
      if (input.reportedOn < incidentOn) throw new DomainError('obligations.claim_reported_before_incident');
      const id = await inTransaction(db, async (tx) => {
        if (await claims.numberTaken(input.claimNumber, tx))
          throw new DomainError('obligations.claim_number_taken');
        return claims.insert(
          tx,
          {
            ...input,
            enterpriseId: policy.enterpriseId,
            county: policy.county,
            incidentOn,
            incidentLocation: incident.location,
          },
          false,
          clock.now(),
        );
      });
      return present(await visible(auth, id));
    },

    async step(auth: AuthContext, id: string, input: ClaimStepInput): Promise<Claim> {
      await inTransaction(db, async (tx) => {
        const claim = await claims.find(id, auth.scope, tx, true);
        if (!claim) throw new DomainError('obligations.claim_not_found');
        const lastStepOn = claim.acceptedOn ?? claim.reportedOn;
        const error = checkClaimStep({ status: claim.status, lastStepOn }, input);
        if (error) throw new DomainError(error);
        await claims.step(tx, id, input, clock.now());
      });
      return present(await visible(auth, id));
    },

    statistics: (auth: AuthContext, year: number, county: string | undefined) =>
      claims.statistics(auth.scope, year, county),
  };
}

export type ClaimsService = ReturnType<typeof createClaimsService>;
