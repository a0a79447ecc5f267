import { securityLabelNames, type WhistleLedgerRow, type WhistleListItem } from '@anjian/domain';
import { countyNameZh } from '../../platform/county-name.ts';
import { cell, type ExportColumn } from '../../platform/office/index.ts';

export const whistleCategoryZh: Record<string, string> = {
  major_hazard: '重大事故隐患',
  illegal_operation: '安全生产违法行为',
  concealed_accident: '谎报瞒报事故',
};
export const whistleChannelZh: Record<string, string> = {
  online: '网络举报',
  phone_12350: '12350电话',
  letter: '信件',
  email: '电子邮件',
  visit: '来访',
};
export const whistleStatusZh: Record<string, string> = {
  received: '待受理',
  accepted: '已受理',
  not_accepted: '不予受理',
  transferred: '已转办',
  verified: '已核查',
  replied: '已答复',
};
const outcomeZh: Record<string, string> = { true: '属实', partly_true: '部分属实', untrue: '不属实' };
const rewardZh: Record<string, string> = {
  proposed: '待审批',
  approved_once: '一人已审批',
  approved: '已审批',
  paid: '已发放',
};

/** 举报台账 columns: the reporter as a label (匿名 / 实名 + pseudonym), never an identity. */
export const whistleExportColumns: ExportColumn<WhistleListItem>[] = [
  { header: '查询码', width: 16, value: (r) => r.queryCode },
  { header: '收到日期', width: 12, value: (r) => r.receivedOn },
  { header: '渠道', width: 12, value: (r) => whistleChannelZh[r.channel] ?? '' },
  { header: '举报类别', width: 16, value: (r) => whistleCategoryZh[r.category] ?? '' },
  { header: '举报人', width: 16, value: (r) => r.reporterLabel },
  { header: '被举报单位', width: 30, value: (r) => r.enterpriseName ?? '' },
  { header: '区县', width: 10, value: (r) => (r.county ? countyNameZh(r.county) : '') },
  { header: '承办区县', width: 10, value: (r) => (r.assignedCounty ? countyNameZh(r.assignedCounty) : '') },
  { header: '状态', width: 10, value: (r) => whistleStatusZh[r.status] ?? '' },
  { header: '受理期限', width: 12, value: (r) => r.acceptanceDue },
  { header: '核查期限', width: 12, value: (r) => r.verificationDue ?? '' },
  { header: '逾期', width: 6, value: (r) => cell.yesNo(r.overdue) },
  { header: '核查结论', width: 10, value: (r) => (r.outcome ? (outcomeZh[r.outcome] ?? '') : '') },
  { header: '奖励', width: 10, value: (r) => (r.rewardStatus ? (rewardZh[r.rewardStatus] ?? '') : '') },
  { header: '密级', width: 8, value: (r) => securityLabelNames[r.securityLabel].zh },
  { header: '数据来源', width: 8, value: (r) => cell.demo(r.demo) },
];

/** 举报奖励台账 columns: one row per county, the last the total. */
export const whistleLedgerColumns: ExportColumn<WhistleLedgerRow>[] = [
  { header: '区县', width: 12, value: (r) => (r.county ? countyNameZh(r.county) : '合计') },
  { header: '提出笔数', width: 10, value: (r) => r.proposedCount },
  { header: '提出金额（元）', width: 14, value: (r) => r.proposedYuan },
  { header: '审批笔数', width: 10, value: (r) => r.approvedCount },
  { header: '审批金额（元）', width: 14, value: (r) => r.approvedYuan },
  { header: '发放笔数', width: 10, value: (r) => r.paidCount },
  { header: '发放金额（元）', width: 14, value: (r) => r.paidYuan },
];
