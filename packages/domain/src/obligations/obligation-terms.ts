/**
 * The closed vocabularies of the obligations registers, with their zh-CN and English names. The
 * special-operation categories are the 11 classes of 总局令第30号 as amended (安监总人事〔2018〕18号).
 */
export interface Term {
  readonly zh: string;
  readonly en: string;
}

export const personPosts = ['principal', 'safety_manager', 'special_operation', 'other'] as const;
export type PersonPost = (typeof personPosts)[number];
export const personPostNames: Record<PersonPost, Term> = {
  principal: { zh: '主要负责人', en: 'Principal' },
  safety_manager: { zh: '安全生产管理人员', en: 'Safety manager' },
  special_operation: { zh: '特种作业人员', en: 'Special-operation worker' },
  other: { zh: '其他从业人员', en: 'Other staff' },
};

export const specialOperations = [
  'electrical',
  'welding',
  'work_at_height',
  'refrigeration',
  'coal_mine',
  'metal_mine',
  'oil_gas',
  'metallurgy_gas',
  'hazchem',
  'fireworks',
  'other',
] as const;
export type SpecialOperation = (typeof specialOperations)[number];
export const specialOperationNames: Record<SpecialOperation, Term> = {
  electrical: { zh: '电工作业', en: 'Electrical work' },
  welding: { zh: '焊接与热切割作业', en: 'Welding and thermal cutting' },
  work_at_height: { zh: '高处作业', en: 'Work at height' },
  refrigeration: { zh: '制冷与空调作业', en: 'Refrigeration and air conditioning' },
  coal_mine: { zh: '煤矿安全作业', en: 'Coal-mine safety work' },
  metal_mine: { zh: '金属非金属矿山安全作业', en: 'Metal and non-metal mine safety work' },
  oil_gas: { zh: '石油天然气安全作业', en: 'Oil and gas safety work' },
  metallurgy_gas: { zh: '冶金（有色）生产安全作业', en: 'Metallurgy (non-ferrous) production work' },
  hazchem: { zh: '危险化学品安全作业', en: 'Hazardous-chemical safety work' },
  fireworks: { zh: '烟花爆竹安全作业', en: 'Fireworks safety work' },
  other: { zh: '其他特种作业', en: 'Other special operation' },
};

export const certificateKinds = ['principal', 'safety_manager', 'special_operation'] as const;
export type CertificateKind = (typeof certificateKinds)[number];
export const certificateKindNames: Record<CertificateKind, Term> = {
  principal: { zh: '主要负责人安全生产知识和管理能力考核合格证', en: "Principal's assessment certificate" },
  safety_manager: {
    zh: '安全生产管理人员安全生产知识和管理能力考核合格证',
    en: "Safety manager's assessment certificate",
  },
  special_operation: { zh: '特种作业操作证', en: 'Special-operation certificate' },
};

export const certificateStatuses = ['valid', 'review_due', 'expiring', 'review_overdue', 'expired'] as const;
export type CertificateStatus = (typeof certificateStatuses)[number];
export const certificateStatusNames: Record<CertificateStatus, Term> = {
  valid: { zh: '有效', en: 'Valid' },
  review_due: { zh: '临近复审', en: 'Review due' },
  expiring: { zh: '即将到期', en: 'Expiring' },
  review_overdue: { zh: '逾期未复审', en: 'Review overdue' },
  expired: { zh: '已过期', en: 'Expired' },
};

export const certificateGapKinds = ['no_principal', 'no_safety_manager', 'uncertified_operation'] as const;
export type CertificateGapKind = (typeof certificateGapKinds)[number];
export const certificateGapNames: Record<CertificateGapKind, Term> = {
  no_principal: {
    zh: '主要负责人无有效考核合格证',
    en: 'No valid assessment certificate for the principal',
  },
  no_safety_manager: {
    zh: '安全生产管理人员无有效考核合格证',
    en: 'No valid assessment certificate for a safety manager',
  },
  uncertified_operation: {
    zh: '特种作业人员未持有效特种作业操作证上岗',
    en: 'Special operation by a worker without a valid certificate',
  },
};

export const licenceSteps = ['submitted', 'accepted', 'reviewed', 'decided'] as const;
export type LicenceStep = (typeof licenceSteps)[number];
export const licenceStepNames: Record<LicenceStep, Term> = {
  submitted: { zh: '已申请', en: 'Submitted' },
  accepted: { zh: '已受理', en: 'Accepted' },
  reviewed: { zh: '已审查', en: 'Reviewed' },
  decided: { zh: '已决定', en: 'Decided' },
};

export const licenceApplicationKinds = ['new', 'renewal', 'change'] as const;
export type LicenceApplicationKind = (typeof licenceApplicationKinds)[number];
export const licenceApplicationKindNames: Record<LicenceApplicationKind, Term> = {
  new: { zh: '首次申请', en: 'New' },
  renewal: { zh: '延期换证', en: 'Renewal' },
  change: { zh: '变更', en: 'Change' },
};

export const projectSteps = ['pre_assessment', 'design_review', 'construction', 'completion'] as const;
export type ProjectStep = (typeof projectSteps)[number];
export const projectStepNames: Record<ProjectStep, Term> = {
  pre_assessment: { zh: '安全预评价', en: 'Safety pre-assessment' },
  design_review: { zh: '安全设施设计审查', en: 'Safety-facility design review' },
  construction: { zh: '施工', en: 'Construction' },
  completion: { zh: '竣工验收', en: 'Completion acceptance' },
};

/** 安全评价检测检验机构 qualification types (应急管理部令第1号: the 甲/乙 grades were abolished). */
export const agencyQualifications = ['safety_assessment', 'testing_inspection'] as const;
export type AgencyQualification = (typeof agencyQualifications)[number];
export const agencyQualificationNames: Record<AgencyQualification, Term> = {
  safety_assessment: { zh: '安全评价', en: 'Safety assessment' },
  testing_inspection: { zh: '安全生产检测检验', en: 'Safety testing and inspection' },
};

/**
 * The fields a qualification may cover: only those of 安全生产法 (2014) Arts. 29/34 (令第1号 and its
 * official reading, S32): mines, metal smelting, dangerous goods, mine underground special equipment.
 */
export const agencyFields = ['mine', 'metal_smelting', 'dangerous_goods', 'mine_special_equipment'] as const;
export type AgencyField = (typeof agencyFields)[number];
export const agencyFieldNames: Record<AgencyField, Term> = {
  mine: { zh: '矿山', en: 'Mines' },
  metal_smelting: { zh: '金属冶炼', en: 'Metal smelting' },
  dangerous_goods: { zh: '危险物品生产、储存、装卸', en: 'Producing, storing or handling dangerous goods' },
  mine_special_equipment: { zh: '矿山井下特种设备', en: 'Mine underground special equipment' },
};

/** The kinds of report an agency issues; each needs one qualification. */
export const agencyReportKinds = [
  'pre_assessment',
  'acceptance_assessment',
  'status_assessment',
  'testing',
] as const;
export type AgencyReportKind = (typeof agencyReportKinds)[number];
export const agencyReportKindNames: Record<AgencyReportKind, Term> = {
  pre_assessment: { zh: '安全预评价报告', en: 'Safety pre-assessment report' },
  acceptance_assessment: { zh: '安全验收评价报告', en: 'Safety acceptance assessment report' },
  status_assessment: { zh: '安全现状评价报告', en: 'Safety status assessment report' },
  testing: { zh: '检测检验报告', en: 'Testing and inspection report' },
};
export const agencyReportQualification: Record<AgencyReportKind, AgencyQualification> = {
  pre_assessment: 'safety_assessment',
  acceptance_assessment: 'safety_assessment',
  status_assessment: 'safety_assessment',
  testing: 'testing_inspection',
};

export const agencyStaffRoles = ['assessor', 'engineer'] as const;
export type AgencyStaffRole = (typeof agencyStaffRoles)[number];
export const agencyStaffRoleNames: Record<AgencyStaffRole, Term> = {
  assessor: { zh: '安全评价师', en: 'Safety assessor' },
  engineer: { zh: '检测检验技术人员', en: 'Testing engineer' },
};

export const agencyReportConclusions = ['meets', 'meets_after_rectification', 'fails'] as const;
export type AgencyReportConclusion = (typeof agencyReportConclusions)[number];
export const agencyReportConclusionNames: Record<AgencyReportConclusion, Term> = {
  meets: { zh: '符合安全要求', en: 'Meets the safety requirements' },
  meets_after_rectification: { zh: '整改后符合', en: 'Meets after rectification' },
  fails: { zh: '不符合安全要求', en: 'Fails the safety requirements' },
};

export const agencyReportFlagKinds = [
  'qualification_lapsed',
  'wrong_qualification',
  'out_of_scope',
  'unregistered_signer',
  'too_few_signers',
  'not_disclosed',
  'late_notice',
] as const;
export type AgencyReportFlagKind = (typeof agencyReportFlagKinds)[number];
export const agencyReportFlagNames: Record<AgencyReportFlagKind, Term> = {
  qualification_lapsed: { zh: '出具时资质不在有效期内', en: 'Qualification not in force on the issue date' },
  wrong_qualification: { zh: '资质类型与报告类别不符', en: 'Qualification type does not match the report' },
  out_of_scope: { zh: '超出资质业务范围', en: 'Outside the qualification scope' },
  unregistered_signer: {
    zh: '签字人员未在本机构登记',
    en: 'Signed by someone not registered with the agency',
  },
  too_few_signers: { zh: '签字人员少于规定人数', en: 'Fewer signers than required' },
  not_disclosed: { zh: '未按期公开报告信息', en: 'Report information not disclosed in time' },
  late_notice: { zh: '现场服务前未按期书面告知', en: 'No written notice in time before on-site work' },
};

/** What the bureau draws for a spot check (抽查): agency reports, or 三同时 projects whose self-acceptance passed. */
export const spotCheckSubjects = ['agency_report', 'project'] as const;
export type SpotCheckSubject = (typeof spotCheckSubjects)[number];
export const spotCheckSubjectNames: Record<SpotCheckSubject, Term> = {
  agency_report: { zh: '技术服务报告', en: 'Agency reports' },
  project: { zh: '三同时竣工验收', en: '三同时 completion acceptances' },
};

export const spotCheckSeverities = ['minor', 'serious'] as const;
export type SpotCheckSeverity = (typeof spotCheckSeverities)[number];
export const spotCheckSeverityNames: Record<SpotCheckSeverity, Term> = {
  minor: { zh: '一般', en: 'Minor' },
  serious: { zh: '严重', en: 'Serious' },
};

/** The outcome of one checked report or project. */
export const spotCheckResults = ['pass', 'fail'] as const;
export type SpotCheckResult = (typeof spotCheckResults)[number];
export const spotCheckResultNames: Record<SpotCheckResult, Term> = {
  pass: { zh: '合格', en: 'Passed' },
  fail: { zh: '不合格', en: 'Failed' },
};

/** Credit consequences for an agency (令第1号 Art. 28–30: 不良记录, 黑名单). */
export const agencyCreditKinds = ['deduction', 'bad_record', 'blacklist'] as const;
export type AgencyCreditKind = (typeof agencyCreditKinds)[number];
export const agencyCreditKindNames: Record<AgencyCreditKind, Term> = {
  deduction: { zh: '扣分', en: 'Points deducted' },
  bad_record: { zh: '不良记录', en: 'Bad record' },
  blacklist: { zh: '列入黑名单', en: 'Blacklisted' },
};
