import { generateSyntheticCreditCode } from '@anjian/domain';
import { XLSX_TYPE } from '../../src/platform/office/index.ts';
import {
  agencyWorkbook,
  examWorkbook,
  idNumberOf,
  licenceWorkbook,
  policyWorkbook,
  projectWorkbook,
} from '../../src/modules/obligations/obligations-import-test-support.ts';
import type { TestContext } from '../test-app.ts';
import type { RouteCase, Target } from './matrix-support.ts';
import { countyOf, enterpriseFor, readAll, riskRecordIn, riskRecordOut, statuses } from './matrix-support.ts';

/**
 * Authorisation-matrix rows for the obligations registers (see ../authorization-matrix.routes.test.ts).
 * The records belong to an enterprise: "in" is the enterprise account's own (江川区), "out" one in
 * 通海县. Reading needs registry:read, writing registry:write (the bureau officers).
 */
const O = '/api/v1/obligations';
let serial = 0;
const next = () => (serial += 1);

async function insert(t: TestContext, sql: string, params: unknown[]): Promise<string> {
  return (await t.db.query<{ id: string }>(sql, params)).rows[0]!.id;
}
async function newPerson(t: TestContext, target: Target) {
  const enterprise = await enterpriseFor(t, target);
  const person = await insert(
    t,
    `INSERT INTO obligation_people (enterprise_id, county, name, post, operation, created_at, updated_at)
     VALUES ($1, $2, '矩阵焊工', 'special_operation', 'welding', now(), now()) RETURNING id`,
    [enterprise, countyOf(target)],
  );
  return { enterprise, person };
}
async function newCertificate(t: TestContext, target: Target) {
  const { person } = await newPerson(t, target);
  const number = `MXZ${next()}${target}`;
  const id = await insert(
    t,
    `INSERT INTO obligation_certificates (person_id, kind, number, operation, authority, issued_on, expires_on, review_due_on, created_at)
     VALUES ($1, 'special_operation', $2, 'welding', '矩阵发证机关', '2025-01-01', '2030-12-31', '2027-12-31', now()) RETURNING id`,
    [person, number],
  );
  return { person, number, id };
}
const newPolicy = async (t: TestContext, target: Target) =>
  insert(
    t,
    `INSERT INTO obligation_policies (enterprise_id, county, insurer, policy_number, starts_on, ends_on, insured_persons,
       per_person_yuan, premium_yuan, created_at, updated_at)
     VALUES ($1, $2, '矩阵保险公司', $3, '2026-01-01', '2026-12-31', 10, 400000, 5000, now(), now()) RETURNING id`,
    [await enterpriseFor(t, target), countyOf(target), `MXB${next()}`],
  );
const newApplication = async (t: TestContext, target: Target) =>
  insert(
    t,
    `INSERT INTO obligation_licence_applications (number, enterprise_id, county, licence_type, kind, step, submitted_on, created_at, updated_at)
     VALUES ($1, $2, $3, 'hazchem_trading', 'renewal', 'submitted', '2026-11-20', now(), now()) RETURNING id`,
    [`矩阵许申${next()}`, await enterpriseFor(t, target), countyOf(target)],
  );
const newProject = async (t: TestContext, target: Target) =>
  insert(
    t,
    `INSERT INTO obligation_projects (enterprise_id, county, name, nature, created_at, updated_at)
     VALUES ($1, $2, '矩阵建设项目', 'new', now(), now()) RETURNING id`,
    [await enterpriseFor(t, target), countyOf(target)],
  );
async function newAgency(t: TestContext): Promise<string> {
  const n = next();
  return insert(
    t,
    `INSERT INTO obligation_agencies (name, credit_code, qualification, qualification_number, fields, authority,
       valid_from, valid_until, created_at, updated_at)
     VALUES ('矩阵评价机构', $1, 'safety_assessment', $2, '{mine}', '云南省应急管理厅', '2022-01-01', '2026-12-31', now(), now())
     RETURNING id`,
    [generateSyntheticCreditCode(800 + n, { divisionCode: '530102' }), `MXA${n}`],
  );
}
async function newReport(t: TestContext, target: Target): Promise<string> {
  return insert(
    t,
    `INSERT INTO obligation_agency_reports (agency_id, enterprise_id, county, kind, field, title, report_number,
       issued_on, conclusion, signers, created_at)
     VALUES ($1, $2, $3, 'status_assessment', 'mine', '矩阵报告', $4, '2026-06-01', 'meets', '[]', now()) RETURNING id`,
    [await newAgency(t), await enterpriseFor(t, target), countyOf(target), `MXR${next()}`],
  );
}
async function newSpotCheckItem(t: TestContext, target: Target): Promise<string> {
  const report = await newReport(t, target);
  const check = await insert(
    t,
    `INSERT INTO obligation_spot_checks (subject, period_from, period_to, mode, pool_size, drawn_at)
     VALUES ('agency_report', '2026-06-01', '2026-06-30', 'chosen', 1, '2026-11-01T02:00:00Z') RETURNING id`,
    [],
  );
  return insert(
    t,
    `INSERT INTO obligation_spot_check_items (spot_check_id, rank, report_id, enterprise_id, county)
     SELECT $1, 1, id, enterprise_id, county FROM obligation_agency_reports WHERE id = $2 RETURNING id`,
    [check, report],
  );
}
const newInspection = async (t: TestContext, target: Target, enterprise: string) =>
  insert(
    t,
    `INSERT INTO enforcement_inspections (kind, status, enterprise_id, county, inspector_ids, created_by, created_at, updated_at)
     VALUES ('ad_hoc', 'planned', $1, $2, '{}', (SELECT id FROM users LIMIT 1), now(), now()) RETURNING id`,
    [enterprise, countyOf(target)],
  );

const writers = (status: number) => statuses(403, { cityOfficer: status, countyOfficer: status });
const writersOut = (status: number) => statuses(403, { cityOfficer: status, countyOfficer: 404 });
const PERSON = { name: '矩阵人员', post: 'other' };

export const obligationsMatrix: Record<string, RouteCase> = {
  // Agencies answer to the province and work city-wide: their register has no scope of its own.
  [`GET ${O}/agencies`]: { build: async () => ({ url: `${O}/agencies` }), in: readAll() },
  [`GET ${O}/agencies/export`]: { build: async () => ({ url: `${O}/agencies/export` }), in: readAll() },
  [`POST ${O}/agencies`]: {
    build: async () => {
      const n = next();
      return {
        url: `${O}/agencies`,
        payload: {
          name: '矩阵检测机构',
          creditCode: generateSyntheticCreditCode(700 + n, { divisionCode: '530102' }),
          qualification: 'testing_inspection',
          qualificationNumber: `MXQ${n}`,
          fields: ['mine_special_equipment'],
          authority: '云南省应急管理厅',
          validFrom: '2024-01-01',
        },
      };
    },
    in: writers(201),
  },
  [`GET ${O}/agencies/:id`]: {
    build: async ({ t }) => ({ url: `${O}/agencies/${await newAgency(t)}` }),
    in: readAll(),
  },
  [`POST ${O}/agencies/:id/staff`]: {
    build: async ({ t }) => ({
      url: `${O}/agencies/${await newAgency(t)}/staff`,
      payload: {
        name: '矩阵评价师',
        role: 'assessor',
        registrationNumber: `MXS${next()}`,
        registeredOn: '2024-01-01',
      },
    }),
    in: writers(201),
  },
  [`GET ${O}/agency-reports`]: { build: async () => ({ url: `${O}/agency-reports` }), in: readAll() },
  [`GET ${O}/agency-reports/export`]: {
    build: async () => ({ url: `${O}/agency-reports/export` }),
    in: readAll(),
  },
  [`POST ${O}/agency-reports`]: {
    build: async ({ t, target }) => ({
      url: `${O}/agency-reports`,
      payload: {
        agencyId: await newAgency(t),
        enterpriseId: await enterpriseFor(t, target),
        kind: 'status_assessment',
        field: 'mine',
        title: '矩阵安全现状评价报告',
        reportNumber: `MXR${next()}`,
        issuedOn: '2026-06-01',
        conclusion: 'meets',
        signers: [{ name: '矩阵评价师', registrationNumber: 'MX-S' }],
      },
    }),
    in: writers(201),
    out: writersOut(201),
  },
  [`PUT ${O}/agency-reports/:id/disclosure`]: {
    build: async ({ t, target }) => ({
      url: `${O}/agency-reports/${await newReport(t, target)}/disclosure`,
      payload: {
        disclosedOn: '2026-06-05',
        disclosureUrl: 'https://example.cn/mx',
        disclosedItems: '矩阵公开',
      },
    }),
    in: writers(200),
    out: writersOut(200),
  },
  [`PUT ${O}/agency-reports/:id/notice`]: {
    build: async ({ t, target }) => ({
      url: `${O}/agency-reports/${await newReport(t, target)}/notice`,
      payload: { onsiteFrom: '2026-05-20', noticeOn: '2026-05-06' },
    }),
    in: writers(200),
    out: writersOut(200),
  },
  [`GET ${O}/spot-check-problems`]: {
    build: async () => ({ url: `${O}/spot-check-problems` }),
    in: readAll(),
  },
  [`GET ${O}/spot-checks`]: { build: async () => ({ url: `${O}/spot-checks` }), in: readAll() },
  [`GET ${O}/spot-checks/export`]: { build: async () => ({ url: `${O}/spot-checks/export` }), in: readAll() },
  [`POST ${O}/spot-checks`]: {
    build: async ({ t, target }) => ({
      url: `${O}/spot-checks`,
      payload: {
        subject: 'agency_report',
        from: '2026-06-01',
        to: '2026-06-30',
        chosenIds: [await newReport(t, target)],
      },
    }),
    in: writers(201),
    out: writersOut(201),
  },
  [`GET ${O}/spot-check-items`]: { build: async () => ({ url: `${O}/spot-check-items` }), in: readAll() },
  [`GET ${O}/spot-check-items/export`]: {
    build: async () => ({ url: `${O}/spot-check-items/export` }),
    in: readAll(),
  },
  [`PUT ${O}/spot-check-items/:id`]: {
    build: async ({ t, target }) => ({
      url: `${O}/spot-check-items/${await newSpotCheckItem(t, target)}`,
      payload: { checkedOn: '2026-11-20', inspectors: '矩阵检查员', findings: [], result: 'pass' },
    }),
    in: writers(200),
    out: writersOut(200),
  },
  [`GET ${O}/people`]: { build: async () => ({ url: `${O}/people` }), in: readAll() },
  [`GET ${O}/people/export`]: { build: async () => ({ url: `${O}/people/export` }), in: readAll() },
  [`POST ${O}/people`]: {
    build: async ({ t, target }) => ({
      url: `${O}/people`,
      payload: { ...PERSON, enterpriseId: await enterpriseFor(t, target) },
    }),
    in: writers(201),
    out: writersOut(201),
  },
  [`GET ${O}/people/:id`]: {
    build: async ({ t, target }) => ({ url: `${O}/people/${(await newPerson(t, target)).person}` }),
    in: riskRecordIn,
    out: riskRecordOut,
  },
  [`PUT ${O}/people/:id`]: {
    build: async ({ t, target }) => {
      const { enterprise, person } = await newPerson(t, target);
      return { url: `${O}/people/${person}`, payload: { ...PERSON, enterpriseId: enterprise } };
    },
    in: writers(200),
    out: writersOut(200),
  },
  [`DELETE ${O}/people/:id`]: {
    build: async ({ t, target }) => ({ url: `${O}/people/${(await newPerson(t, target)).person}` }),
    in: writers(200),
    out: writersOut(200),
  },
  [`POST ${O}/people/:id/certificates`]: {
    build: async ({ t, target }) => ({
      url: `${O}/people/${(await newPerson(t, target)).person}/certificates`,
      payload: {
        kind: 'special_operation',
        operation: 'welding',
        number: `MXN${next()}`,
        authority: '矩阵发证机关',
        issuedOn: '2025-06-01',
      },
    }),
    in: writers(201),
    out: writersOut(201),
  },
  [`DELETE ${O}/people/:id/certificates/:certificateId`]: {
    build: async ({ t, target }) => {
      const c = await newCertificate(t, target);
      return { url: `${O}/people/${c.person}/certificates/${c.id}` };
    },
    in: writers(200),
    out: writersOut(200),
  },
  [`POST ${O}/people/:id/training`]: {
    build: async ({ t, target }) => ({
      url: `${O}/people/${(await newPerson(t, target)).person}/training`,
      payload: { course: '焊接复审培训', institution: '矩阵培训机构', hours: 8, completedOn: '2026-10-01' },
    }),
    in: writers(201),
    out: writersOut(201),
  },
  [`GET ${O}/certificates/:number`]: {
    build: async ({ t, target }) => ({
      url: `${O}/certificates/${(await newCertificate(t, target)).number}`,
    }),
    in: riskRecordIn,
    out: riskRecordOut,
  },
  [`GET ${O}/enterprises/:id/certificate-gaps`]: {
    build: async ({ t, target }) => ({
      url: `${O}/enterprises/${await enterpriseFor(t, target)}/certificate-gaps`,
    }),
    in: riskRecordIn,
    out: riskRecordOut,
  },
  [`POST ${O}/enterprises/:id/certificate-gaps/findings`]: {
    build: async ({ t, target }) => {
      const { enterprise, person } = await newPerson(t, target);
      return {
        url: `${O}/enterprises/${enterprise}/certificate-gaps/findings`,
        payload: {
          inspectionId: await newInspection(t, target, enterprise),
          kind: 'uncertified_operation',
          personId: person,
        },
      };
    },
    // Roster inspectors not paired with the inspection are refused; bureau officers record for them.
    in: statuses(403, { cityOfficer: 200, countyOfficer: 200 }),
    out: statuses(403, { cityOfficer: 200, countyOfficer: 404, inspector: 404 }),
  },
  [`GET ${O}/exam-results/import-template`]: {
    build: async () => ({ url: `${O}/exam-results/import-template` }),
    in: writers(200),
  },
  // Rows naming people outside the caller's scope come back as row errors in a 200 report
  // (obligations-import.routes.test.ts).
  [`POST ${O}/exam-results/import`]: {
    build: async () => ({
      url: `${O}/exam-results/import`,
      headers: { 'content-type': XLSX_TYPE },
      payload: await examWorkbook([
        {
          name: '矩阵焊工',
          idNumber: idNumberOf('53040319800101001'),
          category: '特种作业人员',
          operation: '焊接与热切割作业',
          institution: '矩阵培训机构',
          hours: 8,
          examDate: '2026-10-01',
          result: '合格',
        },
      ]),
    }),
    in: writers(200),
  },
  [`GET ${O}/policies/import-template`]: {
    build: async () => ({ url: `${O}/policies/import-template` }),
    in: writers(200),
  },
  [`POST ${O}/policies/import`]: {
    build: async ({ t, target }) => {
      const enterprise = await enterpriseFor(t, target);
      const code = await t.db.query<{ credit_code: string }>(
        'SELECT credit_code FROM enterprises WHERE id = $1',
        [enterprise],
      );
      return {
        url: `${O}/policies/import`,
        headers: { 'content-type': XLSX_TYPE },
        payload: await policyWorkbook([
          {
            insurer: '矩阵保险公司',
            policyNumber: `MXI${next()}`,
            creditCode: code.rows[0]!.credit_code,
            startsOn: '2026-01-01',
            endsOn: '2026-12-31',
            insuredPersons: 10,
            perPersonYuan: 400000,
            premiumYuan: 5000,
          },
        ]),
      };
    },
    in: writers(200),
    out: writers(200),
  },
  // Licence, project and agency imports: rows naming an enterprise outside the caller's scope come
  // back as row errors in a 200 report (register-imports.routes.test.ts).
  [`GET ${O}/licences/import-template`]: {
    build: async () => ({ url: `${O}/licences/import-template` }),
    in: writers(200),
  },
  [`POST ${O}/licences/import`]: {
    build: async ({ t, target }) => {
      const enterprise = await enterpriseFor(t, target);
      const code = await t.db.query<{ credit_code: string }>(
        'SELECT credit_code FROM enterprises WHERE id = $1',
        [enterprise],
      );
      return {
        url: `${O}/licences/import`,
        headers: { 'content-type': XLSX_TYPE },
        payload: await licenceWorkbook([
          {
            creditCode: code.rows[0]!.credit_code,
            licenceType: '其他许可',
            kind: '首次申请',
            submittedOn: `2026-0${(next() % 9) + 1}-01`,
          },
        ]),
      };
    },
    in: writers(200),
    out: writers(200),
  },
  [`GET ${O}/projects/import-template`]: {
    build: async () => ({ url: `${O}/projects/import-template` }),
    in: writers(200),
  },
  [`POST ${O}/projects/import`]: {
    build: async ({ t, target }) => {
      const enterprise = await enterpriseFor(t, target);
      const code = await t.db.query<{ credit_code: string }>(
        'SELECT credit_code FROM enterprises WHERE id = $1',
        [enterprise],
      );
      return {
        url: `${O}/projects/import`,
        headers: { 'content-type': XLSX_TYPE },
        payload: await projectWorkbook([
          { name: `矩阵项目${next()}`, creditCode: code.rows[0]!.credit_code, nature: '新建' },
        ]),
      };
    },
    in: writers(200),
    out: writers(200),
  },
  [`GET ${O}/agencies/import-template`]: {
    build: async () => ({ url: `${O}/agencies/import-template` }),
    in: writers(200),
  },
  [`POST ${O}/agencies/import`]: {
    build: async () => {
      const serial = next();
      return {
        url: `${O}/agencies/import`,
        headers: { 'content-type': XLSX_TYPE },
        payload: await agencyWorkbook([
          {
            name: `矩阵导入机构${serial}`,
            creditCode: generateSyntheticCreditCode(7000 + serial, { divisionCode: '530102' }),
            qualification: '安全评价',
            qualificationNumber: `MXA-I-${serial}`,
            fields: '矿山',
            authority: '云南省应急管理厅',
            validFrom: '2024-01-01',
          },
        ]),
      };
    },
    in: writers(200),
  },
  [`GET ${O}/policies`]: { build: async () => ({ url: `${O}/policies` }), in: readAll() },
  [`GET ${O}/policies/export`]: { build: async () => ({ url: `${O}/policies/export` }), in: readAll() },
  [`POST ${O}/policies`]: {
    build: async ({ t, target }) => ({
      url: `${O}/policies`,
      payload: {
        enterpriseId: await enterpriseFor(t, target),
        insurer: '矩阵保险公司',
        policyNumber: `MXP${next()}`,
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        insuredPersons: 20,
        perPersonYuan: 400000,
        premiumYuan: 8000,
      },
    }),
    in: writers(201),
    out: writersOut(201),
  },
  [`DELETE ${O}/policies/:id`]: {
    build: async ({ t, target }) => ({ url: `${O}/policies/${await newPolicy(t, target)}` }),
    in: writers(200),
    out: writersOut(200),
  },
  [`GET ${O}/coverage`]: { build: async () => ({ url: `${O}/coverage?status=gaps` }), in: readAll() },
  [`GET ${O}/coverage/export`]: { build: async () => ({ url: `${O}/coverage/export` }), in: readAll() },
  [`GET ${O}/licence-applications`]: {
    build: async () => ({ url: `${O}/licence-applications` }),
    in: readAll(),
  },
  [`GET ${O}/licence-applications/export`]: {
    build: async () => ({ url: `${O}/licence-applications/export` }),
    in: readAll(),
  },
  [`POST ${O}/licence-applications`]: {
    build: async ({ t, target }) => ({
      url: `${O}/licence-applications`,
      payload: {
        enterpriseId: await enterpriseFor(t, target),
        licenceType: 'hazchem_trading',
        kind: 'renewal',
        submittedOn: '2026-11-20',
      },
    }),
    in: writers(201),
    out: writersOut(201),
  },
  [`GET ${O}/licence-applications/:id`]: {
    build: async ({ t, target }) => ({ url: `${O}/licence-applications/${await newApplication(t, target)}` }),
    in: riskRecordIn,
    out: riskRecordOut,
  },
  [`POST ${O}/licence-applications/:id/steps`]: {
    build: async ({ t, target }) => ({
      url: `${O}/licence-applications/${await newApplication(t, target)}/steps`,
      payload: { step: 'accepted', on: '2026-11-23' },
    }),
    in: writers(200),
    out: writersOut(200),
  },
  [`GET ${O}/projects`]: { build: async () => ({ url: `${O}/projects` }), in: readAll() },
  [`GET ${O}/projects/export`]: { build: async () => ({ url: `${O}/projects/export` }), in: readAll() },
  [`POST ${O}/projects`]: {
    build: async ({ t, target }) => ({
      url: `${O}/projects`,
      payload: { enterpriseId: await enterpriseFor(t, target), name: '矩阵扩建项目', nature: 'expanded' },
    }),
    in: writers(201),
    out: writersOut(201),
  },
  [`GET ${O}/projects/:id`]: {
    build: async ({ t, target }) => ({ url: `${O}/projects/${await newProject(t, target)}` }),
    in: riskRecordIn,
    out: riskRecordOut,
  },
  [`POST ${O}/projects/:id/steps`]: {
    build: async ({ t, target }) => ({
      url: `${O}/projects/${await newProject(t, target)}/steps`,
      payload: { step: 'pre_assessment', passed: true, completedOn: '2026-11-01' },
    }),
    in: writers(200),
    out: writersOut(200),
  },
};
