import {
  geoHazardScaleNames,
  regulatedObjectKindNames,
  regulatedObjectStatusNames,
  type RegulatedObject,
} from '@anjian/domain';
import { countyNameZh } from '../../../platform/county-name.ts';
import { cell, type ExportColumn } from '../../../platform/office/index.ts';

const numerals = ['', '一', '二', '三', '四', '五'];
/** 危险源等级 for a major hazard source, 尾矿库等别 for a tailings pond; empty for other kinds. */
function grading(o: RegulatedObject): string {
  const n = (value: unknown) => numerals[Number(value)] ?? '';
  if (o.kind === 'major_hazard_source' && o.attributes.level) return `${n(o.attributes.level)}级`;
  if (o.kind === 'tailings_pond' && o.attributes.grade) return `${n(o.attributes.grade)}等`;
  if (o.kind === 'geo_hazard_site') return geoHazardScaleNames[String(o.attributes.scale)]?.zh ?? '';
  if (o.kind === 'forest_fire_area' && o.attributes.fireRiskGrade)
    return `${['', 'Ⅰ', 'Ⅱ', 'Ⅲ'][Number(o.attributes.fireRiskGrade)] ?? ''}级`;
  return '';
}

/** 监管对象 columns. */
export const objectExportColumns: ExportColumn<RegulatedObject>[] = [
  { header: '名称', width: 30, value: (o) => o.name },
  { header: '类型', width: 14, value: (o) => regulatedObjectKindNames[o.kind].zh },
  // A natural-hazard site answers to its responsible unit, not an enterprise (decision 0006).
  {
    header: '所属企业/责任单位',
    width: 30,
    value: (o) =>
      o.enterpriseName ??
      (typeof o.attributes.responsibleUnit === 'string' ? o.attributes.responsibleUnit : ''),
  },
  { header: '所属县（市、区）', width: 14, value: (o) => countyNameZh(o.county) },
  { header: '经度', width: 12, value: (o) => o.location.lon },
  { header: '纬度', width: 12, value: (o) => o.location.lat },
  { header: '等级/等别', width: 10, value: grading },
  {
    header: '状态',
    width: 8,
    value: (o) => regulatedObjectStatusNames[String(o.attributes.status ?? '')]?.zh ?? '',
  },
  { header: '数据来源', width: 8, value: (o) => cell.demo(o.demo) },
];
