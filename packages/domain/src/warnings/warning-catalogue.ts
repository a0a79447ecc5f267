/**
 * The configurable tables of public warnings: the event types a bureau may warn of and how the
 * four colour levels map to CAP 1.2 severity, urgency and certainty. They are data, not code, so a
 * deployment may replace them (see docs/warnings.md).
 */

/** GB/T 35965.1 four levels: 一级 红 (highest) … 四级 蓝 (lowest). */
export const warningLevels = ['blue', 'yellow', 'orange', 'red'] as const;
export type WarningLevel = (typeof warningLevels)[number];

export type CapSeverity = 'Extreme' | 'Severe' | 'Moderate' | 'Minor' | 'Unknown';
export type CapUrgency = 'Immediate' | 'Expected' | 'Future' | 'Past' | 'Unknown';
export type CapCertainty = 'Observed' | 'Likely' | 'Possible' | 'Unlikely' | 'Unknown';

export interface LevelMapping {
  readonly zh: string;
  readonly en: string;
  /** 一级 … 四级 */
  readonly gradeZh: string;
  readonly severity: CapSeverity;
  readonly urgency: CapUrgency;
  readonly certainty: CapCertainty;
}

/**
 * ecosystem-security.md §D3 / co-governance §6.3: severity is the OASIS enumeration so messages
 * validate; the colour travels as a `预警级别` parameter. Urgency and certainty are the suggested
 * convention, for the bureau to confirm.
 */
export const defaultLevelMapping: Readonly<Record<WarningLevel, LevelMapping>> = {
  red: {
    zh: '红色',
    en: 'Red',
    gradeZh: '一级',
    severity: 'Extreme',
    urgency: 'Immediate',
    certainty: 'Likely',
  },
  orange: {
    zh: '橙色',
    en: 'Orange',
    gradeZh: '二级',
    severity: 'Severe',
    urgency: 'Expected',
    certainty: 'Likely',
  },
  yellow: {
    zh: '黄色',
    en: 'Yellow',
    gradeZh: '三级',
    severity: 'Moderate',
    urgency: 'Expected',
    certainty: 'Likely',
  },
  blue: {
    zh: '蓝色',
    en: 'Blue',
    gradeZh: '四级',
    severity: 'Minor',
    urgency: 'Future',
    certainty: 'Possible',
  },
};

export type CapCategory = 'Geo' | 'Met' | 'Safety' | 'Fire' | 'Infra' | 'CBRNE' | 'Env' | 'Other';
export type CapResponseType = 'Shelter' | 'Evacuate' | 'Prepare' | 'Execute' | 'Avoid' | 'Monitor' | 'None';

export interface WarningEventType {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly category: CapCategory;
  readonly responseType: CapResponseType;
  /** GB/T 35561-2017 code where known; the exact list is to be obtained (null: not sent). */
  readonly eventCode: string | null;
}

/** Work-safety and natural event types; the bureau may extend the list. */
export const defaultWarningEventTypes: readonly WarningEventType[] = [
  {
    code: 'hazchem_leak',
    zh: '危化品泄漏',
    en: 'Hazardous chemical leak',
    category: 'CBRNE',
    responseType: 'Evacuate',
    eventCode: null,
  },
  {
    code: 'tailings_dam',
    zh: '尾矿库',
    en: 'Tailings dam',
    category: 'Safety',
    responseType: 'Evacuate',
    eventCode: null,
  },
  { code: 'mine', zh: '矿山', en: 'Mine', category: 'Safety', responseType: 'Avoid', eventCode: null },
  { code: 'gas', zh: '燃气', en: 'Gas', category: 'Infra', responseType: 'Evacuate', eventCode: null },
  {
    code: 'geohazard',
    zh: '地质灾害',
    en: 'Geological hazard',
    category: 'Geo',
    responseType: 'Evacuate',
    eventCode: null,
  },
  {
    code: 'forest_fire',
    zh: '森林火险',
    en: 'Forest fire danger',
    category: 'Fire',
    responseType: 'Prepare',
    eventCode: null,
  },
  {
    code: 'rainstorm',
    zh: '暴雨',
    en: 'Rainstorm',
    category: 'Met',
    responseType: 'Prepare',
    eventCode: null,
  },
  { code: 'gale', zh: '大风', en: 'Gale', category: 'Met', responseType: 'Prepare', eventCode: '11B06' },
];

export function findWarningEventType(
  code: string,
  types: readonly WarningEventType[] = defaultWarningEventTypes,
): WarningEventType | undefined {
  return types.find((type) => type.code === code);
}
