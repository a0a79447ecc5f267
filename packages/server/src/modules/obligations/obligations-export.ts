import {
  agencyFieldNames,
  defaultLicenceTypes,
  agencyQualificationNames,
  agencyReportConclusionNames,
  agencyReportFlagNames,
  agencyReportKindNames,
  certificateKindNames,
  certificateStatusNames,
  coverageStatusNames,
  licenceApplicationKindNames,
  licenceStepNames,
  personPostNames,
  projectNatureNames,
  projectStepNames,
  specialOperationNames,
  type Agency,
  type AgencyReport,
  type CoverageRow,
  type LicenceApplication,
  type Person,
  type Policy,
  type Project,
  type SpecialOperation,
} from '@anjian/domain';
import { countyNameZh } from '../../platform/county-name.ts';
import { cell, type ExportColumn } from '../../platform/office/index.ts';

const operation = (code: string | null) =>
  code ? (specialOperationNames[code as SpecialOperation]?.zh ?? '') : '';
const yuan = (value: number) => value.toFixed(2);

/** 三项岗位人员 with their certificates, one row per person. */
export const peopleExportColumns: ExportColumn<Person>[] = [
  { header: '企业名称', width: 30, value: (p) => p.enterpriseName },
  { header: '区县', width: 10, value: (p) => countyNameZh(p.county) },
  { header: '姓名', width: 10, value: (p) => p.name },
  { header: '身份证号', width: 20, value: (p) => p.idNumber ?? '' },
  { header: '岗位类别', width: 16, value: (p) => personPostNames[p.post].zh },
  { header: '作业类别', width: 18, value: (p) => operation(p.operation) },
  {
    header: '证书',
    width: 50,
    value: (p) =>
      p.certificates
        .map((c) => `${certificateKindNames[c.kind].zh} ${c.number}（有效期至${c.expiresOn}）`)
        .join('；'),
  },
  { header: '持证状态', width: 12, value: (p) => (p.status ? certificateStatusNames[p.status].zh : '无证') },
  { header: '培训学时', width: 10, value: (p) => p.training.reduce((sum, t) => sum + t.hours, 0) },
  { header: '数据来源', width: 8, value: (p) => cell.demo(p.demo) },
];

/** The policies; the headers are the import template's, so an exported file imports back as it is. */
export const policyExportColumns: ExportColumn<Policy>[] = [
  { header: '企业名称', width: 30, value: (p) => p.enterpriseName },
  { header: '统一社会信用代码', width: 22, value: (p) => p.creditCode },
  { header: '区县', width: 10, value: (p) => countyNameZh(p.county) },
  { header: '保险机构', width: 24, value: (p) => p.insurer },
  { header: '保单号', width: 24, value: (p) => p.policyNumber },
  { header: '起保日期', width: 12, value: (p) => p.startsOn },
  { header: '终保日期', width: 12, value: (p) => p.endsOn },
  { header: '参保人数', width: 10, value: (p) => p.insuredPersons },
  { header: '每人限额（元）', width: 16, value: (p) => yuan(p.perPersonYuan) },
  { header: '保费（元）', width: 14, value: (p) => yuan(p.premiumYuan) },
  { header: '低于最低限额', width: 12, value: (p) => cell.yesNo(p.belowMinimum) },
  { header: '数据来源', width: 8, value: (p) => cell.demo(p.demo) },
];

export const coverageExportColumns: ExportColumn<CoverageRow>[] = [
  { header: '企业名称', width: 30, value: (r) => r.enterpriseName },
  { header: '区县', width: 10, value: (r) => countyNameZh(r.county) },
  { header: '从业人数', width: 10, value: (r) => r.employees ?? '' },
  { header: '投保状态', width: 16, value: (r) => coverageStatusNames[r.status].zh },
  { header: '现行保单号', width: 24, value: (r) => r.policyNumber ?? '' },
  { header: '终保日期', width: 12, value: (r) => r.endsOn ?? '' },
  { header: '最低限额（元）', width: 14, value: (r) => yuan(r.minimumYuan) },
];

/** A licence type's name from the built-in list (the list the application form offers). */
const licenceTypeName = (code: string) => defaultLicenceTypes.find((t) => t.code === code)?.nameZh ?? '';

export const licenceExportColumns: ExportColumn<LicenceApplication>[] = [
  { header: '受理编号', width: 18, value: (a) => a.number },
  { header: '企业名称', width: 30, value: (a) => a.enterpriseName },
  { header: '区县', width: 10, value: (a) => countyNameZh(a.county) },
  { header: '许可类别', width: 24, value: (a) => licenceTypeName(a.licenceType) },
  { header: '申请类型', width: 10, value: (a) => licenceApplicationKindNames[a.kind].zh },
  { header: '当前环节', width: 10, value: (a) => licenceStepNames[a.step].zh },
  { header: '申请日期', width: 12, value: (a) => a.submittedOn },
  { header: '受理期限', width: 12, value: (a) => a.acceptBy },
  { header: '决定期限', width: 12, value: (a) => a.decideBy },
  { header: '是否逾期', width: 10, value: (a) => cell.yesNo(a.overdue) },
  {
    header: '决定结果',
    width: 10,
    value: (a) => (a.approved === null ? '' : a.approved ? '准予许可' : '不予许可'),
  },
  { header: '数据来源', width: 8, value: (a) => cell.demo(a.demo) },
];

export const projectExportColumns: ExportColumn<Project>[] = [
  { header: '项目名称', width: 30, value: (p) => p.name },
  { header: '建设单位', width: 30, value: (p) => p.enterpriseName },
  { header: '区县', width: 10, value: (p) => countyNameZh(p.county) },
  { header: '建设性质', width: 8, value: (p) => projectNatureNames[p.nature].zh },
  {
    header: '已完成环节',
    width: 40,
    value: (p) =>
      p.steps
        .filter((s) => s.passed)
        .map((s) => `${projectStepNames[s.step].zh}（${s.completedOn}）`)
        .join('；'),
  },
  {
    header: '下一环节',
    width: 16,
    value: (p) => (p.nextStep ? projectStepNames[p.nextStep].zh : '已竣工验收'),
  },
  { header: '未验收先投产', width: 12, value: (p) => cell.yesNo(p.producingWithoutAcceptance) },
  { header: '数据来源', width: 8, value: (p) => cell.demo(p.demo) },
];

/** 安全评价检测检验机构 with their record in the caller's scope. */
export const agencyExportColumns: ExportColumn<Agency>[] = [
  { header: '机构名称', width: 30, value: (a) => a.name },
  { header: '统一社会信用代码', width: 22, value: (a) => a.creditCode },
  { header: '资质类型', width: 16, value: (a) => agencyQualificationNames[a.qualification].zh },
  { header: '资质证书编号', width: 20, value: (a) => a.qualificationNumber },
  { header: '业务范围', width: 36, value: (a) => a.fields.map((f) => agencyFieldNames[f].zh).join('、') },
  { header: '资质认可机关', width: 20, value: (a) => a.authority },
  { header: '有效期起', width: 12, value: (a) => a.validFrom },
  { header: '有效期至', width: 12, value: (a) => a.validUntil },
  { header: '资质有效', width: 8, value: (a) => cell.yesNo(a.inForce) },
  { header: '登记人员数', width: 10, value: (a) => a.staffCount },
  { header: '报告数', width: 8, value: (a) => a.reportCount },
  { header: '问题报告数', width: 10, value: (a) => a.flaggedReportCount },
  { header: '信用分', width: 8, value: (a) => a.creditScore },
  { header: '列入黑名单', width: 10, value: (a) => cell.yesNo(a.blacklisted) },
  { header: '数据来源', width: 8, value: (a) => cell.demo(a.demo) },
];

export const agencyReportExportColumns: ExportColumn<AgencyReport>[] = [
  { header: '报告编号', width: 20, value: (r) => r.reportNumber },
  { header: '报告名称', width: 36, value: (r) => r.title },
  { header: '报告类别', width: 18, value: (r) => agencyReportKindNames[r.kind].zh },
  { header: '服务机构', width: 30, value: (r) => r.agencyName },
  { header: '委托单位', width: 30, value: (r) => r.enterpriseName },
  { header: '区县', width: 10, value: (r) => countyNameZh(r.county) },
  { header: '业务领域', width: 18, value: (r) => agencyFieldNames[r.field].zh },
  { header: '出具日期', width: 12, value: (r) => r.issuedOn },
  { header: '结论', width: 14, value: (r) => agencyReportConclusionNames[r.conclusion].zh },
  { header: '公开日期', width: 12, value: (r) => r.disclosedOn ?? '' },
  { header: '公开网址', width: 30, value: (r) => r.disclosureUrl ?? '' },
  { header: '现场服务开始', width: 12, value: (r) => r.onsiteFrom ?? '' },
  { header: '书面告知日期', width: 12, value: (r) => r.noticeOn ?? '' },
  {
    header: '签字人员',
    width: 30,
    value: (r) => r.signers.map((s) => `${s.name}（${s.registrationNumber}）`).join('；'),
  },
  { header: '问题', width: 40, value: (r) => r.flags.map((f) => agencyReportFlagNames[f].zh).join('；') },
  { header: '数据来源', width: 8, value: (r) => cell.demo(r.demo) },
];
