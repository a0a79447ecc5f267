import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import {
  createPoint,
  gasPoint,
  monitoredSite,
} from '../../src/modules/monitoring/monitoring-fixtures.test-support.ts';
import type { TestContext, TestUser } from '../test-app.ts';
import { newAllocationOrder } from './allocation.matrix.ts';
import { insuranceClaimsCrossReferences } from './insurance-claims.matrix.ts';
import {
  ENTERPRISE_ID,
  IN_COUNTY,
  OUT_COUNTY,
  TINY_PNG,
  newEnterprise,
  newHazard,
  newIncident,
  newResource,
  type CallerName,
} from './matrix-support.ts';

/**
 * The class "in-scope record pointing at out-of-scope ids" (issue 19, defect 5): for each route
 * whose body names other records, a record the caller may change, pointing at ids outside the
 * caller's scope or outside the record's own. The answer is a coded 4xx that is the same whether
 * the id exists elsewhere or not at all (no oracle), and nothing is stored.
 */
export interface CrossReferenceVariant {
  name: string;
  build(input: { t: TestContext; caller: TestUser }): Promise<Omit<InjectOptions, 'method'>>;
  expect: Partial<Record<CallerName, { status: number; code: string | null }>>;
}

export interface CrossReferenceRow {
  /** The body's id fields this row covers (as the OpenAPI document names them). */
  fields: string[];
  variants: CrossReferenceVariant[];
}

const UNKNOWN = () => randomUUID();
const refused = (status: number, code: string) => ({ status, code });
const ALLOCATION = {
  county: IN_COUNTY,
  materialName: '沙袋',
  unit: '个',
  quantity: 5,
  destinationKind: 'scene',
};
let serial = 0;

async function inspector(t: TestContext, county: string): Promise<string> {
  const row = await t.db.query<{ id: string }>(
    `INSERT INTO enforcement_inspectors (name, certificate_no, certificate_expiry, county, created_at, updated_at)
     VALUES ('交叉引用执法员', $1, '2030-12-31', $2, now(), now()) RETURNING id`,
    [`XR${Date.now() % 1_000_000}${serial++}`, county],
  );
  return row.rows[0]!.id;
}

/** A penalty case just filed (立案) against an enterprise in the callers' county. */
async function filedCase(t: TestContext): Promise<string> {
  const state = {
    status: 'filed',
    partyKind: 'organisation',
    filedOn: '2026-11-02',
    requiresLegalReview: false,
    investigatorIds: [],
    statements: [],
    decisionExtensions: [],
    timeline: [],
  };
  const creator = await t.db.query<{ id: string }>('SELECT id FROM users LIMIT 1');
  const row = await t.db.query<{ id: string }>(
    `INSERT INTO enforcement_cases (enterprise_id, county, party_name, summary, status, state, created_by, created_at, updated_at)
     VALUES ($1, $2, '交叉引用企业', '交叉引用违法行为', 'filed', $3, $4, now(), now()) RETURNING id`,
    [await newEnterprise(t, 'in'), IN_COUNTY, JSON.stringify(state), creator.rows[0]!.id],
  );
  return row.rows[0]!.id;
}

/** A monitoring point of a fresh enterprise in `county` (made through the API, so it is live). */
async function pointOfAnotherEnterprise(t: TestContext, county: string): Promise<string> {
  const site = await monitoredSite(t, county);
  const city = await t.sessionFor(await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }));
  return createPoint(t, city, gasPoint(site.objectId, `XR-${Date.now() % 1_000_000}-${serial++}`));
}

const hazardBody = (enterpriseId: string, linkedPointIds: string[]) => ({
  enterpriseId,
  source: 'inspection',
  location: { text: '交叉引用' },
  description: '交叉引用测试隐患',
  category: '05',
  linkedPointIds,
});

/** A camera in the callers' county (for the PUT row). */
async function cameraInCounty(t: TestContext, enterpriseId: string): Promise<string> {
  const row = await t.db.query<{ id: string }>(
    `INSERT INTO video_cameras (code, name, enterprise_id, county, lon, lat, gateway_id, stream_ref, created_at, updated_at)
     VALUES ($1, '交叉引用摄像机', $2, $3, 102.5, 24.3, 'matrix-hls', 'cam/index.m3u8', now(), now()) RETURNING id`,
    [`XRV-${Date.now() % 1_000_000}-${serial++}`, enterpriseId, IN_COUNTY],
  );
  return row.rows[0]!.id;
}

function cameraLinkRows(): Record<string, CrossReferenceRow> {
  const cameraBody = (enterpriseId: string, links: { objectId?: string; monitoringPointId?: string }) => ({
    code: `XRV-${Date.now() % 1_000_000}-${serial++}`,
    name: '交叉引用摄像机',
    enterpriseId,
    location: { lon: 102.5, lat: 24.3 },
    gatewayId: 'matrix-hls',
    streamRef: 'cam/index.m3u8',
    ...links,
  });
  const keepers = (code: string) => ({
    cityOfficer: refused(400, code),
    countyOfficer: refused(400, code),
  });
  const variants = (
    url: (t: TestContext, enterpriseId: string) => Promise<string>,
  ): CrossReferenceVariant[] => [
    {
      name: 'an in-county camera watching another county’s object',
      build: async ({ t }) => {
        const enterprise = await newEnterprise(t, 'in');
        const object = (
          await t.db.query<{ id: string }>(
            `INSERT INTO regulated_objects (kind, name, enterprise_id, county, lon, lat, created_at, updated_at)
             VALUES ('major_hazard_source', '交叉引用罐区', $1, $2, 102.5, 24.3, now(), now()) RETURNING id`,
            [await newEnterprise(t, 'out'), OUT_COUNTY],
          )
        ).rows[0]!.id;
        return { url: await url(t, enterprise), payload: cameraBody(enterprise, { objectId: object }) };
      },
      expect: keepers('video.object_mismatch'),
    },
    {
      name: 'the same with an id that is no object',
      build: async ({ t }) => {
        const enterprise = await newEnterprise(t, 'in');
        return { url: await url(t, enterprise), payload: cameraBody(enterprise, { objectId: UNKNOWN() }) };
      },
      expect: keepers('video.object_mismatch'),
    },
    {
      name: 'an in-county camera on another enterprise’s monitoring point',
      build: async ({ t }) => {
        const enterprise = await newEnterprise(t, 'in');
        const point = await pointOfAnotherEnterprise(t, OUT_COUNTY);
        return {
          url: await url(t, enterprise),
          payload: cameraBody(enterprise, { monitoringPointId: point }),
        };
      },
      expect: keepers('video.point_mismatch'),
    },
    {
      name: 'the same with an id that is no monitoring point',
      build: async ({ t }) => {
        const enterprise = await newEnterprise(t, 'in');
        return {
          url: await url(t, enterprise),
          payload: cameraBody(enterprise, { monitoringPointId: UNKNOWN() }),
        };
      },
      expect: keepers('video.point_mismatch'),
    },
    {
      name: 'a gateway that is not configured',
      build: async ({ t }) => {
        const enterprise = await newEnterprise(t, 'in');
        return {
          url: await url(t, enterprise),
          payload: { ...cameraBody(enterprise, {}), gatewayId: 'elsewhere' },
        };
      },
      expect: keepers('video.gateway_unknown'),
    },
  ];
  // gatewayId names a configured gateway (VIDEO_GATEWAYS), no stored record: refused when unknown.
  const fields = ['enterpriseId', 'gatewayId', 'objectId', 'monitoringPointId'];
  return {
    'POST /api/v1/video/cameras': { fields, variants: variants(async () => '/api/v1/video/cameras') },
    'PUT /api/v1/video/cameras/:id': {
      fields,
      variants: variants(
        async (t, enterprise) => `/api/v1/video/cameras/${await cameraInCounty(t, enterprise)}`,
      ),
    },
  };
}

const officers = (status: number, code: string) => ({
  cityOfficer: refused(status, code),
  countyOfficer: refused(status, code),
  inspector: refused(status, code),
});

export const crossReferenceMatrix: Record<string, CrossReferenceRow> = {
  'POST /api/v1/enforcement/inspections': {
    fields: ['enterpriseId', 'inspectorIds'],
    variants: [
      {
        name: 'an in-county enterprise inspected by another county’s inspectors',
        build: async ({ t }) => ({
          url: '/api/v1/enforcement/inspections',
          payload: {
            enterpriseId: await newEnterprise(t, 'in'),
            inspectorIds: [await inspector(t, OUT_COUNTY), await inspector(t, OUT_COUNTY)],
          },
        }),
        expect: officers(400, 'enforcement.inspector_unknown'),
      },
      {
        name: 'the same with ids that are no inspector at all',
        build: async ({ t }) => ({
          url: '/api/v1/enforcement/inspections',
          payload: { enterpriseId: await newEnterprise(t, 'in'), inspectorIds: [UNKNOWN(), UNKNOWN()] },
        }),
        expect: officers(400, 'enforcement.inspector_unknown'),
      },
    ],
  },
  'POST /api/v1/enforcement/inspectors/:id/conflicts': {
    fields: ['enterpriseId'],
    variants: [
      {
        name: 'an in-county inspector declaring a conflict with another county’s enterprise',
        build: async ({ t }) => ({
          url: `/api/v1/enforcement/inspectors/${await inspector(t, IN_COUNTY)}/conflicts`,
          payload: { enterpriseId: await newEnterprise(t, 'out'), relation: '亲属任职' },
        }),
        // The county officer cannot see the enterprise: answered as an unknown one (no name oracle);
        // the city sees it, but a county's inspector serves his county only.
        expect: {
          cityOfficer: refused(400, 'enforcement.conflict_outside_division'),
          countyOfficer: refused(404, 'enterprise.not_found'),
        },
      },
      {
        name: 'the same with an id that is no enterprise',
        build: async ({ t }) => ({
          url: `/api/v1/enforcement/inspectors/${await inspector(t, IN_COUNTY)}/conflicts`,
          payload: { enterpriseId: UNKNOWN(), relation: '亲属任职' },
        }),
        expect: {
          cityOfficer: refused(404, 'enterprise.not_found'),
          countyOfficer: refused(404, 'enterprise.not_found'),
        },
      },
    ],
  },
  'POST /api/v1/hazards': {
    fields: ['enterpriseId', 'linkedPointIds'],
    variants: [
      {
        name: 'a hazard of one’s own enterprise linked to another enterprise’s monitoring point',
        build: async ({ t }) => ({
          url: '/api/v1/hazards',
          payload: hazardBody(ENTERPRISE_ID, [await pointOfAnotherEnterprise(t, OUT_COUNTY)]),
        }),
        // The enterprise account first: its sign-up registers ENTERPRISE_ID (in the callers' county).
        expect: {
          enterpriseManager: refused(400, 'hazard.point_not_linkable'),
          cityOfficer: refused(400, 'hazard.point_not_linkable'),
          countyOfficer: refused(400, 'hazard.point_not_linkable'),
        },
      },
      {
        name: 'the same with an id that is no point',
        build: async () => ({ url: '/api/v1/hazards', payload: hazardBody(ENTERPRISE_ID, [UNKNOWN()]) }),
        // The enterprise account first: its sign-up registers ENTERPRISE_ID (in the callers' county).
        expect: {
          enterpriseManager: refused(400, 'hazard.point_not_linkable'),
          cityOfficer: refused(400, 'hazard.point_not_linkable'),
          countyOfficer: refused(400, 'hazard.point_not_linkable'),
        },
      },
    ],
  },
  'PUT /api/v1/hazards/:id/linked-points': {
    fields: ['pointIds'],
    variants: [
      {
        name: 'an in-county hazard linked to a point of an enterprise in the same county',
        build: async ({ t }) => ({
          url: `/api/v1/hazards/${await newHazard(t, 'in')}/linked-points`,
          payload: { pointIds: [await pointOfAnotherEnterprise(t, IN_COUNTY)] },
        }),
        expect: {
          cityOfficer: refused(400, 'hazard.point_not_linkable'),
          countyOfficer: refused(400, 'hazard.point_not_linkable'),
        },
      },
      {
        name: 'the same with an id that is no point',
        build: async ({ t }) => ({
          url: `/api/v1/hazards/${await newHazard(t, 'in')}/linked-points`,
          payload: { pointIds: [UNKNOWN()] },
        }),
        expect: {
          cityOfficer: refused(400, 'hazard.point_not_linkable'),
          countyOfficer: refused(400, 'hazard.point_not_linkable'),
        },
      },
    ],
  },
  'POST /api/v1/enforcement/cases/:id/actions': {
    fields: ['investigatorIds'],
    variants: [
      {
        name: 'an in-county case investigated by another county’s inspectors',
        build: async ({ t }) => ({
          url: `/api/v1/enforcement/cases/${await filedCase(t)}/actions`,
          payload: {
            action: 'start_investigation',
            investigatorIds: [await inspector(t, OUT_COUNTY), await inspector(t, OUT_COUNTY)],
          },
        }),
        expect: {
          cityOfficer: refused(400, 'enforcement.inspector_unknown'),
          countyOfficer: refused(400, 'enforcement.inspector_unknown'),
        },
      },
    ],
  },
  'POST /api/v1/enforcement/draws': {
    fields: ['inspectorIds'],
    variants: [
      {
        name: 'a draw for one’s county naming another county’s inspectors',
        build: async ({ t }) => {
          await newEnterprise(t, 'in');
          return {
            url: '/api/v1/enforcement/draws',
            payload: {
              title: '交叉引用抽查',
              county: IN_COUNTY,
              enterpriseCount: 1,
              exclusionPeriodDays: 0,
              inspectorIds: [await inspector(t, OUT_COUNTY), await inspector(t, OUT_COUNTY)],
            },
          };
        },
        expect: {
          cityOfficer: refused(400, 'enforcement.inspector_unknown'),
          countyOfficer: refused(400, 'enforcement.inspector_unknown'),
        },
      },
    ],
  },
  // Allocation orders: incidents, warehouses and enterprises of the caller's area only (the city's spans all).
  'POST /api/v1/emergency/allocations': {
    fields: ['destinationWarehouseId', 'incidentId'],
    variants: [
      {
        name: 'an order for another county’s incident',
        build: async ({ t }) => ({
          url: '/api/v1/emergency/allocations',
          payload: { ...ALLOCATION, incidentId: await newIncident(t, 'out') },
        }),
        expect: { countyOfficer: refused(400, 'allocation.linked_record_not_found') },
      },
      {
        name: 'an in-county order bound for another county’s warehouse',
        build: async ({ t }) => ({
          url: '/api/v1/emergency/allocations',
          payload: {
            ...ALLOCATION,
            county: IN_COUNTY,
            destinationKind: 'warehouse',
            destinationWarehouseId: await newResource(t, 'out', 'warehouse'),
          },
        }),
        expect: { countyOfficer: refused(400, 'allocation.linked_record_not_found') },
      },
      {
        name: 'the same with ids that are no records',
        build: async () => ({
          url: '/api/v1/emergency/allocations',
          payload: { ...ALLOCATION, incidentId: UNKNOWN() },
        }),
        expect: { countyOfficer: refused(400, 'allocation.linked_record_not_found') },
      },
    ],
  },
  'POST /api/v1/emergency/allocations/:id/steps': {
    fields: ['requisitions[].enterpriseId', 'sources[].warehouseId', 'warehouseId'],
    variants: [
      {
        name: 'an in-county order issued from another county’s warehouse',
        build: async ({ t }) => ({
          url: `/api/v1/emergency/allocations/${await newAllocationOrder(t, 'in', 'approved')}/steps`,
          payload: {
            action: 'issue',
            sources: [{ warehouseId: await newResource(t, 'out', 'warehouse'), quantity: 5 }],
          },
        }),
        expect: { countyOfficer: refused(400, 'allocation.linked_record_not_found') },
      },
      {
        name: 'the same requisitioning from another county’s enterprise',
        build: async ({ t }) => ({
          url: `/api/v1/emergency/allocations/${await newAllocationOrder(t, 'in', 'approved')}/steps`,
          payload: {
            action: 'issue',
            requisitions: [{ enterpriseId: await newEnterprise(t, 'out'), quantity: 5 }],
          },
        }),
        expect: { countyOfficer: refused(400, 'allocation.linked_record_not_found') },
      },
      {
        name: 'a return into another county’s warehouse',
        build: async ({ t }) => ({
          url: `/api/v1/emergency/allocations/${await newAllocationOrder(t, 'in', 'received', { issued: 5, received: 5 })}/steps`,
          payload: { action: 'return', warehouseId: await newResource(t, 'out', 'warehouse'), quantity: 2 },
        }),
        expect: { countyOfficer: refused(400, 'allocation.linked_record_not_found') },
      },
      {
        name: 'the same with an id that is no warehouse',
        build: async ({ t }) => ({
          url: `/api/v1/emergency/allocations/${await newAllocationOrder(t, 'in', 'received', { issued: 5, received: 5 })}/steps`,
          payload: { action: 'return', warehouseId: UNKNOWN(), quantity: 2 },
        }),
        expect: { countyOfficer: refused(400, 'allocation.linked_record_not_found') },
      },
    ],
  },
  'POST /api/v1/emergency/duty/log': {
    fields: ['incidentId'],
    variants: [
      {
        name: 'a duty-log entry of one’s county naming another county’s incident',
        build: async ({ t }) => ({
          url: '/api/v1/emergency/duty/log',
          payload: { county: IN_COUNTY, text: '交叉引用值班记录', incidentId: await newIncident(t, 'out') },
        }),
        expect: { countyOfficer: refused(400, 'emergency.linked_record_not_found') },
      },
      {
        name: 'the same with an id that is no incident',
        build: async () => ({
          url: '/api/v1/emergency/duty/log',
          payload: { county: IN_COUNTY, text: '交叉引用值班记录', incidentId: UNKNOWN() },
        }),
        expect: { countyOfficer: refused(400, 'emergency.linked_record_not_found') },
      },
    ],
  },
  // Dispatching across counties is the city's to do (its scope covers both); a county dispatches its own.
  'POST /api/v1/incidents/:id/dispatch': {
    fields: ['resourceId'],
    variants: [
      {
        name: 'an in-county incident dispatching another county’s team',
        build: async ({ t }) => ({
          url: `/api/v1/incidents/${await newIncident(t, 'in')}/dispatch`,
          payload: { resourceId: await newResource(t, 'out', 'team') },
        }),
        expect: { countyOfficer: refused(404, 'emergency.resource_not_found') },
      },
      {
        name: 'the same with an id that is no resource',
        build: async ({ t }) => ({
          url: `/api/v1/incidents/${await newIncident(t, 'in')}/dispatch`,
          payload: { resourceId: UNKNOWN() },
        }),
        expect: { countyOfficer: refused(404, 'emergency.resource_not_found') },
      },
    ],
  },
  // A camera's links must be of its own enterprise: another's object or point, or none at all, alike.
  ...cameraLinkRows(),
  ...insuranceClaimsCrossReferences,
  // The upload names its county and enterprise in the query string (the body is the image).
  'POST /api/v1/uploads': {
    fields: [],
    variants: [
      {
        name: 'an upload for one’s county naming an enterprise of another county',
        build: async ({ t }) => ({
          url: `/api/v1/uploads?county=${IN_COUNTY}&enterpriseId=${await newEnterprise(t, 'out')}`,
          payload: TINY_PNG,
          headers: { 'content-type': 'image/png' },
        }),
        expect: {
          cityOfficer: refused(400, 'upload.owner_mismatch'),
          countyOfficer: refused(400, 'upload.owner_mismatch'),
        },
      },
      {
        name: 'the same with an id that is no enterprise',
        build: async () => ({
          url: `/api/v1/uploads?county=${IN_COUNTY}&enterpriseId=${UNKNOWN()}`,
          payload: TINY_PNG,
          headers: { 'content-type': 'image/png' },
        }),
        expect: {
          cityOfficer: refused(400, 'upload.owner_mismatch'),
          countyOfficer: refused(400, 'upload.owner_mismatch'),
        },
      },
    ],
  },
};

const owner = (fields: string[], reason: string) => ({ fields, reason });
const OWNER = 'names the new record’s owner: refused out of scope by the main matrix’s out-of-scope rows';

/**
 * Routes whose body ids name only the record's own owner (the main matrix's out-of-scope rows test
 * them), or are no reference to a stored record.
 */
export const ownerOnlyBodies: Record<string, { fields: string[]; reason: string }> = {
  'POST /api/v1/checks/lists': owner(['enterpriseId'], OWNER),
  'POST /api/v1/incidents': owner(['enterpriseId'], OWNER),
  'POST /api/v1/major-hazards/units': owner(['enterpriseId'], OWNER),
  'POST /api/v1/monitoring/device-tokens': owner(['enterpriseId'], OWNER),
  'POST /api/v1/objects': owner(['enterpriseId'], OWNER),
  'PUT /api/v1/objects/:id': owner(['enterpriseId'], OWNER),
  'POST /api/v1/risk/units': owner(['enterpriseId'], OWNER),
  'POST /api/v1/monitoring/points': owner(['objectId'], OWNER),
  'PUT /api/v1/monitoring/points/:id': owner(['objectId'], OWNER),
  'POST /api/v1/users': owner(['scope.enterpriseId'], 'the new account’s own scope (users matrix)'),
  'POST /api/v1/obligations/people': owner(['enterpriseId'], OWNER),
  'PUT /api/v1/obligations/people/:id': owner(['enterpriseId'], OWNER),
  'POST /api/v1/obligations/policies': owner(['enterpriseId'], OWNER),
  'POST /api/v1/obligations/claims': owner(['policyId'], OWNER),
  'POST /api/v1/obligations/prevention-services': owner(['policyId'], OWNER),
  'POST /api/v1/obligations/licence-applications': owner(['enterpriseId'], OWNER),
  'POST /api/v1/obligations/projects': owner(['enterpriseId'], OWNER),
  'POST /api/v1/obligations/agency-reports': owner(
    ['agencyId', 'enterpriseId'],
    'the enterprise is the report’s owner (main matrix’s out-of-scope rows); agencies are a city-wide register without a scope, an unknown one is 404',
  ),
  'POST /api/v1/obligations/spot-checks': owner(
    ['chosenIds'],
    'the chosen reports or projects become the draw’s items: each must be in the caller’s scope (404, the same for an unknown id; main matrix’s out-of-scope row)',
  ),
  'POST /api/v1/obligations/enterprises/:id/certificate-gaps/findings': owner(
    ['inspectionId', 'personId'],
    'the inspection must be of the path’s enterprise and in the caller’s scope (404 otherwise); the person only names one of that enterprise’s gaps',
  ),
  'PATCH /api/v1/users/:id': owner(['scope.enterpriseId'], 'the account’s own scope (users matrix)'),
  'POST /api/v1/plan/assessments': owner(
    ['organisationIds'],
    'the units assessed: the plan’s units are the city’s one shared tree, without a scope; only the 安委办 (plan:manage) writes',
  ),
  'PUT /api/v1/plan/assessments/:id/scores': owner(
    ['organisationId'],
    'the unit scored must be one of the assessment’s own units (409 otherwise); only the 安委办 writes',
  ),
  'POST /api/v1/plan/responsibility-lists': owner(
    ['organisationId'],
    'the unit holding the list: the plan’s units are the city’s one shared tree, without a scope (404 plan.organisation_not_found when none, responsibility-lists.routes.test.ts); only the 安委办 (plan:manage) writes',
  ),
  'PUT /api/v1/plan/organisations/:id/members': owner(
    ['userIds'],
    'the 安委办 names the accounts of a unit; accounts are checked to exist (plan.routes.test.ts)',
  ),
  'POST /api/v1/plan/assignments/:id/letters': owner(
    ['milestoneId'],
    'the milestone must be one of the path’s assignment (400 plan.milestone_not_in_assignment, plan-letters.routes.test.ts); only the 安委办 writes',
  ),
  'POST /api/v1/plan/assignments': owner(
    ['organisationId', 'taskId'],
    'the unit and the plan task: shared city-wide data without a scope; only the 安委办 (plan:manage) writes',
  ),
  'POST /api/v1/auth/login': owner(
    ['captchaId'],
    'the captcha the server issued to this sign-in (single use, hashed): no record of anyone’s scope',
  ),
  'POST /api/v1/warnings': owner(
    ['templateId'],
    'notes which template filled the draft; templates are the bureau’s shared texts, without a scope',
  ),
  'POST /api/v1/calc/draw/verify': owner(
    [
      'record.conflicts[].enterpriseId',
      'record.conflicts[].inspectorId',
      'record.drawId',
      'record.exclusion.excludedEnterpriseIds',
      'record.inspectorIds',
      'record.pool[].enterpriseId',
      'result.drawId',
      'result.selections[].enterpriseId',
      'result.selections[].inspectorIds',
    ],
    'a public calculator over the record in the body: nothing is looked up or stored',
  ),
  'POST /api/v1/public/whistleblowing/reports': owner(
    ['captchaId', 'deviceId', 'enterpriseId', 'photoIds'],
    'the public names an enterprise it reports (any operating one); photos must be its own device’s, not yet attached (whistleblowing.routes.test.ts); the captcha is single use',
  ),
  'POST /api/v1/public/whistleblowing/sms-codes': owner(
    ['captchaId', 'deviceId'],
    'the reporter’s own device id and single-use captcha; the phone is the caller’s own: no record of anyone’s scope',
  ),
  'POST /api/v1/public/whistleblowing/lookup': owner(
    ['captchaId', 'deviceId'],
    'the reporter’s own device id and single-use captcha: no record of anyone’s scope',
  ),
  'POST /api/v1/public/whistleblowing/lookup/objection': owner(
    ['captchaId', 'deviceId'],
    'the reporter’s own device id and single-use captcha; the report is the one the code and secret open',
  ),
  'POST /api/v1/teams/tasks/:taskId/sync': owner(
    ['operations[].photoIds'],
    'photos are checked against the caller’s scope (team.photo_not_found, teams.routes.test.ts)',
  ),
  'PUT /api/v1/emergency/resources/:id/members': owner(
    ['members[].userId'],
    'accounts holding the rescue team role, which carries no data of any county (team.member_not_found otherwise, teams.routes.test.ts); the team itself is in the caller’s scope (404 otherwise)',
  ),
  'POST /api/v1/public/whistleblowing/lookup/messages': owner(
    ['captchaId', 'deviceId', 'photoIds'],
    'photos must be the same device’s, not yet attached; the report is the one the code and secret open',
  ),
};

const UNCHECKED = 'not yet checked against the record’s scope (next step)';
const CALLER_SCOPE = 'checked against the caller’s scope in the service; row not yet written';

/**
 * Routes with other records' ids in the body not yet in this class (issue 19, defect 5, left for
 * the next step; listed so that the gap is visible and a new route cannot slip in unnoticed).
 */
export const pendingCrossReferences: Record<string, { fields: string[]; reason: string }> = {
  'POST /api/v1/whistleblowing/reports': owner(
    ['enterpriseId', 'photoIds'],
    'photos the same officer sent to /api/v1/whistleblowing/photos, not yet attached (whistle-incident-reward.routes.test.ts), else uploads in the caller’s scope; enterprise row not yet written',
  ),
  'POST /api/v1/whistleblowing/reports/:id/duplicate-of': owner(
    ['originalId'],
    'the original is looked up in the caller’s scope (404 otherwise, whistle-duplicates.routes.test.ts); row not yet written',
  ),
  'POST /api/v1/whistleblowing/reports/:id/verification': owner(
    ['inspectionId', 'penaltyCaseId', 'incidentId'],
    'the incident through the emergency module’s port in the caller’s scope (404 whistle.incident_not_found, whistle-incident-reward.routes.test.ts); inspection and case checked in the service, row not yet written',
  ),
  'POST /api/v1/plan/campaigns/:id/objects': owner(['enterpriseId', 'organisationId'], UNCHECKED),
  'PATCH /api/v1/enforcement/inspectors/:id': owner(['userId'], UNCHECKED),
  'POST /api/v1/enforcement/inspectors': owner(['userId'], UNCHECKED),
  'POST /api/v1/enforcement/cases/:id/actions': owner(['presiderId'], UNCHECKED),
  'POST /api/v1/checks/tasks/:id/complete': owner(
    ['results[].itemId'],
    'items of the task itself; row not yet written',
  ),
  'POST /api/v1/emergency/cases': owner(['incidentId'], CALLER_SCOPE),
  'PUT /api/v1/emergency/cases/:id': owner(['incidentId'], CALLER_SCOPE),
  'POST /api/v1/emergency/drills': owner(['planId', 'scenarioId'], CALLER_SCOPE),
  'PUT /api/v1/emergency/drills/:id': owner(['planId', 'scenarioId'], CALLER_SCOPE),
  'POST /api/v1/enforcement/cases': owner(['enterpriseId', 'inspectionId'], CALLER_SCOPE),
  'POST /api/v1/enforcement/credit/listings': owner(['enterpriseId', 'penaltyCaseId'], CALLER_SCOPE),
  'POST /api/v1/enforcement/documents': owner(['caseId', 'inspectionId'], CALLER_SCOPE),
  'POST /api/v1/enforcement/draws': owner(['planId'], UNCHECKED),
  'POST /api/v1/enforcement/inspections/:id/submit': owner(
    ['clientSubmissionId', 'results[].itemId', 'results[].photoIds', 'signatureUploadId'],
    'photos and signature checked against the caller’s scope and the inspection’s county; row not yet written',
  ),
  'POST /api/v1/enforcement/plans': owner(
    ['focus[].enterpriseId'],
    'checked inside the plan’s division; row not yet written',
  ),
  'PUT /api/v1/enforcement/plans/:id': owner(
    ['focus[].enterpriseId'],
    'checked inside the plan’s division; row not yet written',
  ),
  'POST /api/v1/incidents/:id/reports-sent': owner(
    ['stepId'],
    'a step of the incident itself; row not yet written',
  ),
  'PUT /api/v1/risk/site-plan': owner(
    ['enterpriseId', 'uploadId'],
    'the upload is checked against the caller’s scope and the enterprise; row not yet written',
  ),
};
