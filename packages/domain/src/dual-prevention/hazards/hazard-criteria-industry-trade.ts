import type { HazardCriteriaGroup, HazardCriteriaItem, HazardCriteriaList } from './hazard-criteria-list.ts';

/*
 * 工贸企业重大事故隐患判定标准 (应急管理部令第10号), in force 2023-05-15, replacing the 2017 工贸 list
 * (standards.md §4.4). Our reference gives Art. 3 in full (V2), 建材 in full (8 items, V1), the
 * first items of 冶金 and 机械 and summaries of the dust, ammonia-refrigeration and confined-space
 * items (V1); 有色, 轻工, 纺织, 烟草 are not given at all. So the list is marked incomplete and the
 * bureau loads the rest from the official text (addHazardCriteriaItems). The texts are headings
 * after the reference, not the official wording; article numbers of 8–13 are M, so the codes name
 * the group, not the article.
 */

const allIndustryTrade = [
  'metallurgy',
  'nonferrous',
  'building_materials',
  'machinery',
  'light_industry',
  'textile',
  'tobacco',
  'commerce',
];

const groups: HazardCriteriaGroup[] = [
  { id: 'mgmt', zh: '管理类', en: 'Management (all 工贸 enterprises)', article: '第三条', complete: true },
  {
    id: 'metallurgy',
    zh: '冶金',
    en: 'Metallurgy',
    article: '第四条',
    sectors: ['metallurgy'],
    complete: false,
  },
  {
    id: 'nonferrous',
    zh: '有色',
    en: 'Non-ferrous metals',
    article: '第五条',
    sectors: ['nonferrous'],
    complete: false,
  },
  {
    id: 'building',
    zh: '建材',
    en: 'Building materials',
    article: '第六条',
    sectors: ['building_materials'],
    complete: true,
  },
  {
    id: 'machinery',
    zh: '机械',
    en: 'Machinery',
    article: '第七条',
    sectors: ['machinery'],
    complete: false,
  },
  { id: 'light', zh: '轻工', en: 'Light industry', sectors: ['light_industry'], complete: false },
  { id: 'textile', zh: '纺织', en: 'Textiles', sectors: ['textile'], complete: false },
  { id: 'tobacco', zh: '烟草', en: 'Tobacco', sectors: ['tobacco'], complete: false },
  { id: 'dust', zh: '粉尘爆炸', en: 'Dust explosion', complete: false },
  { id: 'ammonia', zh: '液氨制冷', en: 'Ammonia refrigeration', complete: false },
  { id: 'confined', zh: '有限空间作业', en: 'Confined spaces', complete: false },
];

type Row = readonly [zh: string, en: string, verification: HazardCriteriaItem['verification']];

const rows: Readonly<Record<string, readonly Row[]>> = {
  mgmt: [
    [
      '未对承包单位、承租单位的安全生产工作统一协调、管理，或者未定期进行安全检查',
      'No unified coordination/management, or no regular safety inspection, of contractors and lessees',
      'V2',
    ],
    [
      '特种作业人员未按照规定经专门的安全作业培训并取得相应资格上岗作业',
      'Special-operation workers not trained/certified',
      'V2',
    ],
    [
      '金属冶炼企业主要负责人、安全生产管理人员未按照规定经考核合格',
      "Metal-smelting enterprises' principal/safety managers not assessed as qualified",
      'V2',
    ],
  ],
  metallurgy: [
    [
      '会议室、活动室、休息室、操作室、交接班室、更衣室（含澡堂）等6类人员聚集场所，以及钢（铁）水罐修理工位设置在铁水、钢水、液渣吊运跨内',
      'Six kinds of people-gathering rooms (meeting, activity, rest, operation, shift-handover, changing rooms incl. bathhouse) or ladle repair stations inside the hot-metal/steel/slag crane bays',
      'V1',
    ],
    [
      '生产期间事故坑、炉下渣坑以及熔融金属泄漏、喷溅影响范围内存在积水',
      'Standing water in accident pits, slag pits and molten-metal splash zones during production',
      'V1',
    ],
    [
      '连铸流程未设置事故钢水罐、溢流槽等应急设施',
      'Missing emergency ladles/overflow pits in continuous casting',
      'V1',
    ],
    [
      '炼钢炉水冷元件未设置出水温度、进出水流量差监测报警装置，或者报警装置未与相关设施联锁',
      'No outlet-temperature / flow-difference alarms on water-cooled elements of steelmaking furnaces, or alarms not interlocked',
      'V1',
    ],
  ],
  building: [
    [
      '煤磨袋式收尘器、煤粉仓未设置温度和固定式一氧化碳浓度监测报警装置，或者未设置气体灭火装置',
      'Coal-mill bag filters/coal-powder bins without temperature and fixed CO alarms, or without gas extinguishing',
      'V1',
    ],
    [
      '筒型库人工清库作业未落实防止高处坠落、坍塌等安全措施',
      'Manual silo cleaning without fall/collapse measures',
      'V1',
    ],
    [
      '电石渣原料筒型库未设置固定式可燃气体浓度监测报警装置，或者报警装置未与通风装置联锁',
      'Carbide-slag raw-material silos without a fixed combustible-gas alarm interlocked with ventilation',
      'V1',
    ],
    [
      '进入筒型库、窑、预热器旋风筒、分解炉、篦冷机、磨机、破碎机前，未采取隔离措施',
      'No isolation before entering silos, kilns, preheater cyclones, calciners, coolers, mills, crushers',
      'V1',
    ],
    [
      '采用预混燃烧方式的燃气窑炉燃气总管未设置压力监测报警装置，或者报警装置未与紧急切断装置联锁',
      'Premixed-combustion gas kilns without a main-pipe pressure alarm interlocked with emergency shut-off',
      'V1',
    ],
    [
      '制氢站、保护气体和燃气配气间未设置固定式可燃气体浓度监测报警装置',
      'Hydrogen stations, protective-gas and fuel-gas mixing rooms without fixed combustible-gas alarms',
      'V1',
    ],
    ['电熔制品电炉水冷设备失效', 'Failed water cooling of electro-fused product furnaces', 'V1'],
    [
      '玻璃窑炉、玻璃锡槽未设置水冷、风冷保护系统的监测报警装置',
      'Glass furnaces/tin baths without water/air-cooling monitoring alarms',
      'V1',
    ],
  ],
  machinery: [
    [
      '会议室、活动室、休息室、更衣室、交接班室等5类人员聚集场所设置在熔融金属吊运跨或者浇注跨内',
      'Five kinds of people-gathering rooms inside molten-metal crane or pouring bays',
      'V1',
    ],
    [
      '熔炼炉、精炼炉、保温炉未设置紧急排放和应急储存设施',
      'Melting, refining or holding furnaces without emergency discharge and storage',
      'V1',
    ],
  ],
  dust: [
    [
      '粉尘爆炸危险场所设置在非框架结构的多层建（构）筑物内，或者场所内设有人员聚集场所',
      'Dust-explosion areas in non-frame multi-storey buildings, or containing people-gathering rooms',
      'V1',
    ],
    [
      '不同类别的可燃性粉尘、可燃性粉尘与可燃气体等易加剧爆炸危险的介质共用一套除尘系统',
      'Different combustible dusts, or dust with combustible gas, sharing one extraction system',
      'V1',
    ],
    [
      '干式除尘系统未采取泄爆、隔爆、惰化、抑爆等任一种爆炸防控措施',
      'Dry dust collection without venting, isolation, inerting or suppression',
      'V1',
    ],
    [
      '除尘系统采用正压吹送粉尘，且未采取火花探测消除等防范点燃源的措施（铝镁等金属粉尘）',
      'Positive-pressure conveying without ignition-source control (spark detection for Al/Mg)',
      'V1',
    ],
    [
      '除尘系统采用重力沉降室除尘，或者采用干式巷道式构筑物作为除尘风道',
      'Settling chambers or dry tunnel ducts',
      'V1',
    ],
    ['除尘系统未设置锁气卸灰装置或者火花探测装置', 'No airlock discharge / spark detection', 'V1'],
    ['粉尘爆炸危险场所的20区未使用防爆电气设备', 'Non-explosion-proof electrics in zone 20', 'V1'],
    [
      '铝镁等金属粉尘湿式除尘系统未采取防止氢气积聚的措施',
      'Hydrogen accumulation not prevented in wet Al/Mg dust collection',
      'V1',
    ],
    ['未按照规定及时清理作业现场积尘', 'Dust cleaning not done', 'V1'],
  ],
  ammonia: [
    [
      '包装间、分割间、产品整理间等人员较多生产场所的空调系统采用氨直接蒸发制冷',
      'Direct-expansion ammonia air conditioning in packing/cutting/product-handling areas',
      'V1',
    ],
    [
      '快速冻结装置未设置在单独的作业间内，或者作业间内作业人员数量超过9人',
      'Quick-freezers not in a separate room, or more than 9 people in that room',
      'V1',
    ],
  ],
  confined: [
    [
      '未对有硫化氢、一氧化碳等中毒风险的有限空间进行辨识、建立安全管理台账、设置明显的安全警示标志',
      'Confined spaces with H2S, CO etc. poisoning risk not identified / no ledger / no warning signs',
      'V1',
    ],
    [
      '未落实有限空间作业审批，或者未执行“先通风、再检测、后作业”要求，或者作业现场未设置监护人员',
      'No entry permit, or "ventilate first, test second, work third" not followed, or no attendant on site',
      'V1',
    ],
  ],
};

export const hazardCriteriaIndustryTrade2023: HazardCriteriaList = {
  id: 'industry-trade-2023',
  codePrefix: 'gm',
  version: '2023',
  titleZh: '工贸企业重大事故隐患判定标准',
  titleEn: 'Criteria for major hidden hazards in industry and trade enterprises',
  legalSource: {
    zh: '应急管理部令第10号，2023年5月15日起施行',
    documentNo: '应急管理部令第10号',
    issuedBy: '应急管理部',
    effectiveFrom: '2023-05-15',
    verification: 'V2',
  },
  sectors: allIndustryTrade,
  complete: false,
  statutoryItemCount: null,
  wording: 'heading',
  notes:
    'Hazardous chemicals, fire, gas and special equipment in these enterprises follow their own criteria. ' +
    'A "2025 new order" for this standard is mentioned by one third party and unverified (standards.md §0).',
  groups,
  items: Object.entries(rows).flatMap(([group, list]) =>
    list.map(([zh, en, verification], index) => ({
      code: `gm-${group}-${String(index + 1).padStart(2, '0')}`,
      zh,
      en,
      group,
      // 第三条第（三）项 concerns metal smelting only.
      ...(group === 'mgmt' && index === 2 ? { sectors: ['metallurgy', 'nonferrous'] } : {}),
      verification,
    })),
  ),
};
