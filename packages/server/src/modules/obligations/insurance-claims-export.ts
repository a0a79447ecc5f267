import {
  claimStatusNames,
  preventionServiceKindNames,
  type Claim,
  type PreventionService,
} from '@anjian/domain';
import { countyNameZh } from '../../platform/county-name.ts';
import { cell, type ExportColumn } from '../../platform/office/index.ts';

const yuan = (value: number | null) => (value === null ? '' : value.toFixed(2));

/** 安责险理赔, one row per claim. */
export const claimExportColumns: ExportColumn<Claim>[] = [
  { header: '理赔案件号', width: 22, value: (c) => c.claimNumber },
  { header: '企业名称', width: 30, value: (c) => c.enterpriseName },
  { header: '区县', width: 10, value: (c) => countyNameZh(c.county) },
  { header: '保险机构', width: 24, value: (c) => c.insurer },
  { header: '保单号', width: 22, value: (c) => c.policyNumber },
  { header: '事故日期', width: 12, value: (c) => c.incidentOn },
  { header: '事故地点', width: 24, value: (c) => c.incidentLocation },
  { header: '报案日期', width: 12, value: (c) => c.reportedOn },
  { header: '死亡人数', width: 10, value: (c) => c.deaths },
  { header: '受伤人数', width: 10, value: (c) => c.injuries },
  { header: '索赔金额（元）', width: 16, value: (c) => yuan(c.claimedYuan) },
  { header: '赔付金额（元）', width: 16, value: (c) => yuan(c.paidYuan) },
  { header: '状态', width: 8, value: (c) => claimStatusNames[c.status].zh },
  { header: '受理日期', width: 12, value: (c) => c.acceptedOn ?? '' },
  { header: '赔付日期', width: 12, value: (c) => c.paidOn ?? '' },
  { header: '拒赔日期', width: 12, value: (c) => c.rejectedOn ?? '' },
  { header: '拒赔理由', width: 30, value: (c) => c.rejectionReason ?? '' },
  { header: '数据来源', width: 8, value: (c) => cell.demo(c.demo) },
];

/** 事故预防服务, one row per visit with its findings. */
export const preventionServiceExportColumns: ExportColumn<PreventionService>[] = [
  { header: '服务日期', width: 12, value: (s) => s.servedOn },
  { header: '保险机构', width: 24, value: (s) => s.insurer },
  { header: '企业名称', width: 30, value: (s) => s.enterpriseName },
  { header: '区县', width: 10, value: (s) => countyNameZh(s.county) },
  { header: '保单号', width: 22, value: (s) => s.policyNumber },
  { header: '服务类型', width: 14, value: (s) => preventionServiceKindNames[s.kind].zh },
  { header: '费用（元）', width: 14, value: (s) => yuan(s.costYuan) },
  { header: '服务情况', width: 30, value: (s) => s.summary ?? '' },
  {
    header: '发现问题',
    width: 50,
    value: (s) =>
      s.findings
        .map(
          (f) =>
            `${f.description}${f.hazardId ? (f.hazardOpened ? '（已登记隐患）' : '（关联已有隐患）') : ''}`,
        )
        .join('；'),
  },
  { header: '数据来源', width: 8, value: (s) => cell.demo(s.demo) },
];
