import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { builtinPlanId, orgId, planWorkbookOf, taskId } from './plan-test-support.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

interface PlanAnswer {
  id: string;
  chapters: { no: number; title: string }[];
  tasks: {
    id: string;
    code: string;
    chapterNo: number;
    kind: string;
    title: string;
    lead: string | null;
    participants: string[];
    milestones: { year: number; title: string }[];
  }[];
  columns: unknown[];
  indicators: unknown[];
}

/** What a plan says, without its ids and the assignments made since. */
const contentOf = (plan: PlanAnswer) => ({
  chapters: plan.chapters,
  tasks: plan.tasks.map(({ code, chapterNo, kind, title, lead, participants, milestones }) => ({
    code,
    chapterNo,
    kind,
    title,
    lead,
    participants,
    milestones,
  })),
  columns: plan.columns,
  indicators: plan.indicators,
});

/** Each sheet of a workbook as rows of cell texts (header row first). */
async function sheetsOf(payload: Buffer): Promise<Record<string, string[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(payload as unknown as ArrayBuffer);
  return Object.fromEntries(
    book.worksheets.map((sheet) => {
      const rows: string[][] = [];
      sheet.eachRow((row) =>
        rows.push(Array.from((row.values as unknown[]).slice(1), (v) => (v == null ? '' : String(v)))),
      );
      return [sheet.name, rows];
    }),
  );
}

/** The test clock reads 2026-11-29 10:00 China time. */
describe('a plan exported to Excel, loaded again; the plan tasks of one plan', () => {
  let t: TestContext;
  let office: Caller;
  let unit: Caller;

  const get = (url: string, as: Caller, language = 'zh-CN') =>
    t.request({ method: 'GET', url: `/api/v1${url}`, as, headers: { 'accept-language': language } });
  const load = (file: Buffer, name: string, endYear = 2025) =>
    t.request({
      method: 'POST',
      url: `/api/v1/plan/imports?name=${encodeURIComponent(name)}&startYear=2021&endYear=${endYear}`,
      headers: { 'content-type': XLSX },
      payload: file,
      as: office,
    });

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    office = await t.sessionFor(await t.createUser({ roles: ['safety_office'], scope: { kind: 'city' } }));
    unit = await t.sessionFor(await t.createUser({ roles: ['department_officer'], scope: { kind: 'city' } }));
  });
  afterAll(() => t.close());

  it('exports the built-in 十四五 plan in the template’s format, and it loads again as the same plan', async () => {
    const builtin = await builtinPlanId(t);
    const exported = await get(`/plan/plans/${builtin}/export`, unit);
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.headers['content-type']).toBe(XLSX);
    expect(exported.headers['content-disposition']).toBe(
      `attachment; filename="plan_yuxi-14th-safety_20261129100000.xlsx"; ` +
        `filename*=UTF-8''${encodeURIComponent('玉溪市“十四五”安全生产规划_20261129100000.xlsx')}`,
    );
    const sheets = await sheetsOf(exported.rawPayload);
    expect(Object.keys(sheets)).toEqual(['规划任务', '章节', '专栏', '规划指标', '成果', '填写说明']);
    // 成果: the 12 documents of 专栏 2, 3, 4, 11, 12, 13 (due at the mid-term) and the 6 of chapter 四.
    expect(sheets['成果']![0]).toEqual([
      '任务编号*',
      '专栏序号',
      '成果*',
      '成果类型*',
      '目标数量',
      '完成年份*',
      '完成情况（导入时不读取）',
    ]);
    expect(sheets['成果']).toHaveLength(1 + 18);
    expect(sheets['成果']![1]).toEqual([
      '3.1',
      '2',
      '《玉溪市人民政府领导安全生产工作职责任务分工》',
      '文件/制度',
      '',
      '2023',
      '未完成',
    ]);
    expect(sheets['成果']!.find((row) => row[0] === '4.5')).toEqual([
      '4.5',
      '15',
      'G245 岔河桥、G357 大路笼桥等桥梁改造加固',
      '场所/设施建设',
      '7',
      '2025',
      '未完成',
    ]);
    expect(sheets['成果']!.find((row) => row[0] === '4.6')).toEqual([
      '4.6',
      '16',
      '玉溪市应急管理综合应用平台',
      '平台/系统',
      '',
      '2025',
      '未完成',
    ]);
    expect(sheets['规划任务']![0]).toEqual([
      '章序号*',
      '章标题',
      '任务编号*',
      '类型*',
      '任务名称*',
      '牵头单位',
      '配合单位',
      '年度节点',
    ]);
    expect(sheets['规划任务']!.find((row) => row[2] === '4.8')).toEqual([
      '4',
      '重点工程',
      '4.8',
      '重点工程',
      '安全生产应急救援能力提升工程',
      '市应急管理局',
      '市消防救援支队',
      '',
    ]);
    expect(sheets['专栏']![3]).toEqual([
      '3',
      '重点制定、修订的文件',
      '3.2',
      '《玉溪市深化应急管理综合行政执法改革实施方案》\n《玉溪市安全生产行政执法与刑事司法衔接工作办法》',
    ]);
    expect(sheets['规划指标']![1]).toEqual([
      '1',
      '生产安全事故死亡人数',
      '下降 15%',
      '约束性',
      '生产安全事故死亡人数',
    ]);
    expect(sheets['填写说明']![0]![0]).toBe(
      '本文件导出自“玉溪市“十四五”安全生产规划”（2021–2025 年），导出时间 2026-11-29 10:00:00。修改后可在“规划实施 → 规划导入”重新导入为一个新规划（另取一个规划名称）。',
    );

    const loaded = await load(exported.rawPayload, '玉溪市“十四五”安全生产规划（导入副本）');
    expect(loaded.statusCode, loaded.body).toBe(200);
    expect(loaded.json()).toMatchObject({
      committed: true,
      totalRows: 5 + 32 + 17 + 4 + 18,
      imported: 32,
      importedColumns: 17,
      importedIndicators: 4,
      importedDeliverables: 18,
      invalidRows: 0,
      errors: [],
    });
    const original = (await get(`/plan/plans/${builtin}`, unit)).json() as PlanAnswer;
    const copy = (await get(`/plan/plans/${loaded.json().planId}`, unit)).json() as PlanAnswer;
    expect(copy.chapters).toHaveLength(5);
    expect(copy.tasks).toHaveLength(32);
    expect(copy.tasks.filter((task) => task.kind === 'project')).toHaveLength(10);
    expect(copy.columns).toHaveLength(17);
    expect(copy.indicators).toHaveLength(4);
    expect(copy.tasks.find((task) => task.code === '3.4.8')).toMatchObject({
      title: '全力加强建设工程安全监管工作',
      lead: '市住房和城乡建设局',
      participants: ['市交通运输局', '市水利局'],
    });
    expect(copy.tasks.find((task) => task.code === '4.10')).toMatchObject({
      lead: '市应急管理局',
      participants: ['澄江市人民政府'],
    });
    expect(contentOf(copy)).toEqual(contentOf(original));
    // The copy's deliverables export as the original's did: same tasks, 专栏, kinds, counts, years.
    const copySheets = await sheetsOf((await get(`/plan/plans/${copy.id}/export`, unit)).rawPayload);
    expect(copySheets['成果']).toEqual(sheets['成果']);
  });

  it('keeps yearly milestones, 专栏 lists and formula-like text through export and import', async () => {
    const first = await load(
      await planWorkbookOf({
        tasks: [
          {
            chapterNo: 1,
            chapterTitle: '主要任务',
            code: '1.1',
            kind: '主要任务',
            title: '=不是公式的任务名称',
            lead: '市应急管理局',
            participants: '市住房和城乡建设局、市交通运输局',
            milestones: '2022：制定实施方案；2024：完成中期评估',
          },
        ],
        columns: [{ no: 1, title: '重点文件', taskCode: '1.1', items: '《甲办法》；《乙办法》' }],
        indicators: [{ no: 1, name: '死亡人数', target: '-15%', nature: '约束性', indicator: 'deaths' }],
        deliverables: [
          {
            taskCode: '1.1',
            columnNo: 1,
            what: '《甲办法》',
            kind: '文件/制度',
            targetCount: '',
            dueYear: 2022,
          },
          {
            taskCode: '1.1',
            columnNo: '',
            what: '+应急避难场所',
            kind: '场所',
            targetCount: 3,
            dueYear: 2024,
          },
        ],
      }),
      '往返测试规划',
    );
    expect(first.json()).toMatchObject({ importedDeliverables: 2, errors: [] });
    expect(first.json()).toMatchObject({ committed: true, imported: 1 });
    // 《甲办法》 delivered by 市应急管理局: the export says so; a plan loaded from the file starts undelivered.
    await t.db.query(
      `UPDATE plan_deliverables SET delivered_on = '2026-05-01', delivered_at = now(),
              delivered_org = (SELECT id FROM organisations WHERE code = 'city-ema')
        WHERE plan_id = $1 AND what = '《甲办法》'`,
      [first.json().planId],
    );
    const exported = await get(`/plan/plans/${first.json().planId}/export`, office);
    expect((await sheetsOf(exported.rawPayload))['规划任务']![1]![4]).toBe("'=不是公式的任务名称");
    expect((await sheetsOf(exported.rawPayload))['成果']!.slice(1)).toEqual([
      ['1.1', '1', '《甲办法》', '文件/制度', '', '2022', '已完成（2026-05-01，市应急管理局）'],
      ['1.1', '', "'+应急避难场所", '场所/设施建设', '3', '2024', '未完成'],
    ]);
    const again = await load(exported.rawPayload, '往返测试规划（二）');
    expect(again.json()).toMatchObject({ committed: true, errors: [], importedDeliverables: 2 });
    const tasksOf = async (r: typeof first) =>
      (await get(`/plan/plans/${r.json().planId}`, office)).json().tasks[0].id as string;
    const deliverablesOf = async (r: typeof first) =>
      (await get(`/plan/tasks/${await tasksOf(r)}/deliverables`, office))
        .json()
        .map(({ columnNo, what, kind, targetCount, dueYear }: Record<string, unknown>) => ({
          columnNo,
          what,
          kind,
          targetCount,
          dueYear,
        }));
    expect(await deliverablesOf(again)).toEqual([
      { columnNo: 1, what: '《甲办法》', kind: 'document', targetCount: null, dueYear: 2022 },
      { columnNo: null, what: '+应急避难场所', kind: 'site', targetCount: 3, dueYear: 2024 },
    ]);
    expect(await deliverablesOf(again)).toEqual(await deliverablesOf(first));
    const [a, b] = await Promise.all(
      [first, again].map(async (r) => (await get(`/plan/plans/${r.json().planId}`, office)).json()),
    );
    expect(contentOf(b as PlanAnswer)).toEqual(contentOf(a as PlanAnswer));
    expect((b as PlanAnswer).tasks[0]).toMatchObject({
      title: '=不是公式的任务名称',
      milestones: [
        { year: 2022, title: '制定实施方案' },
        { year: 2024, title: '完成中期评估' },
      ],
    });
  });

  it('answers 404 for an unknown plan, and records who exported which plan', async () => {
    const missing = await get(`/plan/plans/${UNKNOWN}/export`, office);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'plan.not_found', message: '规划不存在' });
    const audit = await t.db.query<{ target: string }>(
      "SELECT target FROM audit_log WHERE action = 'plan.export' AND outcome = 'success' ORDER BY seq",
    );
    // The built-in plan, its imported copy (exported to compare its 成果), the round-trip plan.
    expect(audit.rows.map((r) => r.target)).toEqual([
      await builtinPlanId(t),
      expect.any(String),
      expect.any(String),
    ]);
  });

  it('lists the assignments of the plan asked for; an unknown plan answers 404 with its code', async () => {
    const builtin = await builtinPlanId(t);
    const other = (await get('/plan/plans', office))
      .json()
      .find((p: { name: string }) => p.name === '往返测试规划');
    const otherTask = (await get(`/plan/plans/${other.id}`, office)).json().tasks[0].id;
    for (const taskIdToAssign of [await taskId(t, '3.4.8'), otherTask]) {
      const assigned = await t.request({
        method: 'POST',
        url: '/api/v1/plan/assignments',
        as: office,
        payload: {
          taskId: taskIdToAssign,
          organisationId: await orgId(t, 'city-housing'),
          deadline: '2026-12-31',
        },
      });
      expect(assigned.statusCode, assigned.body).toBe(201);
    }
    const codes = async (query: string) =>
      (await get(`/plan/assignments${query}`, office))
        .json()
        .items.map((a: { taskCode: string }) => a.taskCode);
    expect(await codes('')).toEqual(['1.1', '3.4.8']);
    expect(await codes(`?planId=${builtin}`)).toEqual(['3.4.8']);
    expect(await codes(`?planId=${other.id}`)).toEqual(['1.1']);

    const exported = await get(`/plan/assignments/export?planId=${other.id}`, office);
    expect(exported.statusCode).toBe(200);
    expect((await sheetsOf(exported.rawPayload))['规划任务分解台账']!.map((row) => row[0])).toEqual([
      '任务编号',
      '1.1',
    ]);

    for (const url of [`/plan/assignments?planId=${UNKNOWN}`, `/plan/assignments/export?planId=${UNKNOWN}`]) {
      const zh = await get(url, office);
      expect(zh.statusCode).toBe(404);
      expect(zh.json().error).toMatchObject({ code: 'plan.not_found', message: '规划不存在' });
    }
    const en = await get(`/plan/assignments?planId=${UNKNOWN}`, office, 'en');
    expect(en.json().error).toMatchObject({ code: 'plan.not_found', message: 'No such plan' });
    expect((await get('/plan/assignments?planId=not-a-plan', office)).statusCode).toBe(400);
  });
});
