/*
 * Vocabulary of online monitoring (在线监测), alarms (报警) and four-colour warnings (预警), with the
 * Chinese terms users know. Sources: standards.md §5 (tailings dams), §6 (hazardous chemicals), §7.2.
 */

interface Names {
  readonly zh: string;
  readonly en: string;
}

/**
 * Warning colours, lowest first: 蓝 blue, 黄 yellow, 橙 orange, 红 red (GB 39496-2020 §5.5.4 for
 * tailings dams, standards.md §5.3; 低/一般/较大/重大 风险预警 in the hazardous-chemical system, §6.1).
 */
export const warningColours = ['blue', 'yellow', 'orange', 'red'] as const;
export type WarningColour = (typeof warningColours)[number];

export const warningColourNames: Readonly<Record<WarningColour, Names>> = {
  blue: { zh: '蓝色预警', en: 'Blue warning' },
  yellow: { zh: '黄色预警', en: 'Yellow warning' },
  orange: { zh: '橙色预警', en: 'Orange warning' },
  red: { zh: '红色预警', en: 'Red warning' },
};

/** 0 for blue … 3 for red; −1 for "no warning". */
export function warningColourRank(colour: WarningColour | null): number {
  return colour === null ? -1 : warningColours.indexOf(colour);
}

/** The more severe of two colours (null = no warning). */
export function moreSevereColour(a: WarningColour | null, b: WarningColour | null): WarningColour | null {
  return warningColourRank(a) >= warningColourRank(b) ? a : b;
}

/**
 * Set-point levels of process instruments (DCS convention): HH 高高, H 高, L 低, LL 低低. H and HH
 * alarm on the high side, L and LL on the low side. Gas detectors use H for the level-1 alarm (一级
 * 报警) and HH for the level-2 alarm (二级报警), GB/T 50493-2019 (standards.md §6.3).
 */
export const processThresholdLevels = ['HH', 'H', 'L', 'LL'] as const;
export type ProcessThresholdLevel = (typeof processThresholdLevels)[number];

/**
 * Graded levels of tailings-dam items: the design unit gives one threshold per warning colour for
 * each monitored item (GB 39496-2020 §5.5.4, standards.md §5.3), all on the side the item alarms.
 */
export const gradedThresholdLevels = warningColours;
export type GradedThresholdLevel = WarningColour;

export const alarmThresholdLevels = [...processThresholdLevels, ...gradedThresholdLevels] as const;
export type AlarmThresholdLevel = (typeof alarmThresholdLevels)[number];

export const alarmThresholdLevelNames: Readonly<Record<AlarmThresholdLevel, Names>> = {
  HH: { zh: '高高限', en: 'High-high' },
  H: { zh: '高限', en: 'High' },
  L: { zh: '低限', en: 'Low' },
  LL: { zh: '低低限', en: 'Low-low' },
  blue: { zh: '蓝色预警阈值', en: 'Blue threshold' },
  yellow: { zh: '黄色预警阈值', en: 'Yellow threshold' },
  orange: { zh: '橙色预警阈值', en: 'Orange threshold' },
  red: { zh: '红色预警阈值', en: 'Red threshold' },
};

/** The side a threshold watches: the value rising above it (high) or falling below it (low). */
export const thresholdSides = ['high', 'low'] as const;
export type ThresholdSide = (typeof thresholdSides)[number];

/** Side of a process level; graded levels take the side configured for the point. */
export function processLevelSide(level: ProcessThresholdLevel): ThresholdSide {
  return level === 'HH' || level === 'H' ? 'high' : 'low';
}

export function isProcessThresholdLevel(level: AlarmThresholdLevel): level is ProcessThresholdLevel {
  return (processThresholdLevels as readonly string[]).includes(level);
}

/** Who acts on an alarm: the enterprise, the county or city 应急管理 department, or the platform. */
export const alarmActorKinds = ['enterprise', 'county', 'city', 'system'] as const;
export type AlarmActorKind = (typeof alarmActorKinds)[number];

export const alarmActorKindNames: Readonly<Record<AlarmActorKind, Names>> = {
  enterprise: { zh: '企业', en: 'Enterprise' },
  county: { zh: '县级应急管理部门', en: 'County department' },
  city: { zh: '市级应急管理部门', en: 'City department' },
  system: { zh: '系统', en: 'System' },
};
