import {
  gb6441AccidentTypes,
  hiddenHazardLevelNames,
  hiddenHazardSourceNames,
  hiddenHazardStatusNames,
  hiddenHazardSupervisionLevelNames,
  securityLabelNames,
  type HiddenHazardResponse,
} from '@anjian/domain';
import { countyNameZh } from '../../../platform/county-name.ts';
import { cell, type ExportColumn } from '../../../platform/office/index.ts';

type ExportedHazard = HiddenHazardResponse & { enterpriseName: string; county: string };

const accidentTypes = new Map(gb6441AccidentTypes.map((t) => [t.code, t.zh]));

/** 隐患台账 / 挂牌督办 columns, as the bureau prints them. */
export const hazardExportColumns: ExportColumn<ExportedHazard>[] = [
  { header: '隐患描述', width: 40, value: (h) => h.description },
  { header: '隐患位置', width: 24, value: (h) => h.location.text },
  { header: '企业名称', width: 30, value: (h) => h.enterpriseName },
  { header: '区县', width: 10, value: (h) => countyNameZh(h.county) },
  { header: '隐患等级', width: 10, value: (h) => hiddenHazardLevelNames[h.level].zh },
  { header: '可能导致的事故类型', width: 14, value: (h) => accidentTypes.get(h.category) ?? '' },
  { header: '隐患来源', width: 10, value: (h) => hiddenHazardSourceNames[h.source].zh },
  { header: '状态', width: 10, value: (h) => hiddenHazardStatusNames[h.status].zh },
  { header: '整改期限', width: 12, value: (h) => h.deadline ?? '' },
  {
    header: '挂牌督办',
    width: 12,
    value: (h) => (h.supervision ? `${hiddenHazardSupervisionLevelNames[h.supervision.level].zh}督办` : ''),
  },
  { header: '督办文号', width: 20, value: (h) => h.supervision?.documentNo ?? '' },
  { header: '登记时间', width: 20, value: (h) => cell.dateTime(h.reportedAt) },
  { header: '密级', width: 10, value: (h) => securityLabelNames[h.securityLabel].zh },
];
