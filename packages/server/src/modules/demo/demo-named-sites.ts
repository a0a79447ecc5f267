/**
 * The objects the plan names (专栏 5, 6, 7, 8, 10), for the demo. Names come from the plan; the
 * owners' county, coordinates and figures are estimates (ecosystem-security.md §B3, ±5–10 km) and
 * marked approximate; everything here is labelled 演示 and must be replaced by bureau data.
 */
export interface NamedEnterprise {
  key: string;
  name: string;
  county: string;
  lon: number;
  lat: number;
  sectors: string[];
  keyTags: string[];
  industryCode: string;
  scale: 'large' | 'medium' | 'small';
  employees: number;
}

export const namedEnterprises: NamedEnterprise[] = [
  // 专栏 5: non-coal mines and their tailings ponds / waste dumps
  {
    key: 'yx_mining',
    name: '玉溪矿业有限公司',
    county: '530427',
    lon: 101.61,
    lat: 24.09,
    sectors: ['non_coal_mine'],
    keyTags: ['plan5_non_coal_mine'],
    industryCode: 'B0911',
    scale: 'large',
    employees: 2100,
  },
  {
    key: 'dhs_iron',
    name: '昆钢玉溪大红山矿业有限公司',
    county: '530427',
    lon: 101.63,
    lat: 24.08,
    sectors: ['non_coal_mine'],
    keyTags: ['plan5_non_coal_mine'],
    industryCode: 'B0810',
    scale: 'large',
    employees: 2600,
  },
  {
    key: 'lks_iron',
    name: '鲁奎山铁矿（演示企业）',
    county: '530426',
    lon: 102.26,
    lat: 24.33,
    sectors: ['non_coal_mine'],
    keyTags: ['plan5_non_coal_mine'],
    industryCode: 'B0810',
    scale: 'medium',
    employees: 420,
  },
  {
    key: 'zz_iron',
    name: '自走铁矿（演示企业）',
    county: '530425',
    lon: 102.07,
    lat: 24.6,
    sectors: ['non_coal_mine'],
    keyTags: ['plan5_non_coal_mine'],
    industryCode: 'B0810',
    scale: 'medium',
    employees: 260,
  },
  {
    key: 'yj_copper',
    name: '元江铜矿（演示企业）',
    county: '530428',
    lon: 101.93,
    lat: 23.62,
    sectors: ['non_coal_mine'],
    keyTags: ['plan5_non_coal_mine'],
    industryCode: 'B0911',
    scale: 'medium',
    employees: 310,
  },
  {
    key: 'pubei',
    name: '云南省易门县浦贝矿业有限公司',
    county: '530425',
    lon: 102.05,
    lat: 24.72,
    sectors: ['non_coal_mine'],
    keyTags: ['plan5_non_coal_mine'],
    industryCode: 'B0911',
    scale: 'small',
    employees: 120,
  },
  {
    key: 'anding_ni',
    name: '云锡元江镍业有限责任公司',
    county: '530428',
    lon: 102.06,
    lat: 23.55,
    sectors: ['non_coal_mine', 'nonferrous'],
    keyTags: ['plan5_non_coal_mine'],
    industryCode: 'B0913',
    scale: 'medium',
    employees: 560,
  },
  {
    key: 'xianfu',
    name: '云南仙福钢铁（集团）有限公司',
    county: '530426',
    lon: 102.41,
    lat: 24.18,
    sectors: ['metallurgy'],
    keyTags: ['plan8_metallurgy'],
    industryCode: 'C3120',
    scale: 'large',
    employees: 3200,
  },
  // 专栏 7: fireworks
  {
    key: 'changshou',
    name: '云南绿竹烟花集团江川长寿花炮有限公司',
    county: '530403',
    lon: 102.73,
    lat: 24.27,
    sectors: ['fireworks'],
    keyTags: ['plan7_fireworks'],
    industryCode: 'C2672',
    scale: 'small',
    employees: 85,
  },
  {
    key: 'jiangyuan',
    name: '云南绿竹烟花集团江川江源花炮有限公司',
    county: '530403',
    lon: 102.78,
    lat: 24.25,
    sectors: ['fireworks'],
    keyTags: ['plan7_fireworks'],
    industryCode: 'C2672',
    scale: 'small',
    employees: 70,
  },
  {
    key: 'changmao',
    name: '云南绿竹烟花集团玉溪昌茂花炮有限公司',
    county: '530481',
    lon: 102.93,
    lat: 24.64,
    sectors: ['fireworks'],
    keyTags: ['plan7_fireworks'],
    industryCode: 'C2672',
    scale: 'small',
    employees: 60,
  },
  // 专栏 8: metallurgy and other industry
  {
    key: 'xinxing',
    name: '玉溪新兴钢铁有限公司',
    county: '530402',
    lon: 102.58,
    lat: 24.31,
    sectors: ['metallurgy'],
    keyTags: ['plan8_metallurgy'],
    industryCode: 'C3120',
    scale: 'large',
    employees: 2800,
  },
  {
    key: 'yukun',
    name: '云南玉溪玉昆钢铁集团有限公司',
    county: '530402',
    lon: 102.5,
    lat: 24.4,
    sectors: ['metallurgy'],
    keyTags: ['plan8_metallurgy'],
    industryCode: 'C3120',
    scale: 'large',
    employees: 4100,
  },
  {
    key: 'huixi',
    name: '玉溪汇溪金属铸造制品有限公司',
    county: '530402',
    lon: 102.55,
    lat: 24.29,
    sectors: ['metallurgy'],
    keyTags: ['plan8_metallurgy'],
    industryCode: 'C3391',
    scale: 'medium',
    employees: 380,
  },
  {
    key: 'taibiao',
    name: '云南太标精工铸造有限公司',
    county: '530423',
    lon: 102.74,
    lat: 24.12,
    sectors: ['machinery', 'metallurgy'],
    keyTags: ['plan8_metallurgy'],
    industryCode: 'C3391',
    scale: 'medium',
    employees: 450,
  },
  {
    key: 'muguang',
    name: '云南穆光工贸有限公司',
    county: '530427',
    lon: 102.0,
    lat: 24.05,
    sectors: ['metallurgy'],
    keyTags: ['plan8_metallurgy'],
    industryCode: 'C3140',
    scale: 'medium',
    employees: 300,
  },
  {
    key: 'juyuan',
    name: '通海聚元工贸有限公司',
    county: '530423',
    lon: 102.69,
    lat: 24.09,
    sectors: ['metallurgy'],
    keyTags: ['plan8_metallurgy'],
    industryCode: 'C3140',
    scale: 'small',
    employees: 150,
  },
  {
    key: 'shunchang',
    name: '华宁顺昌工贸有限公司',
    county: '530424',
    lon: 102.95,
    lat: 24.2,
    sectors: ['metallurgy'],
    keyTags: ['plan8_metallurgy'],
    industryCode: 'C3140',
    scale: 'small',
    employees: 130,
  },
  // 专栏 6: pipeline operators
  {
    key: 'sinopec',
    name: '中国石化销售股份有限公司云南玉溪石油分公司（管道演示）',
    county: '530402',
    lon: 102.55,
    lat: 24.36,
    sectors: ['hazchem_storage'],
    keyTags: ['plan6_hazchem'],
    industryCode: 'G5720',
    scale: 'large',
    employees: 400,
  },
  {
    key: 'petrochina',
    name: '中国石油天然气股份有限公司云南玉溪销售分公司（管道演示）',
    county: '530402',
    lon: 102.53,
    lat: 24.33,
    sectors: ['hazchem_storage'],
    keyTags: ['plan6_hazchem'],
    industryCode: 'G5720',
    scale: 'large',
    employees: 380,
  },
  {
    key: 'gas_pipeline',
    name: '国家管网集团西南管道有限责任公司玉溪作业区（管道演示）',
    county: '530402',
    lon: 102.52,
    lat: 24.38,
    sectors: ['hazchem_storage'],
    keyTags: ['plan6_hazchem'],
    industryCode: 'G5720',
    scale: 'medium',
    employees: 90,
  },
];

export interface NamedObject {
  kind: 'underground_mine' | 'tailings_pond' | 'waste_dump';
  name: string;
  owner: string;
  county: string;
  lon: number;
  lat: number;
  attributes: Record<string, unknown>;
}

export const namedObjects: NamedObject[] = [
  {
    kind: 'underground_mine',
    name: '大红山铜矿',
    owner: 'yx_mining',
    county: '530427',
    lon: 101.61,
    lat: 24.09,
    attributes: { mineral: '铜', status: 'operating' },
  },
  {
    kind: 'underground_mine',
    name: '大红山铁矿',
    owner: 'dhs_iron',
    county: '530427',
    lon: 101.63,
    lat: 24.08,
    attributes: { mineral: '铁', status: 'operating' },
  },
  {
    kind: 'underground_mine',
    name: '鲁奎山铁矿',
    owner: 'lks_iron',
    county: '530426',
    lon: 102.26,
    lat: 24.33,
    attributes: { mineral: '铁', status: 'operating' },
  },
  {
    kind: 'underground_mine',
    name: '自走铁矿',
    owner: 'zz_iron',
    county: '530425',
    lon: 102.07,
    lat: 24.6,
    attributes: { mineral: '铁', status: 'operating' },
  },
  {
    kind: 'underground_mine',
    name: '元江铜矿',
    owner: 'yj_copper',
    county: '530428',
    lon: 101.93,
    lat: 23.62,
    attributes: { mineral: '铜', status: 'operating' },
  },
  {
    kind: 'tailings_pond',
    name: '罗台旧村尾矿库（头顶库）',
    owner: 'pubei',
    county: '530425',
    lon: 102.06,
    lat: 24.73,
    attributes: { grade: 4, overhead: true, status: 'operating' },
  },
  {
    kind: 'tailings_pond',
    name: '狮子山矿大沙河尾矿库（头顶库）',
    owner: 'yx_mining',
    county: '530425',
    lon: 102.12,
    lat: 24.62,
    attributes: { grade: 3, overhead: true, status: 'operating' },
  },
  {
    kind: 'tailings_pond',
    name: '安定镍矿尾矿库',
    owner: 'anding_ni',
    county: '530428',
    lon: 102.07,
    lat: 23.54,
    attributes: { grade: 3, overhead: false, status: 'operating' },
  },
  {
    kind: 'tailings_pond',
    name: '龙都尾矿库（设计总坝高超过 200 m）',
    owner: 'yx_mining',
    county: '530427',
    lon: 101.58,
    lat: 24.11,
    attributes: { grade: 1, damHeightM: 215, overhead: false, status: 'operating' },
  },
  {
    kind: 'waste_dump',
    name: '昆钢大红山铁矿排土场',
    owner: 'dhs_iron',
    county: '530427',
    lon: 101.65,
    lat: 24.07,
    attributes: { status: 'operating' },
  },
  {
    kind: 'waste_dump',
    name: '仙福钢铁好木冲铁矿排土场',
    owner: 'xianfu',
    county: '530426',
    lon: 102.37,
    lat: 24.14,
    attributes: { status: 'operating' },
  },
];

export interface NamedPipeline {
  name: string;
  owner: string;
  medium: 'refined_oil' | 'natural_gas';
  county: string;
  line: [number, number][];
}

// Routes are schematic polylines through the county seats they serve, not surveyed alignments.
export const namedPipelines: NamedPipeline[] = [
  {
    name: '中石化富宁—玉溪—昆明成品油管道（玉溪段）',
    owner: 'sinopec',
    medium: 'refined_oil',
    county: '530402',
    line: [
      [103.12, 24.08],
      [102.93, 24.2],
      [102.75, 24.29],
      [102.55, 24.35],
      [102.5, 24.6],
      [102.45, 24.93],
    ],
  },
  {
    name: '中石油安宁—玉溪—蒙自成品油管道（玉溪段）',
    owner: 'petrochina',
    medium: 'refined_oil',
    county: '530402',
    line: [
      [102.3, 24.93],
      [102.42, 24.6],
      [102.54, 24.34],
      [102.72, 24.12],
      [102.95, 23.97],
    ],
  },
  {
    name: '中缅天然气管道玉溪支线',
    owner: 'gas_pipeline',
    medium: 'natural_gas',
    county: '530402',
    line: [
      [102.28, 24.93],
      [102.4, 24.65],
      [102.54, 24.36],
    ],
  },
  {
    name: '普洱支线玉溪—化念段',
    owner: 'gas_pipeline',
    medium: 'natural_gas',
    county: '530426',
    line: [
      [102.54, 24.35],
      [102.45, 24.2],
      [102.37, 24.03],
    ],
  },
  {
    name: '易门支线禄脰—易门段',
    owner: 'gas_pipeline',
    medium: 'natural_gas',
    county: '530425',
    line: [
      [102.28, 24.86],
      [102.22, 24.77],
      [102.16, 24.68],
    ],
  },
  {
    name: '华宁支线红塔区—华宁段',
    owner: 'gas_pipeline',
    medium: 'natural_gas',
    county: '530424',
    line: [
      [102.55, 24.35],
      [102.75, 24.29],
      [102.93, 24.2],
    ],
  },
  {
    name: '红河支线玉溪—蒙自段',
    owner: 'gas_pipeline',
    medium: 'natural_gas',
    county: '530423',
    line: [
      [102.54, 24.34],
      [102.72, 24.11],
      [102.98, 23.96],
    ],
  },
];

export interface NamedPark {
  name: string;
  county: string;
  centre: [number, number];
  /** Half-sizes of the schematic rectangle(s), degrees. */
  parcels: [number, number, number, number][];
  parkKind: 'development_zone' | 'industrial_park';
}

export const namedParks: NamedPark[] = [
  {
    name: '玉溪高新技术产业开发区',
    county: '530402',
    centre: [102.56, 24.37],
    parcels: [
      [102.53, 24.35, 0.025, 0.015],
      [102.6, 24.39, 0.02, 0.012],
      [102.56, 24.31, 0.018, 0.01],
    ],
    parkKind: 'development_zone',
  },
  {
    name: '澄江产业园区',
    county: '530481',
    centre: [102.91, 24.67],
    parcels: [[102.91, 24.67, 0.03, 0.018]],
    parkKind: 'industrial_park',
  },
  {
    name: '通海产业园区',
    county: '530423',
    centre: [102.75, 24.11],
    parcels: [[102.75, 24.11, 0.028, 0.016]],
    parkKind: 'industrial_park',
  },
  {
    name: '易门产业园区',
    county: '530425',
    centre: [102.16, 24.69],
    parcels: [[102.16, 24.69, 0.03, 0.02]],
    parkKind: 'industrial_park',
  },
  {
    name: '新平产业园区',
    county: '530427',
    centre: [101.99, 24.07],
    parcels: [[101.99, 24.07, 0.03, 0.018]],
    parkKind: 'industrial_park',
  },
];
