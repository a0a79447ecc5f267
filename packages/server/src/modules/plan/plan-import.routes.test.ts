import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { planWorkbook, planWorkbookOf } from './plan-test-support.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const good = [
  {
    chapterNo: 1,
    chapterTitle: '主要任务',
    code: '1.1',
    kind: '主要任务',
    title: '健全安全生产责任体系',
    lead: '市应急管理局',
    participants: '市住房和城乡建设局、市交通运输局',
    milestones: '2026：制定实施方案；2027：完成中期评估',
  },
  {
    chapterNo: 2,
    chapterTitle: '重点工程',
    code: '2.1',
    kind: '重点工程',
    title: '应急指挥平台建设',
    lead: '市应急管理局',
    milestones: '2028：平台上线',
  },
];

describe('loading a bureau’s own plan from Excel', () => {
  let t: TestContext;
  let office: Caller;
  let unit: Caller;

  const upload = (file: Buffer, query: string, as: Caller = office, language = 'zh-CN') =>
    t.request({
      method: 'POST',
      url: `/api/v1/plan/imports?${query}`,
      headers: { 'content-type': XLSX, 'accept-language': language },
      payload: file,
      as,
    });
  const q = (name: string, validOnly = false) =>
    `name=${encodeURIComponent(name)}&startYear=2026&endYear=2030&validOnly=${validOnly}`;

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    office = await t.sessionFor(await t.createUser({ roles: ['safety_office'], scope: { kind: 'city' } }));
    unit = await t.sessionFor(await t.createUser({ roles: ['department_officer'], scope: { kind: 'city' } }));
  });
  afterAll(() => t.close());

  it('gives the template with its instructions sheet; a unit account may not import', async () => {
    const response = await t.request({ method: 'GET', url: '/api/v1/plan/imports/template', as: office });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '规划任务',
      '章节',
      '专栏',
      '规划指标',
      '成果',
      '填写说明',
    ]);
    expect(workbook.worksheets[0]!.getRow(1).getCell(3).value).toBe('任务编号*');
    expect((await upload(await planWorkbook(good), q('单位不能导入'), unit)).statusCode).toBe(403);
  });

  it('refuses a file with bad rows as a whole, naming each row, then loads the valid rows when asked', async () => {
    const file = await planWorkbook([
      ...good,
      { chapterNo: 2, code: '2.1', kind: '重点工程', title: '重复编号', lead: '市应急管理局' },
      { chapterNo: 2, code: '2.2', kind: '重点工程', title: '', lead: '市应急管理局' },
      { chapterNo: 2, code: '2.3', kind: '重点工程', title: '未知单位', lead: '市宇宙管理局' },
      { chapterNo: 2, code: '2.4', kind: '重点工程', title: '超出年份', milestones: '2031：收尾' },
    ]);
    const refused = await upload(file, q('某某市“十五五”安全生产规划'));
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json()).toEqual({
      committed: false,
      planId: null,
      totalRows: 6,
      imported: 0,
      invalidRows: 4,
      importedColumns: 0,
      importedIndicators: 0,
      importedDeliverables: 0,
      errors: [
        { sheet: '规划任务', row: 4, column: '任务编号', message: '任务编号与第 3 行重复：2.1' },
        { sheet: '规划任务', row: 5, column: '任务名称', message: '任务名称必填' },
        { sheet: '规划任务', row: 6, column: '牵头单位', message: '未知的单位：市宇宙管理局' },
        { sheet: '规划任务', row: 7, column: '年度节点', message: '节点年份须在 2026 至 2030 年之间：2031' },
      ],
    });
    const count = await t.db.query("SELECT 1 FROM plans WHERE name = '某某市“十五五”安全生产规划'");
    expect(count.rowCount).toBe(0);

    const english = await upload(file, q('某某市“十五五”安全生产规划'), office, 'en');
    expect(english.json().errors[1]).toEqual({
      sheet: '规划任务',
      row: 5,
      column: '任务名称',
      message: 'The title is required',
    });

    const loaded = await upload(file, q('某某市“十五五”安全生产规划', true));
    expect(loaded.json()).toMatchObject({ committed: true, imported: 2, invalidRows: 4 });
    const plan = (
      await t.request({ method: 'GET', url: `/api/v1/plan/plans/${loaded.json().planId}`, as: unit })
    ).json();
    expect(plan).toMatchObject({
      name: '某某市“十五五”安全生产规划',
      startYear: 2026,
      endYear: 2030,
      builtin: false,
    });
    expect(plan.chapters).toEqual([
      { no: 1, title: '主要任务' },
      { no: 2, title: '重点工程' },
    ]);
    expect(plan.tasks).toEqual([
      expect.objectContaining({
        code: '1.1',
        kind: 'task',
        lead: '市应急管理局',
        participants: ['市住房和城乡建设局', '市交通运输局'],
        milestones: [
          { year: 2026, title: '制定实施方案' },
          { year: 2027, title: '完成中期评估' },
        ],
      }),
      expect.objectContaining({
        code: '2.1',
        kind: 'project',
        milestones: [{ year: 2028, title: '平台上线' }],
      }),
    ]);
    const audit = await t.db.query<{ detail: string }>(
      "SELECT detail FROM audit_log WHERE action = 'plan.import' ORDER BY seq DESC LIMIT 1",
    );
    expect(audit.rows[0]!.detail).toBe('rows=6 imported=2 invalid=4 committed=true');
  });

  it('checks the 章节, 专栏 and 规划指标 sheets row by row, naming the sheet, and stores what they hold', async () => {
    const file = await planWorkbookOf({
      tasks: good,
      chapters: [
        { chapterNo: 1, chapterTitle: '总体要求' },
        { chapterNo: 1, chapterTitle: '重复的章' },
        { chapterNo: 4, chapterTitle: '' },
        { chapterNo: 5, chapterTitle: '保障措施' },
      ],
      columns: [
        { no: 1, title: '重点制定的文件', taskCode: '1.1', items: '《甲办法》；《乙办法》' },
        { no: 2, title: '无此任务', taskCode: '9.9' },
      ],
      indicators: [
        {
          no: 1,
          name: '生产安全事故死亡人数',
          target: '-15%',
          nature: '约束性',
          indicator: '生产安全事故死亡人数',
        },
        { no: 2, name: '较大事故起数', target: '下降 20%', nature: '参考性', indicator: 'major_accidents' },
        { no: 3, name: '宇宙指标', target: '下降 5%', nature: '预期性', indicator: '宇宙事故率' },
      ],
      deliverables: [
        { taskCode: '1.1', columnNo: 1, what: '《甲办法》', kind: '文件/制度', dueYear: 2027 },
        { taskCode: '1.1', columnNo: 2, what: '应急避难场所', kind: '场所', targetCount: 0, dueYear: 2031 },
        { taskCode: '9.9', what: '', kind: '宫殿', dueYear: 2027 },
      ],
    });
    const refused = (await upload(file, q('某某市专项规划'))).json();
    expect(refused).toMatchObject({ committed: false, totalRows: 14, invalidRows: 7 });
    expect(refused.errors).toEqual([
      { sheet: '章节', row: 3, column: '章序号', message: '章序号重复：1' },
      { sheet: '章节', row: 4, column: '章标题', message: '章标题必填' },
      { sheet: '专栏', row: 3, column: '所属任务编号', message: '本规划没有此任务编号：9.9' },
      { sheet: '规划指标', row: 3, column: '属性', message: '属性应为“约束性”或“预期性”：参考性' },
      {
        sheet: '规划指标',
        row: 4,
        column: '统计指标',
        message: '未知的统计指标：宇宙事故率（先在统计分析的指标设置中增加）',
      },
      // 专栏 2 is refused above, so a deliverable cannot name it.
      { sheet: '成果', row: 3, column: '专栏序号', message: '本规划没有此专栏：2' },
      { sheet: '成果', row: 3, column: '目标数量', message: '目标数量须为正整数：0' },
      { sheet: '成果', row: 3, column: '完成年份', message: '完成年份须在 2026 至 2030 年之间：2031' },
      { sheet: '成果', row: 4, column: '任务编号', message: '本规划没有此任务编号：9.9' },
      { sheet: '成果', row: 4, column: '成果', message: '成果必填' },
      {
        sheet: '成果',
        row: 4,
        column: '成果类型',
        message: '成果类型应为“文件/制度”“场所/设施建设”“平台/系统”或“其他”：宫殿',
      },
    ]);
    expect((await upload(file, q('某某市专项规划'), office, 'en')).json().errors[2]).toEqual({
      sheet: '专栏',
      row: 3,
      column: '所属任务编号',
      message: 'No task of this plan has the number 9.9',
    });

    const loaded = (await upload(file, q('某某市专项规划', true))).json();
    expect(loaded).toMatchObject({
      committed: true,
      imported: 2,
      importedColumns: 1,
      importedIndicators: 1,
      importedDeliverables: 1,
    });
    const plan = (
      await t.request({ method: 'GET', url: `/api/v1/plan/plans/${loaded.planId}`, as: unit })
    ).json();
    // The 章节 sheet names chapter 1 and adds chapter 5 (no tasks); chapter 2 is titled by its task row.
    expect(plan.chapters).toEqual([
      { no: 1, title: '总体要求' },
      { no: 2, title: '重点工程' },
      { no: 5, title: '保障措施' },
    ]);
    expect(plan.columns).toEqual([
      { no: 1, title: '重点制定的文件', taskCode: '1.1', items: ['《甲办法》', '《乙办法》'] },
    ]);
    expect(plan.indicators).toEqual([
      { no: 1, name: '生产安全事故死亡人数', target: '-15%', nature: '约束性', indicatorCode: 'deaths' },
    ]);
  });

  it('refuses a second plan of the same name and a file that is not a workbook, storing nothing', async () => {
    const again = await upload(await planWorkbook(good), q('某某市“十五五”安全生产规划'));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('plan.import_exists');
    const junk = await upload(Buffer.from('not a workbook'), q('另一个规划'));
    expect(junk.statusCode).toBe(400);
    expect(junk.json().error.code).toBe('import.file_invalid');
    const years = await upload(await planWorkbook(good), 'name=x&startYear=2030&endYear=2026');
    expect(years.statusCode).toBe(400);
    expect((await t.db.query('SELECT 1 FROM plans')).rowCount).toBe(3);
  });
});
