import { randomUUID } from 'node:crypto';
import {
  claimWorkbook,
  serviceWorkbook,
} from '../../src/modules/obligations/obligations-import-test-support.ts';
import { XLSX_TYPE } from '../../src/platform/office/index.ts';
import type { TestContext } from '../test-app.ts';
import type { CrossReferenceRow } from './cross-reference.matrix.ts';
import type { RouteCase, Target } from './matrix-support.ts';
import { countyOf, enterpriseFor, newEnterprise, newHazard, readAll, statuses } from './matrix-support.ts';

/**
 * Authorisation-matrix rows for 安责险 claims and the insurers' prevention services (see
 * ../authorization-matrix.routes.test.ts). As policies: reading needs registry:read, writing
 * registry:write; "in" is a policy of the enterprise account's own enterprise (江川区), "out" one in 通海县.
 */
const O = '/api/v1/obligations';
let serial = 0;
const next = () => (serial += 1);
const writers = (status: number) => statuses(403, { cityOfficer: status, countyOfficer: status });
const writersOut = (status: number) => statuses(403, { cityOfficer: status, countyOfficer: 404 });

async function insert(t: TestContext, sql: string, params: unknown[]): Promise<string> {
  return (await t.db.query<{ id: string }>(sql, params)).rows[0]!.id;
}

/** A 2026 policy of the target's enterprise and an incident there on 2026-11-29. */
async function policyWithIncident(t: TestContext, target: Target, enterprise?: string) {
  const owner = enterprise ?? (await enterpriseFor(t, target));
  const county = countyOf(target);
  const policy = await insert(
    t,
    `INSERT INTO obligation_policies (enterprise_id, county, insurer, policy_number, starts_on, ends_on, insured_persons,
       per_person_yuan, premium_yuan, created_at, updated_at)
     VALUES ($1, $2, '矩阵保险公司', $3, '2026-01-01', '2026-12-31', 10, 400000, 5000, now(), now()) RETURNING id`,
    [owner, county, `MXC${next()}${target}`],
  );
  const incident = await insert(
    t,
    `INSERT INTO incidents (occurred_at, county, enterprise_id, location, accident_type, original, description, reporter,
       created_by, created_at, updated_at)
     VALUES ('2026-11-29T01:00:00Z', $1, $2, '矩阵事故地点', '09', '{"deaths":0,"seriousInjuries":1,"directLossWan":"10"}',
       '矩阵事故', '测试', (SELECT id FROM users LIMIT 1), now(), now()) RETURNING id`,
    [county, owner],
  );
  return { policy, incident, enterprise: owner };
}

async function newClaim(t: TestContext, target: Target): Promise<string> {
  const { policy, incident, enterprise } = await policyWithIncident(t, target);
  return insert(
    t,
    `INSERT INTO obligation_claims (policy_id, enterprise_id, county, claim_number, incident_id, incident_on, incident_location,
       reported_on, deaths, injuries, claimed_yuan, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, '2026-11-29', '矩阵事故地点', '2026-11-29', 0, 1, 1000, 'reported', now(), now()) RETURNING id`,
    [policy, enterprise, countyOf(target), `MXL${next()}${target}`, incident],
  );
}

const claimBody = (policyId: string, incidentId: string) => ({
  policyId,
  claimNumber: `MXL-NEW-${next()}`,
  incidentId,
  reportedOn: '2026-11-29',
  deaths: 0,
  injuries: 1,
  claimedYuan: 1000,
});
const serviceBody = (policyId: string, hazardId?: string) => ({
  policyId,
  servedOn: '2026-11-20',
  kind: 'hazard_investigation',
  costYuan: 500,
  findings: hazardId ? [{ description: '矩阵复查已有隐患', hazardId }] : [],
});

export const insuranceClaimsMatrix: Record<string, RouteCase> = {
  [`GET ${O}/claims`]: { build: async () => ({ url: `${O}/claims` }), in: readAll() },
  [`GET ${O}/claims/export`]: { build: async () => ({ url: `${O}/claims/export` }), in: readAll() },
  [`GET ${O}/claims/statistics`]: {
    build: async () => ({ url: `${O}/claims/statistics?year=2026` }),
    in: readAll(),
  },
  [`POST ${O}/claims`]: {
    build: async ({ t, target }) => {
      const { policy, incident } = await policyWithIncident(t, target);
      return { url: `${O}/claims`, payload: claimBody(policy, incident) };
    },
    in: writers(201),
    out: writersOut(201),
  },
  [`POST ${O}/claims/:id/steps`]: {
    build: async ({ t, target }) => ({
      url: `${O}/claims/${await newClaim(t, target)}/steps`,
      payload: { step: 'accepted', on: '2026-11-30' },
    }),
    in: writers(200),
    out: writersOut(200),
  },
  [`GET ${O}/claims/import-template`]: {
    build: async () => ({ url: `${O}/claims/import-template` }),
    in: writers(200),
  },
  // A row naming a policy outside the caller's scope comes back as a row error in a 200 report.
  [`POST ${O}/claims/import`]: {
    build: async ({ t, target }) => {
      const { policy } = await policyWithIncident(t, target);
      const number = await t.db.query<{ policy_number: string }>(
        'SELECT policy_number FROM obligation_policies WHERE id = $1',
        [policy],
      );
      return {
        url: `${O}/claims/import`,
        headers: { 'content-type': XLSX_TYPE },
        payload: await claimWorkbook([
          {
            policyNumber: number.rows[0]!.policy_number,
            claimNumber: `MXL-IMPORT-${next()}`,
            incidentOn: '2026-11-29',
            reportedOn: '2026-11-29',
            deaths: 0,
            injuries: 1,
            claimedYuan: 1000,
          },
        ]),
      };
    },
    in: writers(200),
    out: writers(200),
  },
  [`GET ${O}/prevention-services`]: {
    build: async () => ({ url: `${O}/prevention-services` }),
    in: readAll(),
  },
  [`GET ${O}/prevention-services/export`]: {
    build: async () => ({ url: `${O}/prevention-services/export` }),
    in: readAll(),
  },
  [`POST ${O}/prevention-services`]: {
    build: async ({ t, target }) => ({
      url: `${O}/prevention-services`,
      payload: serviceBody((await policyWithIncident(t, target)).policy),
    }),
    in: writers(201),
    out: writersOut(201),
  },
  [`GET ${O}/prevention-services/import-template`]: {
    build: async () => ({ url: `${O}/prevention-services/import-template` }),
    in: writers(200),
  },
  // A row naming a policy outside the caller's scope comes back as a row error in a 200 report.
  [`POST ${O}/prevention-services/import`]: {
    build: async ({ t, target }) => {
      const { policy } = await policyWithIncident(t, target);
      const number = await t.db.query<{ policy_number: string }>(
        'SELECT policy_number FROM obligation_policies WHERE id = $1',
        [policy],
      );
      return {
        url: `${O}/prevention-services/import`,
        headers: { 'content-type': XLSX_TYPE },
        payload: await serviceWorkbook([
          {
            policyNumber: number.rows[0]!.policy_number,
            servedOn: '2026-11-20',
            kind: '安全培训',
            costYuan: 300,
          },
        ]),
      };
    },
    in: writers(200),
    out: writers(200),
  },
  [`GET ${O}/prevention-spending`]: {
    build: async () => ({ url: `${O}/prevention-spending?year=2026` }),
    in: readAll(),
  },
};

const refused = (status: number, code: string) => ({ status, code });

/** The incident of a claim and the hazards a service links must be of the policy's own enterprise. */
export const insuranceClaimsCrossReferences: Record<string, CrossReferenceRow> = {
  [`POST ${O}/claims`]: {
    fields: ['incidentId'],
    variants: [
      {
        name: 'an in-county policy with another county’s incident',
        build: async ({ t }) => {
          const { policy } = await policyWithIncident(t, 'in', await newEnterprise(t, 'in'));
          const { incident } = await policyWithIncident(t, 'out');
          return { url: `${O}/claims`, payload: claimBody(policy, incident) };
        },
        expect: {
          cityOfficer: refused(400, 'obligations.claim_incident_other_enterprise'),
          countyOfficer: refused(404, 'obligations.incident_not_found'),
        },
      },
      {
        name: 'the same with an id that is no incident',
        build: async ({ t }) => {
          const { policy } = await policyWithIncident(t, 'in', await newEnterprise(t, 'in'));
          return { url: `${O}/claims`, payload: claimBody(policy, randomUUID()) };
        },
        expect: {
          cityOfficer: refused(404, 'obligations.incident_not_found'),
          countyOfficer: refused(404, 'obligations.incident_not_found'),
        },
      },
    ],
  },
  [`POST ${O}/prevention-services`]: {
    fields: ['findings[].hazardId'],
    variants: [
      {
        name: 'an in-county policy whose finding links another county’s hazard',
        build: async ({ t }) => {
          const { policy } = await policyWithIncident(t, 'in', await newEnterprise(t, 'in'));
          return { url: `${O}/prevention-services`, payload: serviceBody(policy, await newHazard(t, 'out')) };
        },
        expect: {
          cityOfficer: refused(400, 'obligations.hazard_other_enterprise'),
          countyOfficer: refused(404, 'hazard.not_found'),
        },
      },
      {
        name: 'the same with an id that is no hazard',
        build: async ({ t }) => {
          const { policy } = await policyWithIncident(t, 'in', await newEnterprise(t, 'in'));
          return { url: `${O}/prevention-services`, payload: serviceBody(policy, randomUUID()) };
        },
        expect: {
          cityOfficer: refused(404, 'hazard.not_found'),
          countyOfficer: refused(404, 'hazard.not_found'),
        },
      },
    ],
  },
};
