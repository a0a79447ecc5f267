import type { HazardCriteriaGroup, HazardCriteriaItem, HazardCriteriaList } from './hazard-criteria-list.ts';

/*
 * 金属非金属矿山重大事故隐患判定标准 (矿安〔2022〕88号), in force 2022-09-01 (standards.md §4.5, V2).
 * Three parts: 地下矿山 (about 28 numbered items, of which our reference gives the first), 露天矿山
 * (three examples) and 尾矿库 (14 headings: 7 and 13 V1, the rest M; 14 bundles several cases and
 * must be verified). The reference says the full lists must be loaded from the official text, so the
 * list is incomplete and a bureau adds the missing items with addHazardCriteriaItems.
 */

const groups: HazardCriteriaGroup[] = [
  { id: 'ug', zh: '地下矿山', en: 'Underground mines', article: '一', complete: false },
  { id: 'op', zh: '露天矿山', en: 'Open-pit mines', article: '二', complete: false },
  { id: 'tsf', zh: '尾矿库', en: 'Tailings ponds', article: '三', complete: false },
];

type Row = readonly [zh: string, en: string, verification: HazardCriteriaItem['verification']];

const rows: Readonly<Record<string, readonly Row[]>> = {
  ug: [
    [
      '安全出口不符合要求：通达地面的独立安全出口少于2个，安全出口间距小于30米，矿体一翼走向长度超过1000米未设安全出口等',
      'Safety exits: fewer than 2 independent exits to surface, exits < 30 m apart, wing strike > 1000 m without an exit, …',
      'V2',
    ],
  ],
  op: [
    [
      '高度200米及以上的边坡未进行在线监测或者边坡稳定性监测',
      'Slopes ≥ 200 m high without online monitoring / stability monitoring',
      'V2',
    ],
    ['边坡监测系统停用或者监测数据造假', 'Monitoring systems shut down or data falsified', 'V2'],
    ['边坡出现滑移迹象', 'Slope sliding signs', 'V2'],
  ],
  tsf: [
    [
      '库区或者尾矿坝上未按设计进行开采、挖掘、爆破等活动',
      'Mining, excavation or blasting on the dam or in the reservoir area not per design',
      'M',
    ],
    [
      '坝体出现严重的管涌、流土变形；贯穿性裂缝、坍塌或者滑动迹象；大面积纵向裂缝且出现较大范围渗透水高位出逸或者大面积沼泽化',
      'Dam body: serious piping/soil-flow deformation; through-going cracks, collapse or sliding signs; large longitudinal cracks with high seepage exits or swamping',
      'M',
    ],
    [
      '坝体平均外坡比或者子坝外坡比陡于设计坡比',
      'Average outer slope (or sub-dam slope) steeper than design',
      'M',
    ],
    [
      '坝体超过设计坝高，或者超设计库容储存尾矿',
      'Dam height above total design height, or storage above design capacity',
      'M',
    ],
    [
      '尾矿堆积坝上升速率大于设计堆积上升速率',
      'Rise rate of the tailings embankment above the design rate',
      'M',
    ],
    [
      '采用尾矿堆坝的尾矿库未按规定进行全面安全性复核',
      'Required comprehensive safety review of tailings-built dams not done',
      'M',
    ],
    ['浸润线埋深小于控制浸润线埋深', 'Phreatic line burial depth less than the control depth', 'V1'],
    [
      '汛前未按规定进行调洪演算；湿式尾矿库安全超高或者干滩长度小于设计规定；干式尾矿库违规堆存',
      'Flood routing not done before flood season; freeboard or dry beach length below design (wet storage), or dry-stack violations',
      'M',
    ],
    [
      '排洪构筑物存在缺陷、部分堵塞或者坍塌，或者封堵不符合设计要求',
      'Drainage structures deficient, partly blocked/collapsed, or closure plugging not per design',
      'M',
    ],
    [
      '设计以外的尾矿、废料或者废水进库',
      'Tailings, waste or water from outside the design entering the reservoir',
      'M',
    ],
    [
      '多种矿石性质不同的尾砂混合排放时，未按设计要求进行排放',
      'Tailings of different ore properties discharged together not per design',
      'M',
    ],
    ['冬季未按设计要求采用冰下放矿作业', 'Winter discharge not using the designed under-ice method', 'M'],
    [
      '安全监测系统未按设计设置，出现故障未及时修复，或者停用、监测数据造假',
      'Safety monitoring system not installed per design, not repaired when faulty, or shut down / data falsified',
      'V1',
    ],
    [
      '干式尾矿库特定情形；坝体稳定性安全系数小于国家标准规定值的0.98倍；三等及以上尾矿库及“头顶库”未设置应急道路；违规回采；人员配备不符合规定',
      'Dry-stack specific items; stability safety factor below 0.98 × standard value; 三等及以上 and "头顶库" without emergency roads; reprocessing (回采) violations; staffing',
      'M',
    ],
  ],
};

export const hazardCriteriaMines2022: HazardCriteriaList = {
  id: 'mines-2022',
  codePrefix: 'mine',
  version: '2022',
  titleZh: '金属非金属矿山重大事故隐患判定标准',
  titleEn: 'Criteria for major hidden hazards in metal and non-metal mines',
  legalSource: {
    zh: '国家矿山安全监察局，矿安〔2022〕88号，2022年9月1日起施行',
    documentNo: '矿安〔2022〕88号',
    issuedBy: '国家矿山安全监察局',
    effectiveFrom: '2022-09-01',
    verification: 'V2',
  },
  sectors: ['non_coal_mine'],
  complete: false,
  statutoryItemCount: null,
  wording: 'heading',
  notes:
    'Replaces 安监总管一〔2017〕98号. Item mine-tsf-14 bundles several cases and is M: verify and split.',
  groups,
  items: Object.entries(rows).flatMap(([group, list]) =>
    list.map(([zh, en, verification], index) => ({
      code: `mine-${group}-${String(index + 1).padStart(2, '0')}`,
      zh,
      en,
      group,
      verification,
    })),
  ),
};
