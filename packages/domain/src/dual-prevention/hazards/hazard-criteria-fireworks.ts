import type { HazardCriteriaList } from './hazard-criteria-list.ts';

/*
 * 烟花爆竹生产经营单位重大生产安全事故隐患判定标准（试行）, 2017, 20 items (standards.md §4.3:
 * items 1–8 V2, items 9–20 V1, item 20 truncated in the one source; issued with the 化工 list, M).
 * The zh text follows the item wording of the sources our reference cites; English glosses are the
 * reference's headings. Check against the official text before release.
 */

const items: readonly [string, string][] = [
  ['主要负责人、安全生产管理人员未依法经考核合格', 'Principal / safety managers not assessed as qualified'],
  [
    '特种作业人员未持证上岗，作业人员带药检维修设备设施',
    'Special-operation workers without certificates; maintenance of equipment while explosive composition is present',
  ],
  [
    '职工自行携带工器具、机器设备进厂进行涉药作业',
    'Workers bringing their own tools/machines into the plant for work involving pyrotechnic composition',
  ],
  [
    '工（库）房实际作业人员数量超过核定人数',
    'Number of people in a workshop/storehouse above the approved number',
  ],
  [
    '工（库）房实际滞留、存储药量超过核定药量',
    'Composition/explosive quantity retained or stored in a workshop/storehouse above the approved quantity',
  ],
  [
    '工（库）房内、外部安全距离不足，防护屏障缺失或者不符合要求',
    'Insufficient internal/external safety distances; protective barriers missing or non-compliant',
  ],
  [
    '防静电、防火、防雷设备设施缺失或者失效',
    'Anti-static, fire-prevention or lightning-protection equipment missing or ineffective',
  ],
  [
    '擅自改变工（库）房用途或者违规私搭乱建',
    'Changing the use of a workshop/storehouse without approval, or illegal makeshift buildings',
  ],
  ['工厂围墙缺失或者分区设置不符合国家标准', 'Factory wall missing, or zoning not as per national standard'],
  [
    '将氧化剂、还原剂同库储存、违规预混或者在同一工房内粉碎、称量',
    'Oxidisers and reductants stored together, illegal premixing, or crushing and weighing in the same workshop',
  ],
  [
    '在用涉药机械设备未经安全性论证或者擅自更改、改变用途',
    'Machinery used with composition without safety appraisal, or modified/repurposed without approval',
  ],
  [
    '中转库、药物总库和成品总库的存储能力与设计产能不匹配',
    'Capacity of transfer store, composition store and finished-product store not matching design capacity',
  ],
  [
    '未建立与岗位相匹配的全员安全生产责任制或者未制定实施生产安全事故隐患排查治理制度',
    'No post-matched all-staff responsibility system or no hidden-hazard investigation system',
  ],
  [
    '出租、出借、转让、买卖、冒用或者伪造许可证',
    'Renting, lending, transferring, buying/selling, impersonating or forging licences',
  ],
  [
    '生产经营的产品种类、危险等级超许可范围或者生产使用违禁药物',
    'Products/hazard classes beyond the licence, or use of prohibited compositions',
  ],
  ['分包转包生产线、工房、库房组织生产经营', 'Subcontracting production lines, workshops or storehouses'],
  [
    '一证多厂或者多股东各自独立组织生产经营',
    'One licence for several plants, or several shareholders each running production independently',
  ],
  [
    '许可证过期、整顿改造、恶劣天气等停产停业期间组织生产经营',
    'Producing during licence expiry, rectification, bad weather or other mandated stoppage',
  ],
  [
    '烟花爆竹仓库存放其它爆炸物等危险物品或者生产经营违禁超标产品',
    'Fireworks warehouses storing other explosives, or trading prohibited/over-standard products',
  ],
  [
    '零售点与居民居住场所设置在同一建筑物内或者在零售场所使用明火',
    'Retail points in the same building as dwellings, or open flames used at retail points',
  ],
];

export const hazardCriteriaFireworks2017: HazardCriteriaList = {
  id: 'fireworks-2017',
  codePrefix: 'fw',
  version: '2017',
  titleZh: '烟花爆竹生产经营单位重大生产安全事故隐患判定标准（试行）',
  titleEn: 'Criteria for major hidden hazards in fireworks production and trading units (trial)',
  legalSource: {
    zh: '原国家安全生产监督管理总局，与化工和危险化学品判定标准同文印发（安监总管三〔2017〕121号）',
    documentNo: '安监总管三〔2017〕121号',
    issuedBy: '原国家安全生产监督管理总局',
    verification: 'M',
  },
  sectors: ['fireworks'],
  complete: true,
  statutoryItemCount: 20,
  wording: 'heading',
  notes: 'Items 9–20 rest on one source (V1); item 20 was truncated there.',
  groups: [],
  items: items.map(([zh, en], index) => ({
    code: `fw-${String(index + 1).padStart(2, '0')}`,
    zh,
    en,
    verification: index < 8 ? 'V2' : 'V1',
  })),
};
