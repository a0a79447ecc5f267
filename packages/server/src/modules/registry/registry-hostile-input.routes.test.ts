import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { englishWord, hostileCells, hostileValues } from '../../../test/hostile-values.ts';
import { enterpriseColumns } from './enterprises/enterprise-columns.ts';
import { XLSX_TYPE } from '../../platform/office/index.ts';
import {
  describeHostileRegistry,
  code,
  enterpriseBody,
  enterprisePaths,
  expectHandled,
  withValue,
} from './registry-hostile.test-support.ts';

describeHostileRegistry((s) => {
  it('accepts a bare GB/T 4754 class code and stores its canonical form; refuses an unknown one on the field', async () => {
    const bare = await s.t.request({
      method: 'POST',
      url: '/api/v1/enterprises',
      payload: { ...enterpriseBody(), industryCode: '2614' },
      as: s.city,
    });
    expect([bare.statusCode, bare.json().industryCode]).toEqual([201, 'C2614']);
    const changed = await s.t.request({
      method: 'PATCH',
      url: `/api/v1/enterprises/${s.enterpriseId}`,
      payload: { industryCode: '４４１１' },
      as: s.city,
    });
    expect([changed.statusCode, changed.json().industryCode]).toEqual([200, 'D4411']);
    for (const [language, words] of [
      ['zh-CN', '国民经济行业代码不正确'],
      ['en', 'Not a valid industry code'],
    ] as const) {
      const unknown = await s.t.request({
        method: 'POST',
        url: '/api/v1/enterprises',
        headers: { 'accept-language': language },
        payload: { ...enterpriseBody(), industryCode: 'Z9999' },
        as: s.city,
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.fields).toEqual([
        {
          path: 'industryCode',
          code: 'registry.industry_code_invalid',
          message: expect.stringContaining(words),
        },
      ]);
    }
  });

  it('answers the credit-code problem in the request language', async () => {
    const body = { ...enterpriseBody(), creditCode: '91530403MA6K00014X' };
    const zh = await s.t.request({ method: 'POST', url: '/api/v1/enterprises', payload: body, as: s.city });
    expect(zh.json().error.fields[0]).toMatchObject({
      path: 'creditCode',
      code: 'registry.credit_code_check_char',
    });
    expect(zh.json().error.fields[0].message).toMatch(
      /^统一社会信用代码校验位（第 18 位）不正确：按前 17 位应为 [0-9A-Y]$/,
    );
    const en = await s.t.request({
      method: 'POST',
      url: '/api/v1/enterprises',
      headers: { 'accept-language': 'en' },
      payload: body,
      as: s.city,
    });
    expect(en.json().error.fields[0].message).toMatch(/^The check character \(18th\)/);
  });

  it('creates and updates enterprises with every hostile value in every field: 2xx or 4xx, never 5xx', async () => {
    for (const path of enterprisePaths) {
      for (const value of hostileValues) {
        const label = `${path} = ${JSON.stringify(value)?.slice(0, 40)}`;
        const created = await s.t.request({
          method: 'POST',
          url: '/api/v1/enterprises',
          payload: withValue(enterpriseBody(), path, value),
          as: s.city,
        });
        expectHandled(created, `create ${label}`);
        const top = path.split('.')[0]!;
        const update = withValue({ [top]: structuredClone(enterpriseBody()[top as 'name']) }, path, value);
        const updated = await s.t.request({
          method: 'PATCH',
          url: `/api/v1/enterprises/${s.enterpriseId}`,
          payload: update,
          as: s.city,
        });
        expectHandled(updated, `update ${label}`);
      }
    }
  }, 300_000);

  it('reports hostile import cells per row and still imports the valid rows with validOnly', async () => {
    const valid = (name: string) => ({
      name,
      creditCode: code(),
      county: '江川区',
      township: '前卫镇',
      industryCode: '2614',
      sectors: '机械',
      scale: '小型',
      employees: 40,
      status: '在营',
      department: '应急管理局',
    });
    const rows: Record<string, string | number | boolean | Date>[] = [valid('模糊导入有效企业一')];
    for (const column of enterpriseColumns) {
      for (const cell of hostileCells) rows.push({ ...valid(`模糊导入 ${column.key}`), [column.key]: cell });
    }
    rows.push(valid('模糊导入有效企业二'));
    rows.push({ ...valid('模糊导入行业代码错误'), industryCode: 'Z9999' });
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('企业信息');
    sheet.addRow(enterpriseColumns.map((c) => (c.required ? `${c.header}*` : c.header)));
    for (const row of rows) sheet.addRow(enterpriseColumns.map((c) => row[c.key] ?? null));
    const file = Buffer.from(await book.xlsx.writeBuffer());

    const imported = await s.t.request({
      method: 'POST',
      url: '/api/v1/enterprises/import?validOnly=true',
      payload: file,
      headers: { 'content-type': XLSX_TYPE },
      as: s.city,
    });
    expect(imported.statusCode).toBe(200);
    const report = imported.json() as {
      committed: boolean;
      totalRows: number;
      created: number;
      updated: number;
      unchanged: number;
      invalidRows: number;
      errors: { row: number; column: string; message: string }[];
    };
    expect(report.committed).toBe(true);
    expect(report.created + report.updated + report.unchanged + report.invalidRows).toBe(report.totalRows);
    for (const error of report.errors) {
      // A message may quote the cell after its colon (shortened); the words before it are Chinese.
      expect(error.message.split('：')[0], `row ${error.row}: ${error.message}`).not.toMatch(englishWord);
      expect(error.message.length, `row ${error.row}`).toBeLessThan(300);
    }
    const lastRow = rows.length + 1; // Excel row of the Z9999 row (row 1 is the header)
    expect(report.errors.filter((e) => e.row === lastRow)).toEqual([
      {
        row: lastRow,
        column: '国民经济行业代码',
        message: expect.stringContaining('国民经济行业代码不正确'),
      },
    ]);
    const names = (
      await s.t.request({
        method: 'GET',
        url: `/api/v1/enterprises?q=${encodeURIComponent('模糊导入有效企业')}`,
        as: s.city,
      })
    )
      .json()
      .items.map((e: { name: string; industryCode: string }) => [e.name, e.industryCode])
      .sort();
    expect(names).toEqual([
      ['模糊导入有效企业一', 'C2614'],
      ['模糊导入有效企业二', 'C2614'],
    ]);
  }, 120_000);
});
