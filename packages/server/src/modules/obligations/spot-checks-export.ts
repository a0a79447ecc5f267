import {
  spotCheckResultNames,
  spotCheckSeverityNames,
  spotCheckSubjectNames,
  type SpotCheck,
  type SpotCheckItem,
  type SpotCheckProblemRule,
} from '@anjian/domain';
import { countyNameZh } from '../../platform/county-name.ts';
import { cell, type ExportColumn } from '../../platform/office/index.ts';

export const spotCheckExportColumns: ExportColumn<SpotCheck>[] = [
  { header: '抽查对象', width: 18, value: (s) => spotCheckSubjectNames[s.subject].zh },
  { header: '期间起', width: 12, value: (s) => s.from },
  { header: '期间止', width: 12, value: (s) => s.to },
  { header: '区县', width: 10, value: (s) => (s.county ? countyNameZh(s.county) : '全市') },
  { header: '方式', width: 10, value: (s) => (s.mode === 'random' ? '随机抽取' : '指定') },
  {
    header: '抽取数量或比例',
    width: 14,
    value: (s) => (s.count !== null ? `${s.count}` : s.percent !== null ? `${s.percent}%` : ''),
  },
  { header: '随机种子', width: 66, value: (s) => s.seed ?? '' },
  { header: '可抽取数', width: 10, value: (s) => s.poolSize },
  { header: '抽中数', width: 8, value: (s) => s.itemCount },
  { header: '已检查', width: 8, value: (s) => s.checkedCount },
  { header: '不合格', width: 8, value: (s) => s.failedCount },
  { header: '抽取时间', width: 18, value: (s) => cell.dateTime(s.drawnAt) },
  { header: '数据来源', width: 8, value: (s) => cell.demo(s.demo) },
];

/** The checked items; problems are named by the bureau's own list. */
export const spotCheckItemExportColumns = (
  problems: readonly SpotCheckProblemRule[],
): ExportColumn<SpotCheckItem>[] => {
  const problemName = (code: string) => problems.find((p) => p.code === code)?.zh ?? '其他';
  return [
    { header: '序号', width: 6, value: (i) => i.rank },
    { header: '抽查对象', width: 18, value: (i) => spotCheckSubjectNames[i.subject].zh },
    { header: '报告或项目', width: 36, value: (i) => i.title },
    { header: '报告编号', width: 20, value: (i) => i.reference },
    { header: '服务机构', width: 30, value: (i) => i.agencyName ?? '' },
    { header: '企业名称', width: 30, value: (i) => i.enterpriseName },
    { header: '区县', width: 10, value: (i) => countyNameZh(i.county) },
    { header: '出具或验收日期', width: 14, value: (i) => i.subjectDate },
    { header: '检查日期', width: 12, value: (i) => i.checkedOn ?? '' },
    { header: '检查人员', width: 20, value: (i) => i.inspectors ?? '' },
    {
      header: '发现问题',
      width: 40,
      value: (i) =>
        i.findings
          .map((f) => `${problemName(f.problem)}（${spotCheckSeverityNames[f.severity].zh}）${f.note ?? ''}`)
          .join('；'),
    },
    { header: '结论', width: 8, value: (i) => (i.result ? spotCheckResultNames[i.result].zh : '待检查') },
    { header: '整改要求', width: 30, value: (i) => i.rectification ?? '' },
    { header: '处理意见', width: 30, value: (i) => i.decision ?? '' },
    { header: '数据来源', width: 8, value: (i) => cell.demo(i.demo) },
  ];
};
