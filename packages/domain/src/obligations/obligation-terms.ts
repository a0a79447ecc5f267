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
