import type { PlanDeliverableDefinition } from './deliverables.ts';

/**
 * 玉溪市"十四五"安全生产规划 (2021–2025, issued 2022-07) as data, extracted from the plan's text
 * (shared/seed/000_bc99320e1141d52d.txt): its five chapters, the nine main tasks of chapter 三 and
 * the thirteen sector tasks of 三（四）, the ten key projects (重点工程) of chapter 四, the seventeen
 * 专栏 and the four indicators of 专栏1 (linked to the statistics module's indicators by code).
 *
 * Lead and participating units: the text names 市应急管理局 (and the 安委办 it hosts, 二（三）and
 * 五（四）) for the plan as a whole and the sector each task covers; a task's lead unit here is the
 * department that supervises the sector the task names (安委〔2015〕5号 "三管三必须"), which the bureau
 * confirms or changes in its own plan file (docs/plan.md).
 *
 * Milestones: the plan asks for yearly progress reports and a mid-term (end of 2023) and final
 * (end of 2025) evaluation (五（四）); each task gets a yearly milestone, and each document a 专栏
 * promises is a deliverable due at the mid-term.
 */
export interface PlanDefinition {
  readonly code: string;
  readonly name: string;
  readonly startYear: number;
  readonly endYear: number;
  readonly chapters: readonly { no: number; title: string }[];
  readonly tasks: readonly PlanTaskDefinition[];
  readonly columns: readonly PlanColumnDefinition[];
  readonly indicators: readonly PlanIndicatorDefinition[];
  /** What tasks and 专栏 promise to deliver (deliverables.ts); none when left out. */
  readonly deliverables?: readonly PlanDeliverableDefinition[];
}

export interface PlanTaskDefinition {
  /** Chapter.section(.item): 3.1 = 三（一）, 3.4.5 = 三（四）5, 4.2 = 四（二）. */
  readonly code: string;
  readonly chapterNo: number;
  readonly kind: 'task' | 'project';
  readonly title: string;
  /** Organisation codes (organisations.ts). */
  readonly lead: string;
  readonly participants: readonly string[];
}

export interface PlanColumnDefinition {
  readonly no: number;
  readonly title: string;
  readonly taskCode: string | null;
  /** Documents to draft or revise (deliverables) or the column's listed objects. */
  readonly items: readonly string[];
  readonly deliverables: boolean;
}

export interface PlanIndicatorDefinition {
  readonly no: number;
  readonly name: string;
  readonly target: string;
  readonly nature: string;
  /** statistics_indicators.code */
  readonly indicatorCode: string;
}

const t = (
  code: string,
  title: string,
  lead: string,
  participants: readonly string[] = [],
): PlanTaskDefinition => ({
  code,
  chapterNo: Number(code.split('.')[0]),
  kind: code.startsWith('4.') ? 'project' : 'task',
  title,
  lead,
  participants,
});

const yuxiPlanStructure: PlanDefinition = {
  code: 'yuxi-14th-safety',
  name: '玉溪市“十四五”安全生产规划',
  startYear: 2021,
  endYear: 2025,
  chapters: [
    { no: 1, title: '现状与形势' },
    { no: 2, title: '指导思想、基本原则和规划目标' },
    { no: 3, title: '主要任务' },
    { no: 4, title: '重点工程' },
    { no: 5, title: '保障措施' },
  ],
  tasks: [
    t('3.1', '健全责任体系，强化安全责任落实', 'city-ema', ['city-ema']),
    t('3.2', '深化执法改革，健全监管执法体系', 'city-ema', ['city-justice']),
    t('3.3', '加强联防联控，扎实推进精准监管', 'city-ema', ['city-dev-reform', 'city-natural-resources']),
    t('3.4', '深化行业治理，防范化解安全风险', 'city-ema'),
    t('3.4.1', '防范化解非煤矿山重大安全风险', 'city-ema', ['city-natural-resources']),
    t('3.4.2', '坚决遏制化工及危险化学品事故', 'city-ema', ['city-industry', 'city-market']),
    t('3.4.3', '持续提升烟花爆竹安全生产水平', 'city-ema', ['city-public-security', 'city-market']),
    t('3.4.4', '坚持多措并举抓好消防安全', 'city-fire', ['city-housing']),
    t('3.4.5', '重点防范道路交通安全风险', 'city-traffic-police', ['city-transport']),
    t('3.4.6', '切实强化铁路、邮政、水上交通行业治理', 'city-transport', ['city-post']),
    t('3.4.7', '持续深化工贸行业安全专项整治', 'city-ema', ['city-industry']),
    t('3.4.8', '全力加强建设工程安全监管工作', 'city-housing', ['city-transport', 'city-water']),
    t('3.4.9', '重点关注农林牧渔业安全发展', 'city-agriculture', ['city-forestry']),
    t('3.4.10', '强化文化和旅游业安全监管', 'city-culture-tourism'),
    t('3.4.11', '全面推进城市建设运行安全发展', 'city-housing', ['city-market']),
    t('3.4.12', '优化提升开发区安全生产水平', 'city-industry', ['city-ema']),
    t('3.4.13', '积极推进新能源领域风险管控', 'city-energy', ['city-dev-reform']),
    t('3.5', '健全应急体系，提升应急救援能力', 'city-ema', ['city-fire']),
    t('3.6', '强化科技支撑，助力安全生产发展', 'city-ema', ['city-science']),
    t('3.7', '发挥市场能效，构建共建共治格局', 'city-ema', ['city-finance']),
    t('3.8', '强化安全宣教，引领凝聚安全文化', 'city-ema', ['city-publicity', 'city-education']),
    t('3.9', '抢抓发展机遇，促进区域应急合作', 'city-ema'),
    t('4.1', '危险化学品风险防控能力提升工程', 'city-ema', ['city-industry']),
    t('4.2', '烟花爆竹安全生产水平提升工程', 'city-ema'),
    t('4.3', '非煤矿山安全基础能力夯实工程', 'city-ema', ['city-natural-resources']),
    t('4.4', '金属冶炼、加工企业智能化升级改造工程', 'city-industry', ['city-ema']),
    t('4.5', '道路运输基础设施提升工程', 'city-transport', ['city-traffic-police']),
    t('4.6', '玉溪市应急指挥中心建设工程', 'city-ema'),
    t('4.7', '安全监管执法能力提升工程', 'city-ema'),
    t('4.8', '安全生产应急救援能力提升工程', 'city-ema', ['city-fire']),
    t('4.9', '玉溪市安全科普体验中心建设工程', 'city-ema', ['city-science']),
    t('4.10', '国家安全发展示范城市建设工程', 'city-ema', ['county-530481']),
  ],
  columns: [
    { no: 1, title: '“十四五”安全生产主要指标', taskCode: null, items: [], deliverables: false },
    {
      no: 2,
      title: '重点制定、修订的文件',
      taskCode: '3.1',
      deliverables: true,
      items: [
        '《玉溪市人民政府领导安全生产工作职责任务分工》',
        '《玉溪市市直有关单位安全生产工作职责任务清单》',
        '《玉溪市安全生产工作年度目标责任考核办法》',
        '《玉溪市生产经营单位安全生产主体责任实施意见》',
      ],
    },
    {
      no: 3,
      title: '重点制定、修订的文件',
      taskCode: '3.2',
      deliverables: true,
      items: [
        '《玉溪市深化应急管理综合行政执法改革实施方案》',
        '《玉溪市安全生产行政执法与刑事司法衔接工作办法》',
      ],
    },
    {
      no: 4,
      title: '重点制定、修订的文件',
      taskCode: '3.3',
      deliverables: true,
      items: [
        '《玉溪市重大安全风险大排查工作方案》',
        '《玉溪市安全生产风险管控和隐患排查治理双重预防机制建设实施方案》',
        '《玉溪市安全生产重大隐患政府挂牌督办制度》',
      ],
    },
    { no: 5, title: '非煤矿山管控重点区域、对象', taskCode: '3.4.1', items: [], deliverables: false },
    { no: 6, title: '危险化学品管控重点区域、对象', taskCode: '3.4.2', items: [], deliverables: false },
    { no: 7, title: '烟花爆竹管控重点区域、对象', taskCode: '3.4.3', items: [], deliverables: false },
    { no: 8, title: '冶金等工贸企业管控重点区域、对象', taskCode: '3.4.7', items: [], deliverables: false },
    { no: 9, title: '城镇燃气安全排查整治工作重点', taskCode: '3.4.11', items: [], deliverables: false },
    { no: 10, title: '重点管控工业（产业）园区等开发区', taskCode: '3.4.12', items: [], deliverables: false },
    {
      no: 11,
      title: '重点制定、修订的应急预案',
      taskCode: '3.5',
      deliverables: true,
      items: ['《玉溪市人民政府突发公共事件总体应急预案》'],
    },
    {
      no: 12,
      title: '重点制定、修订的文件',
      taskCode: '3.7',
      deliverables: true,
      items: ['《玉溪市应急管理专家库管理办法》'],
    },
    {
      no: 13,
      title: '重点制定、修订的文件',
      taskCode: '3.8',
      deliverables: true,
      items: ['《玉溪市安全生产教育培训机构管理办法》'],
    },
    { no: 14, title: '昆玉同城应急管理合作协议', taskCode: '3.9', items: [], deliverables: false },
    { no: 15, title: '公路安全生命防护工程重点实施内容', taskCode: '4.5', items: [], deliverables: false },
    { no: 16, title: '玉溪市应急管理综合应用平台建设功能', taskCode: '4.6', items: [], deliverables: false },
    {
      no: 17,
      title: '国家安全发展示范城市建设重点县（市、区）',
      taskCode: '4.10',
      items: ['澄江市'],
      deliverables: false,
    },
  ],
  indicators: [
    { no: 1, name: '生产安全事故死亡人数', target: '下降 15%', nature: '约束性', indicatorCode: 'deaths' },
    {
      no: 2,
      name: '较大生产安全事故起数',
      target: '下降 20%',
      nature: '约束性',
      indicatorCode: 'major_accidents',
    },
    {
      no: 3,
      name: '亿元地区生产总值生产安全事故死亡率',
      target: '下降 33%',
      nature: '约束性',
      indicatorCode: 'deaths_per_100m_gdp',
    },
    {
      no: 4,
      name: '工矿商贸就业人员十万人生产安全事故死亡率',
      target: '下降 20%',
      nature: '约束性',
      indicatorCode: 'deaths_per_100k_workers',
    },
  ],
};

/**
 * Deliverables the text names: every document of a 专栏 flagged `deliverables` (due at the mid-term,
 * 2023), and the sites, platforms and teams chapter 四 promises (due at the end of the plan, 2025):
 * 四（五）the 7 bridges to reinforce, 四（六）/专栏16 the command centre's integrated platform,
 * 四（八）the two hazardous-chemicals rescue teams and one non-coal-mine team, 四（九）the safety
 * education centre, 四（十）the city's safety-risk white paper.
 */
const documentDeliverables: PlanDeliverableDefinition[] = yuxiPlanStructure.columns
  .filter((c) => c.deliverables && c.taskCode)
  .flatMap((c) =>
    c.items.map((what) => ({
      taskCode: c.taskCode!,
      columnNo: c.no,
      what,
      kind: 'document' as const,
      targetCount: null,
      dueYear: 2023,
    })),
  );

const projectDeliverables: PlanDeliverableDefinition[] = [
  {
    taskCode: '4.5',
    columnNo: 15,
    what: 'G245 岔河桥、G357 大路笼桥等桥梁改造加固',
    kind: 'site',
    targetCount: 7,
    dueYear: 2025,
  },
  {
    taskCode: '4.6',
    columnNo: 16,
    what: '玉溪市应急管理综合应用平台',
    kind: 'platform',
    targetCount: null,
    dueYear: 2025,
  },
  {
    taskCode: '4.8',
    columnNo: null,
    what: '危险化学品专业救援队伍（澄江市、华宁县）',
    kind: 'other',
    targetCount: 2,
    dueYear: 2025,
  },
  {
    taskCode: '4.8',
    columnNo: null,
    what: '非煤矿山专业救援队伍',
    kind: 'other',
    targetCount: 1,
    dueYear: 2025,
  },
  {
    taskCode: '4.9',
    columnNo: null,
    what: '玉溪市安全科普体验中心',
    kind: 'site',
    targetCount: null,
    dueYear: 2025,
  },
  {
    taskCode: '4.10',
    columnNo: null,
    what: '城市安全风险白皮书',
    kind: 'document',
    targetCount: null,
    dueYear: 2025,
  },
];

export const yuxiPlan: PlanDefinition = {
  ...yuxiPlanStructure,
  deliverables: [...documentDeliverables, ...projectDeliverables],
};
