import { yuxiCounties, yuxiTownships, type Enterprise } from '@anjian/domain';
import type { DictionaryItem } from '../dictionaries/dictionaries.repository.ts';

/**
 * The spreadsheet layout shared by the import template, the import and the export: one column
 * per field, Chinese headers (the bureau's working language), dictionary labels rather than codes.
 */
export interface Dictionaries {
  sector: DictionaryItem[];
  department: DictionaryItem[];
  licence_type: DictionaryItem[];
}

export const scaleLabels = { large: '大型', medium: '中型', small: '小型', micro: '微型' } as const;
export const statusLabels = { operating: '在营', suspended: '停产停业', closed: '关闭' } as const;

export interface Column {
  key: string;
  header: string;
  required?: boolean;
  width: number;
  /** A drop-down list in the template. */
  choices?: (dictionaries: Dictionaries) => string[];
  exportValue: (enterprise: Enterprise, dictionaries: Dictionaries) => string | number | null;
}

const label = (items: DictionaryItem[], code: string | null) =>
  code ? (items.find((i) => i.code === code)?.nameZh ?? code) : null;

export const enterpriseColumns: Column[] = [
  { key: 'name', header: '企业名称', required: true, width: 32, exportValue: (e) => e.name },
  {
    key: 'creditCode',
    header: '统一社会信用代码',
    required: true,
    width: 22,
    exportValue: (e) => e.creditCode,
  },
  {
    key: 'county',
    header: '所属县（市、区）',
    required: true,
    width: 18,
    choices: () => yuxiCounties.map((c) => c.nameZh),
    exportValue: (e) => e.countyName,
  },
  { key: 'township', header: '乡镇（街道）', width: 16, exportValue: (e) => e.townshipName },
  { key: 'address', header: '详细地址', width: 30, exportValue: (e) => e.address },
  { key: 'lon', header: '经度', width: 12, exportValue: (e) => e.location?.lon ?? null },
  { key: 'lat', header: '纬度', width: 12, exportValue: (e) => e.location?.lat ?? null },
  { key: 'industryCode', header: '国民经济行业代码', width: 16, exportValue: (e) => e.industryCode },
  {
    key: 'sectors',
    header: '监管行业',
    width: 22,
    choices: (d) => d.sector.filter((s) => s.active).map((s) => s.nameZh),
    exportValue: (e, d) => e.sectors.map((s) => label(d.sector, s)).join('、') || null,
  },
  {
    key: 'scale',
    header: '企业规模',
    width: 10,
    choices: () => Object.values(scaleLabels),
    exportValue: (e) => (e.scale ? scaleLabels[e.scale] : null),
  },
  { key: 'employees', header: '从业人数', width: 10, exportValue: (e) => e.employees },
  {
    key: 'legalName',
    header: '法定代表人',
    width: 12,
    exportValue: (e) => e.legalRepresentative?.name ?? null,
  },
  {
    key: 'legalPhone',
    header: '法定代表人电话',
    width: 16,
    exportValue: (e) => e.legalRepresentative?.phone ?? null,
  },
  { key: 'principalName', header: '主要负责人', width: 12, exportValue: (e) => e.principal?.name ?? null },
  {
    key: 'principalPhone',
    header: '主要负责人电话',
    width: 16,
    exportValue: (e) => e.principal?.phone ?? null,
  },
  { key: 'safetyName', header: '安全管理人员', width: 12, exportValue: (e) => e.safetyManager?.name ?? null },
  {
    key: 'safetyPhone',
    header: '安全管理人员电话',
    width: 16,
    exportValue: (e) => e.safetyManager?.phone ?? null,
  },
  {
    key: 'status',
    header: '经营状态',
    width: 10,
    choices: () => Object.values(statusLabels),
    exportValue: (e) => statusLabels[e.status],
  },
  {
    key: 'department',
    header: '行业主管部门',
    width: 18,
    choices: (d) => d.department.filter((s) => s.active).map((s) => s.nameZh),
    exportValue: (e, d) => label(d.department, e.responsibleDepartment),
  },
];

export function townshipCodeOf(county: string, name: string): string | undefined {
  return yuxiTownships.find((t) => t.county === county && t.nameZh === name)?.code;
}
