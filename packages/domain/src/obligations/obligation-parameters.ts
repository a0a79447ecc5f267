/**
 * Every figure of the obligations registers as a dated parameter with its source and how sure it
 * is (the marks of shared/reference/co-governance-and-obligations.md: V = verified in a source,
 * U = unverified, from memory or a secondary summary — confirm with the bureau before relying on
 * it). A figure that changed keeps its old value with the date the new one took effect, so a
 * record is judged by the rule of its own date. A bureau overrides any of them by passing its own
 * table to the rules (they take the table as an argument and never read a global).
 */
export type ParameterMark = 'V' | 'U';

export interface DatedValue<T> {
  /** First day (YYYY-MM-DD) the value applies. */
  readonly from: string;
  readonly value: T;
  readonly sourceZh: string;
  readonly sourceEn: string;
  readonly mark: ParameterMark;
}

export type DatedParameter<T> = readonly DatedValue<T>[];

export interface ObligationParameters {
  /** 特种作业操作证 validity, years (总局令第30号). */
  readonly specialCertificateYears: DatedParameter<number>;
  /** 特种作业操作证 复审 interval, years. */
  readonly specialReviewYears: DatedParameter<number>;
  /** 主要负责人/安全生产管理人员 安全生产知识和管理能力考核合格证 validity, years. */
  readonly managerCertificateYears: DatedParameter<number>;
  /** Days before expiry or review when reminders start. */
  readonly reminderDays: DatedParameter<number>;
  /** 安责险 minimum death/disability cover per person, 元. */
  readonly insuranceMinPerPersonYuan: DatedParameter<number>;
  /** Ceiling of accident-prevention service spending, percent of premiums collected. */
  readonly preventionServiceCapPercent: DatedParameter<number>;
  /** Whether every insured unit of a mandatory sector should get at least one prevention service a year. */
  readonly preventionServiceYearly: DatedParameter<boolean>;
  /** Registry sectors whose units must carry 安责险 (安全生产法 Art. 51; the 2025 rules' list). */
  readonly insuranceSectors: DatedParameter<readonly string[]>;
  /** Registry sectors whose principals and safety managers must pass the assessment (Art. 27). */
  readonly managerAssessmentSectors: DatedParameter<readonly string[]>;
  /** 安全评价检测检验机构 qualification validity, years (应急管理部令第1号). */
  readonly agencyQualificationYears: DatedParameter<number>;
  /** Fewest registered staff who must sign an agency report. */
  readonly agencyReportMinSigners: DatedParameter<number>;
  /** Calendar days after issue by which an agency publishes a report's information on its website. */
  readonly agencyDisclosureDays: DatedParameter<number>;
  /** Working days before on-site work by which the agency gives written notice to the place's bureau. */
  readonly agencyNoticeWorkingDays: DatedParameter<number>;
}

const HIGH_RISK = [
  'non_coal_mine',
  'hazchem_production',
  'hazchem_trading',
  'hazchem_use',
  'hazchem_storage',
  'fireworks',
  'road_transport',
  'construction',
  'metallurgy',
  'nonferrous',
] as const;

export const defaultObligationParameters: ObligationParameters = Object.freeze<ObligationParameters>({
  specialCertificateYears: [
    {
      from: '2010-07-01',
      value: 6,
      sourceZh: '《特种作业人员安全技术培训考核管理规定》（原国家安监总局令第30号）第十九条',
      sourceEn: 'SAWS Order No. 30, Art. 19',
      mark: 'V',
    },
  ],
  specialReviewYears: [
    {
      from: '2010-07-01',
      value: 3,
      sourceZh: '总局令第30号第二十一条（连续从业10年以上经同意可每6年复审一次）',
      sourceEn: 'SAWS Order No. 30, Art. 21 (every 6 years after 10 years of clean practice, if agreed)',
      mark: 'V',
    },
  ],
  managerCertificateYears: [
    {
      from: '2012-03-01',
      value: 3,
      sourceZh: '《生产经营单位安全培训规定》及安全生产培训管理办法：考核合格证有效期3年',
      sourceEn: 'Work-safety training rules: the assessment certificate is valid 3 years',
      mark: 'V',
    },
  ],
  reminderDays: [
    {
      from: '2010-07-01',
      value: 60,
      sourceZh: '总局令第30号：有效期届满前60日内申请复审',
      sourceEn: 'SAWS Order No. 30: apply for review within 60 days before it falls due',
      mark: 'V',
    },
  ],
  insuranceMinPerPersonYuan: [
    {
      from: '2018-01-01',
      value: 300_000,
      sourceZh: '《安全生产责任保险实施办法》（安监总办〔2017〕140号，2025年废止）',
      sourceEn: 'SAWS 2017 No. 140 implementing rules (repealed 2025)',
      mark: 'V',
    },
    {
      from: '2025-03-29',
      value: 400_000,
      sourceZh: '应急〔2025〕27号《安全生产责任保险实施办法》：每人死亡伤残责任限额不低于40万元，各地可上调',
      sourceEn:
        'MEM 2025 No. 27: at least 400,000 yuan per person for death and disability; localities may raise it',
      mark: 'V',
    },
  ],
  preventionServiceCapPercent: [
    {
      from: '2024-01-01',
      value: 21,
      sourceZh: '应急厅函〔2024〕322号：事故预防服务费用不超过实际收取保费的21%',
      sourceEn: 'MEM letter 2024 No. 322: prevention services at most 21 % of premiums collected',
      mark: 'V',
    },
  ],
  preventionServiceYearly: [
    {
      from: '2025-03-29',
      value: true,
      sourceZh: '应急〔2025〕27号：保险机构应为投保单位提供事故预防服务（每年至少一次为本地做法，待核实）',
      sourceEn:
        'MEM 2025 No. 27: insurers serve insured units with accident prevention (at least once a year is local practice, to confirm)',
      mark: 'U',
    },
  ],
  insuranceSectors: [
    {
      from: '2021-09-01',
      value: HIGH_RISK,
      sourceZh:
        '安全生产法第五十一条；应急〔2025〕27号：矿山、危险化学品、烟花爆竹、交通运输、建筑施工、民用爆炸物品、金属冶炼、渔业生产',
      sourceEn:
        'Work Safety Law Art. 51; MEM 2025 No. 27: mines, hazardous chemicals, fireworks, transport, construction, civil explosives, metal smelting, fishery',
      mark: 'V',
    },
  ],
  managerAssessmentSectors: [
    {
      from: '2021-09-01',
      value: HIGH_RISK,
      sourceZh: '安全生产法第二十七条：危险物品生产经营储存、矿山、金属冶炼、建筑施工、道路运输单位',
      sourceEn:
        'Work Safety Law Art. 27: dangerous goods, mines, metal smelting, construction and road transport units',
      mark: 'V',
    },
  ],
  agencyQualificationYears: [
    {
      from: '2019-05-01',
      value: 5,
      sourceZh:
        '《安全评价检测检验机构管理办法》（应急管理部令第1号）：资质有效期5年（此前3年）；2026年令第20号修订内容待核实',
      sourceEn:
        'MEM Order No. 1 (2019): qualifications valid 5 years (3 before); the 2026 revision (Order No. 20) is not yet confirmed',
      mark: 'V',
    },
  ],
  agencyReportMinSigners: [
    {
      from: '2019-05-01',
      value: 2,
      sourceZh: '项目负责人和至少一名参与评价（检测检验）的登记人员签字——待向省厅核实',
      sourceEn:
        'The project lead and at least one other registered staff member sign — to confirm with the province',
      mark: 'U',
    },
  ],
  agencyDisclosureDays: [
    {
      from: '2019-05-01',
      value: 20,
      sourceZh:
        '应急管理部令第1号：报告出具后在本机构网站公开项目、单位、结论、人员和现场图像等信息；公开期限未查到原文，暂按20日——待向省厅核实',
      sourceEn:
        'MEM Order No. 1: after issue the agency publishes the project, unit, conclusion, staff and site images on its website; no deadline found in the text, 20 days assumed — to confirm with the province',
      mark: 'U',
    },
  ],
  agencyNoticeWorkingDays: [
    {
      from: '2019-05-01',
      value: 7,
      sourceZh:
        '应急管理部令第1号：开展现场技术服务前七个工作日内书面告知项目实施地资质认可机关（按"提前7个工作日"理解，待核实）',
      sourceEn:
        'MEM Order No. 1: written notice to the approving authority of the place within 7 working days before on-site service (read as "7 working days ahead"; reading to confirm)',
      mark: 'V',
    },
  ],
});

/** The value in force on `date` (YYYY-MM-DD): the latest entry that started on or before it. */
export function parameterOn<T>(parameter: DatedParameter<T>, date: string): T {
  let found: DatedValue<T> | undefined;
  for (const entry of parameter)
    if (entry.from <= date && (!found || entry.from >= found.from)) found = entry;
  // Before the first entry the earliest rule is the best guide we have.
  return (found ?? parameter[0]!).value;
}
