import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../../test/test-app.ts';
import { insertEnterprise } from '../../../../test/factories.ts';

describe('risk register (风险分级管控)', () => {
  let t: TestContext;
  let enterpriseId: string;
  let manager: Caller;
  let officer: Caller;
  let otherCounty: Caller;

  const point = (assessment: object, name = '液氯储罐泄漏') => ({
    name,
    accidentTypes: ['19', '17'],
    assessment,
    measures: [
      { kind: 'engineering', text: '设置氯气泄漏检测报警与紧急切断' },
      { kind: 'emergency', text: '配备正压式空气呼吸器，定期演练' },
    ],
    controlLevel: 'company',
    responsiblePerson: '王安全',
  });

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    enterpriseId = await insertEnterprise(t.db, { name: '江川氯碱有限公司', county: '530403', serial: 777 });
    manager = await t.sessionFor(
      await t.createUser({
        roles: ['enterprise_manager'],
        scope: { kind: 'enterprise', enterpriseId, county: '530403' },
      }),
    );
    officer = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530403'] } }),
    );
    otherCounty = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530423'] } }),
    );
  });
  afterAll(() => t.close());

  it('assesses points by LEC and LS on the server and rates the unit by its worst point', async () => {
    const unit = (
      await t.request({
        method: 'POST',
        url: '/api/v1/risk/units',
        payload: { enterpriseId, name: '液氯储罐区', kind: 'area' },
        as: manager,
      })
    ).json();
    expect(unit).toMatchObject({ name: '液氯储罐区', county: '530403', level: null, points: [] });
    const withLec = await t.request({
      method: 'POST',
      url: `/api/v1/risk/units/${unit.id}/points`,
      payload: point({ method: 'lec', l: 3, e: 6, c: 40 }),
      as: manager,
    });
    expect(withLec.statusCode).toBe(201);
    expect(withLec.json().points[0]).toMatchObject({ value: 720, level: 1, colour: 'red' });
    const withLs = await t.request({
      method: 'POST',
      url: `/api/v1/risk/units/${unit.id}/points`,
      payload: point({ method: 'ls', l: 2, s: 3 }, '巡检作业'),
      as: manager,
    });
    expect(withLs.json().points.map((p: { name: string; colour: string }) => [p.name, p.colour])).toEqual([
      ['液氯储罐泄漏', 'red'],
      ['巡检作业', 'blue'],
    ]);
    expect(withLs.json()).toMatchObject({ level: 1, colour: 'red' });
    const bad = await t.request({
      method: 'POST',
      url: `/api/v1/risk/units/${unit.id}/points`,
      payload: point({ method: 'lec', l: 4, e: 6, c: 40 }),
      as: manager,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('calc.lec_invalid_score');

    const levels = (
      await t.request({ method: 'GET', url: '/api/v1/risk/enterprise-levels', as: officer })
    ).json();
    expect(levels.items).toEqual([{ enterpriseId, level: 1 }]);
  });

  it('lets the bureau read but not write the enterprise’s register, and other counties see nothing', async () => {
    const units = (
      await t.request({ method: 'GET', url: `/api/v1/risk/units?enterpriseId=${enterpriseId}`, as: officer })
    ).json().items;
    expect(units).toHaveLength(1);
    expect(
      (
        await t.request({
          method: 'POST',
          url: '/api/v1/risk/units',
          payload: { enterpriseId, name: '越权', kind: 'area' },
          as: officer,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/risk/units/${units[0].id}`, as: otherCounty }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/risk/units', as: otherCounty })).json().items,
    ).toEqual([]);
  });

  it('prints the notice board and a post card as DOCX with the Chinese text and the levels', async () => {
    const JSZip = (await import('jszip')).default;
    const board = await t.request({
      method: 'GET',
      url: `/api/v1/risk/notice-board?enterpriseId=${enterpriseId}`,
      as: officer,
    });
    expect(board.statusCode).toBe(200);
    expect(board.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const boardXml = await (
      await JSZip.loadAsync(board.rawPayload)
    )
      .file('word/document.xml')!
      .async('string');
    for (const expected of [
      '安全风险公告栏',
      '江川氯碱有限公司',
      '液氯储罐区',
      '重大风险',
      '中毒和窒息、容器爆炸',
      '设置氯气泄漏检测报警与紧急切断',
      '12350',
    ]) {
      expect(boardXml).toContain(expected);
    }
    expect(boardXml).toContain('w:fill="FF0000"');

    const unitId = (
      await t.request({ method: 'GET', url: `/api/v1/risk/units?enterpriseId=${enterpriseId}`, as: manager })
    ).json().items[0].id;
    const card = await t.request({
      method: 'GET',
      url: `/api/v1/risk/units/${unitId}/post-card`,
      as: manager,
    });
    const cardXml = await (await JSZip.loadAsync(card.rawPayload)).file('word/document.xml')!.async('string');
    for (const expected of [
      '岗位安全风险告知卡',
      '液氯储罐区',
      '液氯储罐泄漏（重大风险）',
      '巡检作业（低风险）',
      '应急处置措施',
      '配备正压式空气呼吸器，定期演练',
    ]) {
      expect(cardXml).toContain(expected);
    }
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/risk/units/${unitId}/post-card`, as: otherCounty }))
        .statusCode,
    ).toBe(404);
  });

  it('exports the ledger most severe first, with the measures and the level coloured', async () => {
    const response = await t.request({
      method: 'GET',
      url: `/api/v1/risk/ledger?enterpriseId=${enterpriseId}`,
      as: officer,
    });
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('风险分级管控台账');
    expect(sheet.getRow(2).getCell(5).value).toBe('液氯储罐泄漏');
    expect(sheet.getRow(2).getCell(6).value).toBe('中毒和窒息、容器爆炸');
    expect(sheet.getRow(2).getCell(10).value).toBe('重大风险');
    expect(String(sheet.getRow(2).getCell(11).value)).toContain(
      '【工程技术措施】设置氯气泄漏检测报警与紧急切断',
    );
    expect(sheet.getRow(3).getCell(10).value).toBe('低风险');
  });
});
