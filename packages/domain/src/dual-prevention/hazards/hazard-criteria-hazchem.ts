import type { HazardCriteriaList } from './hazard-criteria-list.ts';

/*
 * 化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）, 2017, 20 items (standards.md §4.2:
 * list V2, document number M). The zh text follows the item wording of the sources our reference
 * cites; English glosses are the reference's headings. Check against the official text before release.
 */

const items: readonly [string, string][] = [
  [
    '危险化学品生产、经营单位主要负责人和安全生产管理人员未依法经考核合格',
    'Principal / safety managers of hazardous-chemical production or trading units not assessed as qualified',
  ],
  ['特种作业人员未持证上岗', 'Special-operation workers without certificates'],
  [
    '涉及“两重点一重大”的生产装置、储存设施外部安全防护距离不符合国家标准要求',
    'External safety distances of "两重点一重大" plants/storage not meeting national standards',
  ],
  [
    '涉及重点监管危险化工工艺的装置未实现自动化控制，系统未实现紧急停车功能，装备的自动化控制系统、紧急停车系统未投入使用',
    'Key-supervised hazardous processes without automatic control / emergency shutdown, or those systems not in use',
  ],
  [
    '构成一级、二级重大危险源的危险化学品罐区未实现紧急切断功能；涉及毒性气体、液化气体、剧毒液体的一级、二级重大危险源的危险化学品罐区未配备独立的安全仪表系统',
    'Level-1/2 major-hazard tank farms without emergency cut-off; those holding toxic gases, liquefied gases or highly toxic liquids without an independent SIS',
  ],
  [
    '全压力式液化烃储罐未按国家标准设置注水措施',
    'Fully pressurised liquefied-hydrocarbon tanks without water-injection facilities',
  ],
  [
    '液化烃、液氨、液氯等易燃易爆、有毒有害液化气体的充装未使用万向管道充装系统',
    'Loading of liquefied hydrocarbons, liquid ammonia, liquid chlorine etc. not using universal-joint loading arms',
  ],
  [
    '光气、氯气等剧毒气体及硫化氢气体管道穿越除厂区（包括化工园区、工业园区）外的公共区域',
    'Phosgene, chlorine and similar highly toxic gas or H2S pipelines crossing public areas outside the plant/park',
  ],
  [
    '地区架空电力线路穿越生产区且不符合国家标准要求',
    'Overhead power lines crossing the production area against national standards',
  ],
  [
    '在役化工装置未经正规设计且未进行安全设计诊断',
    'In-service chemical plants never formally designed and without a safety design diagnosis',
  ],
  ['使用淘汰落后安全技术工艺、设备目录列出的工艺、设备', 'Using processes/equipment listed as obsolete'],
  [
    '涉及可燃和有毒有害气体泄漏的场所未按国家标准设置检测报警装置，爆炸危险场所未按国家标准安装使用防爆电气设备',
    'No gas detection/alarm where combustible or toxic gas can leak; non-explosion-proof electrical equipment in hazardous areas',
  ],
  [
    '控制室或机柜间面向具有火灾、爆炸危险性装置一侧不满足国家标准关于防火防爆的要求',
    'Control rooms / cabinet rooms facing fire/explosion-risk units not meeting fire/blast-resistance requirements',
  ],
  [
    '化工生产装置未按国家标准要求设置双重电源供电，自动化控制系统未设置不间断电源',
    'No dual power supply for chemical units; no UPS for the automatic control system',
  ],
  [
    '安全阀、爆破片等安全附件未正常投用',
    'Safety valves, bursting discs and similar accessories not in normal service',
  ],
  [
    '未建立与岗位相匹配的全员安全生产责任制或者未制定实施生产安全事故隐患排查治理制度',
    'No all-staff, post-matched safety responsibility system, or no hidden-hazard investigation system',
  ],
  ['未制定操作规程和工艺控制指标', 'No operating procedures and process control limits'],
  [
    '未按照国家标准制定动火、进入受限空间等特殊作业管理制度，或者制度未有效执行',
    'No (or not enforced) management rules for hot work, confined-space entry and other special operations',
  ],
  [
    '新开发的危险化学品生产工艺未经小试、中试、工业化试验直接进行工业化生产；国内首次使用的化工工艺未经过省级人民政府有关部门组织的安全可靠性论证；新建装置未制定试生产方案投料开车；精细化工企业未按规范性文件要求开展反应安全风险评估',
    'New processes industrialised without lab/pilot/industrial trials; first domestic use without provincial reliability appraisal; new plant started without a trial-production plan; fine-chemical enterprises without reaction safety risk assessment',
  ],
  [
    '未按国家标准分区分类储存危险化学品，超量、超品种储存危险化学品，相互禁配物质混放混存',
    'Hazardous chemicals not stored by zone/class, over-quantity or over-variety storage, or incompatible substances stored together',
  ],
];

export const hazardCriteriaHazchem2017: HazardCriteriaList = {
  id: 'hazchem-2017',
  codePrefix: 'hc',
  version: '2017',
  titleZh: '化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）',
  titleEn:
    'Criteria for major hidden hazards in chemical and hazardous-chemical production and trading units (trial)',
  legalSource: {
    zh: '原国家安全生产监督管理总局，安监总管三〔2017〕121号',
    documentNo: '安监总管三〔2017〕121号',
    issuedBy: '原国家安全生产监督管理总局',
    // The document number is M in our reference; the 20 items are V2.
    verification: 'M',
  },
  sectors: ['hazchem_production', 'hazchem_trading', 'hazchem_use', 'hazchem_storage'],
  complete: true,
  statutoryItemCount: 20,
  wording: 'heading',
  groups: [],
  items: items.map(([zh, en], index) => ({
    code: `hc-${String(index + 1).padStart(2, '0')}`,
    zh,
    en,
    verification: 'V2',
  })),
};
