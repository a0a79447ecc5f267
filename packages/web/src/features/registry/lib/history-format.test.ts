import { describe, expect, it } from 'vitest';
import { historyValue, type HistoryLabels } from './history-format.ts';

const labels: HistoryLabels = {
  county: (code) => ({ '530403': '江川区' })[code] ?? code,
  township: (code) => ({ '530403101': '江城镇' })[code] ?? code,
  sector: (code) => ({ hazchem_use: '危险化学品使用', fireworks: '烟花爆竹' })[code] ?? code,
  department: (code) => ({ emergency: '应急管理局' })[code] ?? code,
  licenceType: (code) => ({ safety_production: '安全生产许可证' })[code] ?? code,
  keyTag: (code) => code,
  status: (code) => ({ operating: '在营' })[code] ?? code,
  scale: (code) => ({ small: '小型' })[code] ?? code,
  yes: '是',
  no: '否',
  separator: '、',
  licence: (type, number, validUntil) => `${type} ${number}（有效期至 ${validUntil}）`,
};

describe('historyValue', () => {
  it.each([
    ['county', '530403', '江川区'],
    ['township', '530403101', '江城镇'],
    ['sectors', 'hazchem_use,fireworks', '危险化学品使用、烟花爆竹'],
    ['sectors', 'retired_code', 'retired_code'],
    ['status', 'operating', '在营'],
    ['scale', 'small', '小型'],
    ['responsibleDepartment', 'emergency', '应急管理局'],
    ['locationApproximate', 'true', '是'],
    ['locationApproximate', 'false', '否'],
    [
      'licences',
      'safety_production:（云）WH安许证字〔2021〕0114:2027-01-01;other:A:B:2028-02-02',
      '安全生产许可证 （云）WH安许证字〔2021〕0114（有效期至 2027-01-01）、other A:B（有效期至 2028-02-02）',
    ],
    ['name', '江川化工', '江川化工'],
  ])('%s %s reads %s', (field, value, shown) => {
    expect(historyValue(field, value, labels)).toBe(shown);
  });

  it('shows a dash for no value', () => {
    expect(historyValue('address', null, labels)).toBe('—');
    expect(historyValue('sectors', '', labels)).toBe('—');
  });
});
