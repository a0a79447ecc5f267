import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSyntheticCreditCode } from '@anjian/domain';
import { insertEnterprise } from '../../../test/factories.ts';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { XLSX_TYPE } from '../../platform/office/index.ts';
import { examWorkbook, idNumberOf, policyWorkbook } from './obligations-import-test-support.ts';

const WELDER = idNumberOf('53040219800101001');
const PRINCIPAL = idNumberOf('53040219750505002');
const MANAGER = idNumberOf('53040219820303003');
const FAR_WORKER = idNumberOf('53042319900909004');
const STRANGER = idNumberOf('53040219880808005');
const CARD = 'T530402198001010011';

const exam = (values: Record<string, string | number | Date | null>) => ({
  institution: '玉溪市安全生产培训中心',
  hours: 48,
  result: '合格',
  ...values,
});
const welding = exam({
  name: '王焊工',
  idNumber: WELDER,
  category: '特种作业人员',
  operation: '熔化焊接与热切割作业',
  examDate: new Date(Date.UTC(2026, 9, 15)),
  score: 86,
  certificateNumber: CARD,
  authority: '玉溪市应急管理局',
});
const principal = exam({
  name: '赵经理',
  idNumber: PRINCIPAL,
  category: '危险化学品生产单位主要负责人',
  examDate: '2026/11/02',
  score: 92,
  hours: 32,
});
const managerFailed = exam({
  name: '钱安全',
  idNumber: MANAGER,
  category: '安全生产管理人员',
  examDate: '2026-11-05',
  score: 52,
  result: '不合格',
});

// The test clock reads 2026-11-29 (Beijing).
describe('importing exam results and 安责险 policies from Excel', () => {
  let t: TestContext;
  let city: Caller;
  let county: Caller;
  let inspector: Caller;
  let plant: string;
  let far: string;
  const people: Record<string, string> = {};

  const upload = (url: string, file: Buffer, as: Caller, language = 'zh-CN') =>
    t.request({
      method: 'POST',
      url: `/api/v1/obligations${url}`,
      headers: { 'content-type': XLSX_TYPE, 'accept-language': language },
      payload: file,
      as,
    });
  const get = (url: string, as: Caller = city) =>
    t.request({ method: 'GET', url: `/api/v1/obligations${url}`, as });
  const creditCodeOf = async (id: string) =>
    (await t.db.query<{ credit_code: string }>('SELECT credit_code FROM enterprises WHERE id = $1', [id]))
      .rows[0]!.credit_code;
  const count = async (table: string) =>
    (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    city = await t.sessionFor(await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }));
    county = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530402'] } }),
    );
    inspector = await t.sessionFor(
      await t.createUser({ roles: ['inspector'], scope: { kind: 'county', counties: ['530402'] } }),
    );
    plant = await insertEnterprise(t.db, {
      name: '红塔区导入化工有限公司',
      county: '530402',
      serial: 171,
      sectors: ['hazchem_production'],
    });
    far = await insertEnterprise(t.db, { name: '通海县导入矿业有限公司', county: '530423', serial: 172 });
    const register = async (enterpriseId: string, body: object) => {
      const created = await t.request({
        method: 'POST',
        url: '/api/v1/obligations/people',
        payload: { enterpriseId, ...body },
        as: city,
      });
      expect(created.statusCode, created.body).toBe(201);
      return created.json().id as string;
    };
    people.welder = await register(plant, {
      name: '王焊工',
      idNumber: WELDER,
      post: 'special_operation',
      operation: 'welding',
    });
    people.principal = await register(plant, { name: '赵经理', idNumber: PRINCIPAL, post: 'principal' });
    people.manager = await register(plant, { name: '钱安全', idNumber: MANAGER, post: 'safety_manager' });
    people.far = await register(far, {
      name: '孙电工',
      idNumber: FAR_WORKER,
      post: 'special_operation',
      operation: 'electrical',
    });
  });
  afterAll(() => t.close());

  it('gives both templates with their instructions; an inspector may neither download nor import', async () => {
    const template = await get('/exam-results/import-template', county);
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-disposition']).toBe(
      `attachment; filename="exam_results_template_20261129100000.xlsx"; filename*=UTF-8''${encodeURIComponent('培训考试成绩导入模板_20261129100000.xlsx')}`,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['考试成绩', '填写说明']);
    expect(book.worksheets[0]!.getRow(1).values).toEqual([
      undefined,
      '姓名*',
      '身份证号*',
      '考试类别*',
      '作业类别',
      '培训机构*',
      '培训学时*',
      '考试日期*',
      '成绩',
      '是否合格*',
      '证书编号',
      '发证机关',
      '发证日期',
      '有效期至',
    ]);
    const policies = await get('/policies/import-template', county);
    expect(policies.statusCode).toBe(200);
    const policyBook = new ExcelJS.Workbook();
    await policyBook.xlsx.load(policies.rawPayload as unknown as ArrayBuffer);
    expect(policyBook.worksheets[0]!.getRow(1).getCell(3).value).toBe('统一社会信用代码*');
    // The untouched templates import as they are: their example rows are skipped.
    const empty = { totalRows: 0, created: 0, updated: 0, skipped: 0, errors: 0, rows: [] };
    expect((await upload('/exam-results/import', template.rawPayload, county)).json()).toEqual(empty);
    expect((await upload('/policies/import', policies.rawPayload, county)).json()).toEqual(empty);

    expect((await get('/exam-results/import-template', inspector)).statusCode).toBe(403);
    expect((await upload('/exam-results/import', await examWorkbook([welding]), inspector)).statusCode).toBe(
      403,
    );
    expect((await upload('/policies/import', await policyWorkbook([]), inspector)).statusCode).toBe(403);
  });

  it('refuses a file that is not a workbook or lacks a required column with 400, writing nothing', async () => {
    const before = await count('obligation_training');
    const garbage = await upload('/exam-results/import', Buffer.from('姓名,身份证号\n王焊工,1'), county);
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().error).toMatchObject({
      code: 'import.file_invalid',
      message: '不是有效的 Excel（.xlsx）文件',
    });
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('考试成绩');
    sheet.addRow(['姓名', '考试类别', '考试日期', '是否合格', '培训机构', '培训学时']);
    sheet.addRow(['王焊工', '特种作业人员', '2026-10-15', '合格', '玉溪市安全生产培训中心', 48]);
    const noIdColumn = await upload(
      '/exam-results/import',
      Buffer.from(await book.xlsx.writeBuffer()),
      county,
      'en',
    );
    expect(noIdColumn.statusCode).toBe(400);
    expect(noIdColumn.json().error).toMatchObject({
      code: 'import.missing_columns',
      message: 'The file lacks required columns; use the downloadable template',
    });
    const policyBook = new ExcelJS.Workbook();
    policyBook.addWorksheet('安责险保单').addRow(['保险机构', '保单号']);
    const noCode = await upload('/policies/import', Buffer.from(await policyBook.xlsx.writeBuffer()), county);
    expect(noCode.statusCode).toBe(400);
    expect(noCode.json().error.code).toBe('import.missing_columns');
    expect(await count('obligation_training')).toBe(before);
    expect(await count('obligation_certificates')).toBe(0);
    expect(await count('obligation_policies')).toBe(0);
  });

  it('records each exam of a registered person, registers the passed one’s certificate and reports every row', async () => {
    const file = await examWorkbook([
      welding,
      principal,
      managerFailed,
      exam({ name: '张三', idNumber: STRANGER, category: '主要负责人', examDate: '2026-11-01' }),
      exam({
        name: '孙电工',
        idNumber: FAR_WORKER,
        category: '特种作业人员',
        operation: '电工作业',
        examDate: '2026-11-01',
      }),
      exam({
        name: '王汉工',
        idNumber: WELDER,
        category: '特种作业人员',
        operation: '低压电工作业',
        examDate: '2026-09-01',
      }),
      exam({
        name: '李四',
        idNumber: '530402198001010012',
        category: '主要负责人',
        examDate: '2026-11-01',
        hours: 0,
        result: '也许',
      }),
      exam({
        name: '赵经理',
        idNumber: PRINCIPAL,
        category: '特种作业人员',
        operation: '电工作业',
        examDate: '2026-11-03',
      }),
      { ...welding, score: 90 },
      exam({
        name: '钱安全',
        idNumber: MANAGER,
        category: '安全生产管理人员',
        examDate: '2026-11-20',
        certificateNumber: CARD,
        authority: '玉溪市应急管理局',
      }),
      { ...managerFailed, examDate: '2026-11-21', certificateNumber: 'AQ2026-0001' },
      exam({ name: '示例：某某', idNumber: STRANGER, category: '主要负责人', examDate: '2026-11-01' }),
    ]);
    const imported = await upload('/exam-results/import', file, county);
    expect(imported.statusCode, imported.body).toBe(200);
    const notFound = '本人数据范围内没有该身份证号的人员，请先在“三项岗位人员”中登记';
    expect(imported.json()).toEqual({
      totalRows: 11,
      created: 3,
      updated: 0,
      skipped: 0,
      errors: 8,
      rows: [
        {
          row: 2,
          outcome: 'created',
          subject: '王焊工',
          reason: `已登记考试成绩（合格）；已登记证书 ${CARD}`,
        },
        {
          row: 3,
          outcome: 'created',
          subject: '赵经理',
          reason: '已登记考试成绩（合格）；未填写证书编号，未登记证书',
        },
        { row: 4, outcome: 'created', subject: '钱安全', reason: '已登记考试成绩（不合格）' },
        { row: 5, outcome: 'error', subject: '张三', reason: notFound },
        // 通海县 is outside the county officer's scope: the same answer as an unknown number.
        { row: 6, outcome: 'error', subject: '孙电工', reason: notFound },
        { row: 7, outcome: 'error', subject: '王汉工', reason: '姓名与登记的不一致（登记为 王焊工）' },
        {
          row: 8,
          outcome: 'error',
          subject: '李四',
          reason:
            '身份证号格式或校验位不正确：530402198001010012；培训学时应为 1–400 的整数：0；是否合格应填“合格”或“不合格”：也许',
        },
        { row: 9, outcome: 'error', subject: '赵经理', reason: '考试类别与人员岗位（主要负责人）不符' },
        { row: 10, outcome: 'error', subject: '王焊工', reason: '与第 2 行是同一人员同一天的同类考试' },
        { row: 11, outcome: 'error', subject: '钱安全', reason: `证书编号 ${CARD} 已登记在其他人员名下` },
        { row: 12, outcome: 'error', subject: '钱安全', reason: '不合格的考试不能登记证书编号' },
      ],
    });

    const welder = (await get(`/people/${people.welder}`)).json();
    expect(welder.certificates).toEqual([
      expect.objectContaining({
        kind: 'special_operation',
        number: CARD,
        operation: 'welding',
        authority: '玉溪市应急管理局',
        issuedOn: '2026-10-15',
        expiresOn: '2032-10-14',
        reviewDueOn: '2029-10-14',
        status: 'valid',
      }),
    ]);
    expect(welder.training).toEqual([
      expect.objectContaining({
        course: '特种作业操作资格考试（焊接与热切割作业）',
        institution: '玉溪市安全生产培训中心',
        hours: 48,
        completedOn: '2026-10-15',
        examScore: 86,
        passed: true,
      }),
    ]);
    const manager = (await get(`/people/${people.manager}`)).json();
    expect(manager.certificates).toEqual([]);
    expect(manager.training).toEqual([
      expect.objectContaining({ completedOn: '2026-11-05', examScore: 52, passed: false }),
    ]);
    expect((await get(`/people/${people.far}`)).json().training).toEqual([]);
  });

  it('updates what changed on a second import and skips what the register already says', async () => {
    const second = await examWorkbook([
      { ...welding, authority: '云南省应急管理厅' },
      {
        ...principal,
        certificateNumber: 'ZJL2026001',
        authority: '云南省应急管理厅',
        issuedOn: '2026-11-10',
      },
      { ...managerFailed, score: 64 },
    ]);
    const updated = await upload('/exam-results/import', second, county);
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ totalRows: 3, created: 0, updated: 3, skipped: 0, errors: 0 });
    expect(updated.json().rows).toEqual([
      { row: 2, outcome: 'updated', subject: '王焊工', reason: `已更新证书 ${CARD}` },
      { row: 3, outcome: 'updated', subject: '赵经理', reason: '已登记证书 ZJL2026001' },
      { row: 4, outcome: 'updated', subject: '钱安全', reason: '已更新考试成绩' },
    ]);
    const again = await upload('/exam-results/import', second, county);
    expect(again.json().rows.map((r: { outcome: string; reason: string }) => [r.outcome, r.reason])).toEqual([
      ['skipped', '已导入过，内容相同'],
      ['skipped', '已导入过，内容相同'],
      ['skipped', '已导入过，内容相同'],
    ]);

    const welder = (await get(`/people/${people.welder}`)).json();
    expect(welder.training).toHaveLength(1);
    // No new issue date: the registered card keeps its dates, only the authority changes.
    expect(welder.certificates[0]).toMatchObject({
      authority: '云南省应急管理厅',
      issuedOn: '2026-10-15',
      expiresOn: '2032-10-14',
    });
    expect((await get(`/people/${people.principal}`)).json().certificates).toEqual([
      expect.objectContaining({
        kind: 'principal',
        number: 'ZJL2026001',
        issuedOn: '2026-11-10',
        expiresOn: '2029-11-09',
        reviewDueOn: null,
      }),
    ]);
    expect((await get(`/people/${people.manager}`)).json().training).toEqual([
      expect.objectContaining({ completedOn: '2026-11-05', examScore: 64, passed: false }),
    ]);
  });

  it('gives the reasons in English, and reaches people anywhere for a city officer', async () => {
    const file = await examWorkbook([
      exam({
        name: '孙电工',
        idNumber: FAR_WORKER,
        category: '特种作业人员',
        operation: '电工作业',
        examDate: '2026-11-01',
        result: '缺考',
        score: null,
      }),
      exam({ name: '张三', idNumber: STRANGER, category: '主要负责人', examDate: '2026-11-01' }),
      exam({ name: '钱安全', idNumber: MANAGER, category: '安全管理人员', examDate: '', hours: null }),
    ]);
    const imported = await upload('/exam-results/import', file, city, 'en');
    expect(imported.json().rows).toEqual([
      { row: 2, outcome: 'created', subject: '孙电工', reason: 'Exam result recorded (failed)' },
      {
        row: 3,
        outcome: 'error',
        subject: '张三',
        reason: 'No person with this ID number is registered in your scope; register the person first',
      },
      {
        row: 4,
        outcome: 'error',
        subject: '钱安全',
        reason: 'Training hours (培训学时) is required; Exam date (考试日期) is required',
      },
    ]);
  });

  it('registers and updates policies by credit code and policy number, row by row', async () => {
    const plantCode = await creditCodeOf(plant);
    const farCode = await creditCodeOf(far);
    const unknownCode = generateSyntheticCreditCode(179, { divisionCode: '530402' });
    const taken = await t.request({
      method: 'POST',
      url: '/api/v1/obligations/policies',
      payload: {
        enterpriseId: far,
        insurer: '中国平安财产保险股份有限公司玉溪中心支公司',
        policyNumber: 'PN-FAR-0001',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        insuredPersons: 30,
        perPersonYuan: 400000,
        premiumYuan: 6000,
      },
      as: city,
    });
    expect(taken.statusCode, taken.body).toBe(201);
    const policy = (values: Record<string, string | number | Date | null>) => ({
      insurer: '中国人民财产保险股份有限公司玉溪市分公司',
      creditCode: plantCode,
      enterpriseName: '红塔区导入化工有限公司',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      insuredPersons: 120,
      perPersonYuan: 400000,
      premiumYuan: 36000,
      ...values,
    });
    const first = policy({ policyNumber: 'AQX2026001', startsOn: new Date(Date.UTC(2026, 0, 1)) });
    const low = policy({
      policyNumber: 'AQX2026002',
      startsOn: '2026/03/01',
      endsOn: '2027/02/28',
      insuredPersons: 50,
      perPersonYuan: '300,000',
      premiumYuan: 9000.5,
    });
    const file = await policyWorkbook([
      first,
      low,
      policy({ policyNumber: 'AQX2026003', creditCode: farCode }),
      policy({ policyNumber: 'AQX2026004', creditCode: unknownCode }),
      policy({
        insurer: '',
        policyNumber: 'AQX2026005',
        creditCode: '91530402XXXX',
        startsOn: '2026-05-01',
        endsOn: '2026-04-01',
        insuredPersons: 0,
      }),
      policy({ policyNumber: 'AQX2026001' }),
      policy({ policyNumber: 'PN-FAR-0001' }),
    ]);
    const imported = await upload('/policies/import', file, county);
    expect(imported.statusCode, imported.body).toBe(200);
    const outside = (code: string) => `企业名录中没有该统一社会信用代码的企业，或不在本人数据范围内：${code}`;
    expect(imported.json()).toEqual({
      totalRows: 7,
      created: 2,
      updated: 0,
      skipped: 0,
      errors: 5,
      rows: [
        { row: 2, outcome: 'created', subject: 'AQX2026001', reason: '已登记红塔区导入化工有限公司的保单' },
        {
          row: 3,
          outcome: 'created',
          subject: 'AQX2026002',
          reason: '已登记红塔区导入化工有限公司的保单；每人限额低于起保日适用的最低标准 400000 元',
        },
        { row: 4, outcome: 'error', subject: 'AQX2026003', reason: outside(farCode) },
        { row: 5, outcome: 'error', subject: 'AQX2026004', reason: outside(unknownCode) },
        {
          row: 6,
          outcome: 'error',
          subject: 'AQX2026005',
          reason:
            '保险机构必填；统一社会信用代码不正确：91530402XXXX；终保日期不能早于起保日期；参保人数应为 1–1000000 的整数：0',
        },
        { row: 7, outcome: 'error', subject: 'AQX2026001', reason: '保单号与第 2 行重复' },
        { row: 8, outcome: 'error', subject: 'PN-FAR-0001', reason: '该保单号已登记在其他企业名下' },
      ],
    });

    const again = await upload(
      '/policies/import',
      await policyWorkbook([first, { ...low, premiumYuan: 9500 }]),
      county,
    );
    expect(again.json().rows).toEqual([
      { row: 2, outcome: 'skipped', subject: 'AQX2026001', reason: '已导入过，内容相同' },
      {
        row: 3,
        outcome: 'updated',
        subject: 'AQX2026002',
        reason: '已更新红塔区导入化工有限公司的保单；每人限额低于起保日适用的最低标准 400000 元',
      },
    ]);
    const listed = (await get('/policies?q=AQX2026', county)).json();
    expect(listed.items.map((p: { policyNumber: string }) => p.policyNumber).sort()).toEqual([
      'AQX2026001',
      'AQX2026002',
    ]);
    expect(listed.items.find((p: { policyNumber: string }) => p.policyNumber === 'AQX2026002')).toMatchObject(
      {
        enterpriseId: plant,
        startsOn: '2026-03-01',
        endsOn: '2027-02-28',
        insuredPersons: 50,
        perPersonYuan: 300000,
        premiumYuan: 9500,
        belowMinimum: true,
      },
    );
    // The register's export carries the template's headers: it imports back unchanged.
    const exported = await get('/policies/export', county);
    expect(exported.statusCode).toBe(200);
    const back = await upload('/policies/import', exported.rawPayload, county);
    expect(back.json()).toMatchObject({ totalRows: 2, created: 0, updated: 0, skipped: 2, errors: 0 });
    expect((await get('/policies?q=PN-FAR', city)).json().items[0]).toMatchObject({
      enterpriseId: far,
      insuredPersons: 30,
    });
  });
});
