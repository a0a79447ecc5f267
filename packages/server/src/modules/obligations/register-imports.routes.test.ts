import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSyntheticCreditCode } from '@anjian/domain';
import { insertEnterprise } from '../../../test/factories.ts';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { XLSX_TYPE } from '../../platform/office/index.ts';
import { agencyWorkbook, licenceWorkbook, projectWorkbook } from './obligations-import-test-support.ts';

// The test clock reads 2026-11-29 (Beijing).
describe('importing licence applications, 三同时 projects and technical service agencies from Excel', () => {
  let t: TestContext;
  let county: Caller;
  let inspector: Caller;
  let plantCode: string;
  let farCode: string;
  let plant: string;

  const upload = (kind: string, file: Buffer, as: Caller = county, language = 'zh-CN') =>
    t.request({
      method: 'POST',
      url: `/api/v1/obligations/${kind}/import`,
      headers: { 'content-type': XLSX_TYPE, 'accept-language': language },
      payload: file,
      as,
    });
  const count = async (sql: string, params: unknown[] = []) =>
    (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]!.n;
  const codeOf = async (id: string) =>
    (await t.db.query<{ credit_code: string }>('SELECT credit_code FROM enterprises WHERE id = $1', [id]))
      .rows[0]!.credit_code;

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    county = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530402'] } }),
    );
    inspector = await t.sessionFor(
      await t.createUser({ roles: ['inspector'], scope: { kind: 'county', counties: ['530402'] } }),
    );
    plant = await insertEnterprise(t.db, { name: '红塔区许可化工有限公司', county: '530402', serial: 181 });
    await insertEnterprise(t.db, { name: '红塔区烟花经营部', county: '530402', serial: 182 });
    await insertEnterprise(t.db, { name: '红塔区同名商行', county: '530402', serial: 183 });
    await insertEnterprise(t.db, { name: '红塔区同名商行', county: '530402', serial: 184 });
    const far = await insertEnterprise(t.db, {
      name: '通海县许可矿业有限公司',
      county: '530423',
      serial: 185,
    });
    plantCode = await codeOf(plant);
    farCode = await codeOf(far);
  });
  afterAll(() => t.close());

  it('gives the three templates; untouched they import nothing; an inspector may neither download nor import', async () => {
    const empty = { totalRows: 0, created: 0, updated: 0, skipped: 0, errors: 0, rows: [] };
    const headers: Record<string, unknown[]> = {};
    for (const kind of ['licences', 'projects', 'agencies']) {
      const template = await t.request({
        method: 'GET',
        url: `/api/v1/obligations/${kind}/import-template`,
        as: county,
      });
      expect(template.statusCode).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
      expect(book.worksheets[1]!.name).toBe('填写说明');
      headers[kind] = (book.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
      expect((await upload(kind, template.rawPayload)).json()).toEqual(empty);
      const refused = await t.request({
        method: 'GET',
        url: `/api/v1/obligations/${kind}/import-template`,
        as: inspector,
      });
      expect(refused.statusCode).toBe(403);
      expect((await upload(kind, template.rawPayload, inspector)).statusCode).toBe(403);
    }
    expect(headers).toEqual({
      licences: ['统一社会信用代码', '企业名称', '许可类别*', '申请类型*', '申请日期*', '备注'],
      projects: ['项目名称*', '统一社会信用代码', '建设单位', '建设性质*', '投产日期'],
      agencies: [
        '机构名称*',
        '统一社会信用代码*',
        '资质类型*',
        '资质证书编号*',
        '业务范围*',
        '资质认可机关*',
        '有效期起*',
        '有效期至',
      ],
    });
  });

  it('licence applications: keeps the good rows, reports the bad ones, and a repeated import adds nothing', async () => {
    const file = await licenceWorkbook([
      {
        creditCode: plantCode,
        licenceType: '危险化学品经营许可证',
        kind: '延期换证',
        submittedOn: '2026-11-02',
      },
      {
        enterpriseName: '红塔区烟花经营部',
        licenceType: '烟花爆竹经营（零售）许可证',
        kind: '首次申请',
        submittedOn: new Date(Date.UTC(2026, 10, 20)),
        notes: '春节前零售点',
      },
      { creditCode: plantCode, licenceType: '驾驶证', kind: '延期', submittedOn: '2026-02-30' },
      {
        creditCode: farCode,
        licenceType: '安全生产许可证（非煤矿山）',
        kind: '延续',
        submittedOn: '2026-11-01',
      },
      { enterpriseName: '红塔区同名商行', licenceType: '其他许可', kind: '变更', submittedOn: '2026-11-03' },
      { creditCode: plantCode, licenceType: '危险化学品经营许可证', kind: '换证', submittedOn: '2026/11/2' },
      { licenceType: '其他许可', kind: '变更', submittedOn: '2026-12-01' },
    ]);
    const before = await count('obligation_licence_applications');
    const first = await upload('licences', file);
    expect(first.statusCode, first.body).toBe(200);
    const report = first.json();
    expect(report.rows).toEqual([
      {
        row: 2,
        outcome: 'created',
        subject: '红塔区许可化工有限公司',
        reason: '已登记延期换证 许申〔2026〕1号',
      },
      {
        row: 3,
        outcome: 'created',
        subject: '红塔区烟花经营部',
        reason: '已登记首次申请 许申〔2026〕2号',
      },
      {
        row: 4,
        outcome: 'error',
        subject: plantCode,
        reason: '许可类别不在许可证类别中：驾驶证；申请日期不是有效日期（如 2026-10-15）：2026-02-30',
      },
      {
        row: 5,
        outcome: 'error',
        // The enterprise outside the caller's scope is not named.
        subject: farCode,
        reason: `企业名录中没有该统一社会信用代码的企业，或不在本人数据范围内：${farCode}`,
      },
      {
        row: 6,
        outcome: 'error',
        subject: '红塔区同名商行',
        reason: '本人数据范围内有 2 家企业名为“红塔区同名商行”，请填写统一社会信用代码',
      },
      { row: 7, outcome: 'error', subject: '红塔区许可化工有限公司', reason: '与第 2 行是同一件申请' },
      {
        row: 8,
        outcome: 'error',
        subject: '',
        reason: '统一社会信用代码和企业名称至少填写一项；申请日期不能晚于今天：2026-12-01',
      },
    ]);
    expect([report.totalRows, report.created, report.skipped, report.errors]).toEqual([7, 2, 0, 5]);
    expect(await count('obligation_licence_applications')).toBe(before + 2);
    const stored = await t.db.query(
      `SELECT licence_type, kind, step, submitted_on::text, notes FROM obligation_licence_applications
       WHERE number IN ('许申〔2026〕1号', '许申〔2026〕2号') ORDER BY number`,
    );
    expect(stored.rows).toEqual([
      {
        licence_type: 'hazchem_trading',
        kind: 'renewal',
        step: 'submitted',
        submitted_on: '2026-11-02',
        notes: null,
      },
      {
        licence_type: 'fireworks_retail',
        kind: 'new',
        step: 'submitted',
        submitted_on: '2026-11-20',
        notes: '春节前零售点',
      },
    ]);

    const again = (await upload('licences', file, county, 'en')).json();
    expect([again.created, again.skipped, again.errors]).toEqual([0, 2, 5]);
    expect(again.rows[0]).toEqual({
      row: 2,
      outcome: 'skipped',
      subject: '红塔区许可化工有限公司',
      reason: 'Already registered (same enterprise, licence type, kind and date)',
    });
    expect(again.rows[5].reason).toBe('The same application as row 2');
    expect(await count('obligation_licence_applications')).toBe(before + 2);
  });

  it('三同时 projects: keeps the good rows, reports the bad ones, updates a changed project, never duplicates', async () => {
    const rows: Record<string, string>[] = [
      { name: '硫酸扩建项目', creditCode: plantCode, nature: '扩建' },
      {
        name: '烟花仓库新建项目',
        enterpriseName: '红塔区烟花经营部',
        nature: '新建',
        productionStartedOn: '2026-06-01',
      },
      { name: '矿井改建项目', creditCode: farCode, nature: '改建' },
      { name: '无名项目', creditCode: plantCode, nature: '翻建', productionStartedOn: '2027-01-01' },
      { name: '硫酸扩建项目', creditCode: plantCode, nature: '扩建' },
    ];
    const first = (await upload('projects', await projectWorkbook(rows))).json();
    expect(first.rows.map((r: { outcome: string }) => r.outcome)).toEqual([
      'created',
      'created',
      'error',
      'error',
      'error',
    ]);
    expect(first.rows[3].reason).toBe('建设性质应为新建、改建或扩建：翻建；投产日期不能晚于今天：2027-01-01');
    expect(first.rows[4].reason).toBe('与第 2 行是同一项目');
    expect(await count('obligation_projects WHERE enterprise_id = $1', [plant])).toBe(1);

    const changed = await projectWorkbook([
      { name: '硫酸扩建项目', creditCode: plantCode, nature: '扩建', productionStartedOn: '2026-10-08' },
      rows[1]!,
    ]);
    const second = (await upload('projects', changed)).json();
    expect(second.rows).toEqual([
      { row: 2, outcome: 'updated', subject: '硫酸扩建项目', reason: '已更新红塔区许可化工有限公司的项目' },
      { row: 3, outcome: 'skipped', subject: '烟花仓库新建项目', reason: '已导入过，内容相同' },
    ]);
    expect((await upload('projects', changed)).json().skipped).toBe(2);
    const stored = await t.db.query(
      `SELECT name, nature, production_started_on::text AS started FROM obligation_projects
       WHERE name IN ('硫酸扩建项目', '烟花仓库新建项目') ORDER BY name`,
    );
    expect(stored.rows).toEqual([
      { name: '烟花仓库新建项目', nature: 'new', started: '2026-06-01' },
      { name: '硫酸扩建项目', nature: 'expanded', started: '2026-10-08' },
    ]);
  });

  it('agencies: keeps the good rows, reports the bad ones, matches a registered agency by its credit code', async () => {
    const assessor = generateSyntheticCreditCode(951, { divisionCode: '530102' });
    const tester = generateSyntheticCreditCode(952, { divisionCode: '530102' });
    const good = {
      name: '云南导入安全评价有限公司',
      creditCode: assessor,
      qualification: '安全评价',
      qualificationNumber: 'APJ-（滇）-951',
      fields: '矿山、危险物品生产、储存、装卸',
      authority: '云南省应急管理厅',
      validFrom: '2024-03-01',
    };
    const rows: Record<string, string>[] = [
      good,
      {
        ...good,
        name: '云南导入检测检验有限公司',
        creditCode: tester,
        qualification: '检测检验',
        qualificationNumber: 'APJ-（滇）-952',
        fields: '矿山井下特种设备；金属冶炼',
        validUntil: '2028-12-31',
      },
      { ...good, name: '坏代码机构', creditCode: '91530102MA6K00000X', qualificationNumber: 'X-1' },
      {
        ...good,
        name: '范围错误机构',
        creditCode: generateSyntheticCreditCode(953, { divisionCode: '530102' }),
        qualificationNumber: 'APJ-（滇）-953',
        fields: '矿山、建筑施工',
        validUntil: '2020-01-01',
      },
      {
        ...good,
        name: '重复资质机构',
        creditCode: generateSyntheticCreditCode(954, { divisionCode: '530102' }),
      },
    ];
    const before = await count('obligation_agencies');
    const first = (await upload('agencies', await agencyWorkbook(rows))).json();
    expect(first.rows).toEqual([
      {
        row: 2,
        outcome: 'created',
        subject: '云南导入安全评价有限公司',
        reason: '已登记，资质有效期至 2029-02-28',
      },
      {
        row: 3,
        outcome: 'created',
        subject: '云南导入检测检验有限公司',
        reason: '已登记，资质有效期至 2028-12-31',
      },
      {
        row: 4,
        outcome: 'error',
        subject: '坏代码机构',
        reason: '统一社会信用代码不正确：91530102MA6K00000X',
      },
      {
        row: 5,
        outcome: 'error',
        subject: '范围错误机构',
        reason:
          '业务范围只能是 矿山；金属冶炼；危险物品生产、储存、装卸；矿山井下特种设备：矿山、建筑施工；有效期至不能早于有效期起',
      },
      { row: 6, outcome: 'error', subject: '重复资质机构', reason: '与第 2 行是同一机构或同一资质证书' },
    ]);
    expect(await count('obligation_agencies')).toBe(before + 2);
    const stored = await t.db.query(
      `SELECT qualification, fields, valid_until::text AS until FROM obligation_agencies
       WHERE credit_code = ANY ($1::text[]) ORDER BY name`,
      [[assessor, tester]],
    );
    expect(stored.rows).toEqual([
      { qualification: 'safety_assessment', fields: ['mine', 'dangerous_goods'], until: '2029-02-28' },
      {
        qualification: 'testing_inspection',
        fields: ['metal_smelting', 'mine_special_equipment'],
        until: '2028-12-31',
      },
    ]);

    const renewed = await agencyWorkbook([
      { ...good, validFrom: '2026-03-01', validUntil: '2031-02-28' },
      {
        ...good,
        name: '冒用资质机构',
        creditCode: generateSyntheticCreditCode(955, { divisionCode: '530102' }),
        qualificationNumber: 'APJ-（滇）-952',
      },
    ]);
    const second = (await upload('agencies', renewed)).json();
    expect(second.rows).toEqual([
      {
        row: 2,
        outcome: 'updated',
        subject: '云南导入安全评价有限公司',
        reason: '已更新，资质有效期至 2031-02-28',
      },
      { row: 3, outcome: 'error', subject: '冒用资质机构', reason: '该资质证书编号已登记在其他机构名下' },
    ]);
    expect((await upload('agencies', await agencyWorkbook([rows[1]!]))).json().rows).toEqual([
      { row: 2, outcome: 'skipped', subject: '云南导入检测检验有限公司', reason: '已导入过，内容相同' },
    ]);
    expect(await count('obligation_agencies')).toBe(before + 2);
  });
});
