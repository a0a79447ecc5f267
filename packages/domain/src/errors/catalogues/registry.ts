import type { ErrorDefinition } from '../error-definition.ts';

export const registryErrors = {
  'registry.scope_outside_caller': {
    status: 403,
    zh: '不能登记或修改本人数据范围以外的企业或对象',
    en: 'You cannot register or change an enterprise or object outside your data scope',
  },
  'enterprise.not_found': { status: 404, zh: '企业不存在', en: 'No such enterprise' },
  'registry.industry_code_invalid': {
    status: 400,
    zh: '国民经济行业代码不正确：应为 GB/T 4754-2017 的小类代码，门类字母加 4 位数字（如 C2614），或只填 4 位数字（如 2614，门类字母自动补齐）；大类须存在且属于该门类',
    en: 'Not a valid industry code: a GB/T 4754-2017 class, a section letter and four digits (C2614) or the four digits alone (2614, the letter is added); the division must exist and belong to the section',
  },
  'registry.sector_unknown': {
    status: 400,
    zh: '监管行业不在字典中',
    en: 'The sector is not in the dictionary',
  },
  'registry.licence_type_unknown': {
    status: 400,
    zh: '许可证类型不在字典中',
    en: 'The licence type is not in the dictionary',
  },
  'registry.department_unknown': {
    status: 400,
    zh: '行业主管部门不在字典中',
    en: 'The department is not in the dictionary',
  },
  'registry.county_unknown': {
    status: 400,
    zh: '不是玉溪市的县（市、区）',
    en: 'Not a county of Yuxi',
  },
  'registry.township_not_in_county': {
    status: 400,
    zh: '乡镇（街道）不属于所选县（市、区）',
    en: 'The township is not in that county',
  },
  'registry.ring_not_closed': {
    status: 400,
    zh: '面的边界须闭合（首尾坐标相同）',
    en: 'A polygon ring must be closed (first and last positions equal)',
  },
  'registry.credit_code_length': {
    status: 400,
    zh: '统一社会信用代码应为 18 位',
    en: 'A unified social credit code has 18 characters',
  },
  'registry.credit_code_alphabet': {
    status: 400,
    zh: '统一社会信用代码第 {position} 位字符不允许：只能使用数字和除 I、O、S、V、Z 以外的大写字母',
    en: 'Character {position} of the unified social credit code is not allowed: only digits and A–Y without I, O, S, V, Z',
  },
  'registry.credit_code_division_code': {
    status: 400,
    zh: '统一社会信用代码第 3–8 位应为 6 位行政区划代码，第 {position} 位不是数字',
    en: 'Characters 3–8 of the unified social credit code are the division code; character {position} is not a digit',
  },
  'registry.credit_code_check_char': {
    status: 400,
    zh: '统一社会信用代码校验位（第 18 位）不正确：按前 17 位应为 {expected}',
    en: 'The check character (18th) of the unified social credit code is wrong: with characters 1–17 as given it would be {expected}',
  },
  'enterprise.credit_code_taken': {
    status: 409,
    zh: '该统一社会信用代码已登记',
    en: 'An enterprise with this unified social credit code is already registered',
  },
  'enterprise.unknown_dictionary_value': {
    status: 400,
    zh: '监管行业、负责部门或许可类型不在字典中',
    en: 'A sector, department or licence type is not in the dictionary',
  },
  'object.not_found': { status: 404, zh: '监管对象不存在', en: 'No such regulated object' },
  'object.enterprise_not_found': {
    status: 400,
    zh: '所属企业不存在或不在本人数据范围内',
    en: 'The owning enterprise does not exist or is outside your scope',
  },
  'import.file_invalid': {
    status: 400,
    zh: '不是有效的 Excel（.xlsx）文件',
    en: 'Not a valid Excel (.xlsx) file',
  },
  'import.too_many_rows': {
    status: 400,
    zh: '导入文件行数过多（单次最多 50000 行）',
    en: 'Too many rows in the file (at most 50,000 at a time)',
  },
  'import.missing_columns': {
    status: 400,
    zh: '导入文件缺少必填列，请使用下载的模板',
    en: 'The file lacks required columns; use the downloadable template',
  },
  'boundary.invalid': {
    status: 400,
    zh: '边界数据无效：须为 GeoJSON 要素集合，每个要素有行政区划代码和面状几何',
    en: 'Invalid boundaries: a GeoJSON FeatureCollection whose features carry a division code and a polygon',
  },
  'dictionary.not_found': { status: 404, zh: '字典项不存在', en: 'No such dictionary entry' },
  'upload.not_an_image': {
    status: 400,
    zh: '只能上传 JPEG、PNG 或 WebP 格式的照片',
    en: 'Only JPEG, PNG or WebP photos can be uploaded',
  },
  'upload.not_found': { status: 404, zh: '文件不存在', en: 'No such file' },
  'upload.owner_mismatch': {
    status: 400,
    zh: '所属企业不存在，或不在所填区县',
    en: 'No such enterprise in the county given',
  },
} as const satisfies Record<string, ErrorDefinition>;
