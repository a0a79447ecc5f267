/**
 * GB 18218-2018 Table 2: hazard categories for chemicals not named in Table 1, with their critical
 * quantity Q, and the correction factor β of Table 4 for each category (standards.md §1.4, §1.5;
 * both tables confirmed by two independent copies).
 *
 * Codes: the category symbols of the standard itself (J1–J5 acute toxicity, W1.1–W11 physical
 * hazards). They are the stable codes of the API and never change; lookup ignores case and spaces.
 */
export const gb18218CategoryCodes = [
  'J1',
  'J2',
  'J3',
  'J4',
  'J5',
  'W1.1',
  'W1.2',
  'W1.3',
  'W2',
  'W3',
  'W4',
  'W5.1',
  'W5.2',
  'W5.3',
  'W5.4',
  'W6.1',
  'W6.2',
  'W7.1',
  'W7.2',
  'W8',
  'W9.1',
  'W9.2',
  'W10',
  'W11',
] as const;

export type Gb18218CategoryCode = (typeof gb18218CategoryCodes)[number];

export interface Gb18218Table2Row {
  readonly code: Gb18218CategoryCode;
  readonly hazardClassZh: string;
  readonly hazardClassEn: string;
  readonly conditionZh: string;
  readonly conditionEn: string;
  /** Critical quantity Q in tonnes, as an exact decimal. */
  readonly criticalQuantityTonnes: string;
  /** Correction factor β of Table 4 for this category. */
  readonly beta: string;
}

const acuteToxicity = { hazardClassZh: '急性毒性', hazardClassEn: 'Acute toxicity' } as const;
const explosives = { hazardClassZh: '爆炸物', hazardClassEn: 'Explosives' } as const;
const flammableLiquids = { hazardClassZh: '易燃液体', hazardClassEn: 'Flammable liquids' } as const;
const selfReactive = {
  hazardClassZh: '自反应物质和混合物',
  hazardClassEn: 'Self-reactive substances and mixtures',
} as const;
const organicPeroxides = { hazardClassZh: '有机过氧化物', hazardClassEn: 'Organic peroxides' } as const;
const oxidisingSolidsLiquids = {
  hazardClassZh: '氧化性固体和液体',
  hazardClassEn: 'Oxidising solids and liquids',
} as const;

export const gb18218Table2: readonly Gb18218Table2Row[] = [
  {
    code: 'J1',
    ...acuteToxicity,
    conditionZh: '类别1，所有暴露途径，气体',
    conditionEn: 'Category 1, all exposure routes, gases',
    criticalQuantityTonnes: '5',
    beta: '4',
  },
  {
    code: 'J2',
    ...acuteToxicity,
    conditionZh: '类别1，所有暴露途径，固体、液体',
    conditionEn: 'Category 1, all exposure routes, solids and liquids',
    criticalQuantityTonnes: '50',
    beta: '1',
  },
  {
    code: 'J3',
    ...acuteToxicity,
    conditionZh: '类别2、类别3，所有暴露途径，气体',
    conditionEn: 'Categories 2 and 3, all exposure routes, gases',
    criticalQuantityTonnes: '50',
    beta: '2',
  },
  {
    code: 'J4',
    ...acuteToxicity,
    conditionZh: '类别2、类别3，吸入途径，液体（沸点≤35℃）',
    conditionEn: 'Categories 2 and 3, inhalation, liquids with boiling point ≤ 35 °C',
    criticalQuantityTonnes: '50',
    beta: '2',
  },
  {
    code: 'J5',
    ...acuteToxicity,
    conditionZh: '类别2，所有暴露途径，液体（除J4外）、固体',
    conditionEn: 'Category 2, all exposure routes, liquids (other than J4) and solids',
    criticalQuantityTonnes: '500',
    beta: '1',
  },
  {
    code: 'W1.1',
    ...explosives,
    conditionZh: '不稳定爆炸物；1.1项爆炸物',
    conditionEn: 'Unstable explosives; division 1.1',
    criticalQuantityTonnes: '1',
    beta: '2',
  },
  {
    code: 'W1.2',
    ...explosives,
    conditionZh: '1.2、1.3、1.5、1.6项爆炸物',
    conditionEn: 'Divisions 1.2, 1.3, 1.5 and 1.6',
    criticalQuantityTonnes: '10',
    beta: '2',
  },
  {
    code: 'W1.3',
    ...explosives,
    conditionZh: '1.4项爆炸物',
    conditionEn: 'Division 1.4',
    criticalQuantityTonnes: '50',
    beta: '2',
  },
  {
    code: 'W2',
    hazardClassZh: '易燃气体',
    hazardClassEn: 'Flammable gases',
    conditionZh: '类别1和类别2',
    conditionEn: 'Categories 1 and 2',
    criticalQuantityTonnes: '10',
    beta: '1.5',
  },
  {
    code: 'W3',
    hazardClassZh: '气溶胶',
    hazardClassEn: 'Aerosols',
    conditionZh: '类别1和类别2（按净重计）',
    conditionEn: 'Categories 1 and 2 (net weight)',
    criticalQuantityTonnes: '150',
    beta: '1',
  },
  {
    code: 'W4',
    hazardClassZh: '氧化性气体',
    hazardClassEn: 'Oxidising gases',
    conditionZh: '类别1',
    conditionEn: 'Category 1',
    criticalQuantityTonnes: '50',
    beta: '1',
  },
  {
    code: 'W5.1',
    ...flammableLiquids,
    conditionZh: '类别1；或类别2、类别3，工作温度高于沸点',
    conditionEn: 'Category 1; or categories 2 and 3 with working temperature above the boiling point',
    criticalQuantityTonnes: '10',
    beta: '1.5',
  },
  {
    code: 'W5.2',
    ...flammableLiquids,
    conditionZh:
      '类别2、类别3，具有引发重大事故的特殊工艺条件（危险化工工艺、爆炸极限范围或附近操作、操作压力大于1.6MPa等）',
    conditionEn:
      'Categories 2 and 3 under special process conditions that can cause a major accident (hazardous chemical process, operation in or near the explosive limits, operating pressure above 1.6 MPa, etc.)',
    criticalQuantityTonnes: '50',
    beta: '1',
  },
  {
    code: 'W5.3',
    ...flammableLiquids,
    conditionZh: '不属于W5.1或W5.2的其他类别2',
    conditionEn: 'Other category 2 (not W5.1 or W5.2)',
    criticalQuantityTonnes: '1000',
    beta: '1',
  },
  {
    code: 'W5.4',
    ...flammableLiquids,
    conditionZh: '不属于W5.1或W5.2的其他类别3',
    conditionEn: 'Other category 3 (not W5.1 or W5.2)',
    criticalQuantityTonnes: '5000',
    beta: '1',
  },
  {
    code: 'W6.1',
    ...selfReactive,
    conditionZh: 'A型和B型',
    conditionEn: 'Types A and B',
    criticalQuantityTonnes: '10',
    beta: '1.5',
  },
  {
    code: 'W6.2',
    ...selfReactive,
    conditionZh: 'C型、D型、E型',
    conditionEn: 'Types C, D and E',
    criticalQuantityTonnes: '50',
    beta: '1',
  },
  {
    code: 'W7.1',
    ...organicPeroxides,
    conditionZh: 'A型和B型',
    conditionEn: 'Types A and B',
    criticalQuantityTonnes: '10',
    beta: '1.5',
  },
  {
    code: 'W7.2',
    ...organicPeroxides,
    conditionZh: 'C型、D型、E型、F型',
    conditionEn: 'Types C, D, E and F',
    criticalQuantityTonnes: '50',
    beta: '1',
  },
  {
    code: 'W8',
    hazardClassZh: '自燃液体和自燃固体',
    hazardClassEn: 'Pyrophoric liquids and solids',
    conditionZh: '类别1',
    conditionEn: 'Category 1',
    criticalQuantityTonnes: '50',
    beta: '1',
  },
  {
    code: 'W9.1',
    ...oxidisingSolidsLiquids,
    conditionZh: '类别1',
    conditionEn: 'Category 1',
    criticalQuantityTonnes: '50',
    beta: '1',
  },
  {
    code: 'W9.2',
    ...oxidisingSolidsLiquids,
    conditionZh: '类别2、类别3',
    conditionEn: 'Categories 2 and 3',
    criticalQuantityTonnes: '200',
    beta: '1',
  },
  {
    code: 'W10',
    hazardClassZh: '易燃固体',
    hazardClassEn: 'Flammable solids',
    conditionZh: '类别1',
    conditionEn: 'Category 1',
    criticalQuantityTonnes: '200',
    beta: '1',
  },
  {
    code: 'W11',
    hazardClassZh: '遇水放出易燃气体的物质和混合物',
    hazardClassEn: 'Substances and mixtures which in contact with water emit flammable gases',
    conditionZh: '类别1和类别2',
    conditionEn: 'Categories 1 and 2',
    criticalQuantityTonnes: '200',
    beta: '1',
  },
];
