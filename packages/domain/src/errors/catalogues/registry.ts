import type { ErrorDefinition } from '../error-definition.ts';

export const registryErrors = {
  'registry.scope_outside_caller': {
    status: 403,
    zh: '不能登记或修改本人数据范围以外的企业或对象',
    en: 'You cannot register or change an enterprise or object outside your data scope',
  },
  'enterprise.not_found': { status: 404, zh: '企业不存在', en: 'No such enterprise' },
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
    zh: '只能上传 JPEG 或 PNG 格式的照片',
    en: 'Only JPEG or PNG photos can be uploaded',
  },
  'upload.not_found': { status: 404, zh: '文件不存在', en: 'No such file' },
} as const satisfies Record<string, ErrorDefinition>;
