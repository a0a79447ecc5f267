/**
 * 行业领域 of an accident for the statistics (statistics-and-plan.md §1.5a, the Yunnan monthly
 * reports): 工矿商贸 is 煤矿, 金属非金属矿山, 化工和危险化学品, 烟花爆竹, 建筑业, 工贸行业 and 工矿商贸其他; road,
 * water, rail, aviation, farm machinery, fishing vessels, fires outside a business and 其他 are not.
 * The 工矿商贸十万人死亡率 counts only the first group's deaths.
 */
/** The 工矿商贸 sectors: the denominator group of the per-100,000-workers rate. */
const industrialAccidentSectors = [
  'coal_mine',
  'metal_nonmetal_mine',
  'chemicals',
  'fireworks',
  'construction',
  'industry_trade',
  'other_industrial',
] as const;

export const accidentSectors = [
  ...industrialAccidentSectors,
  'road_transport',
  'water_transport',
  'railway',
  'aviation',
  'farm_machinery',
  'fishing_vessels',
  'fire',
  'other',
] as const;

export type AccidentSector = (typeof accidentSectors)[number];

export const accidentSectorNames: Readonly<Record<AccidentSector, { zh: string; en: string }>> = {
  coal_mine: { zh: '煤矿', en: 'Coal mines' },
  metal_nonmetal_mine: { zh: '金属非金属矿山', en: 'Metal and non-metal mines' },
  chemicals: { zh: '化工和危险化学品', en: 'Chemicals and hazardous chemicals' },
  fireworks: { zh: '烟花爆竹', en: 'Fireworks' },
  construction: { zh: '建筑业', en: 'Construction' },
  industry_trade: { zh: '工贸行业', en: 'Industry and trade' },
  other_industrial: { zh: '工矿商贸其他', en: 'Other industry, mining and trade' },
  road_transport: { zh: '道路运输', en: 'Road transport' },
  water_transport: { zh: '水上交通', en: 'Water transport' },
  railway: { zh: '铁路运输', en: 'Railway transport' },
  aviation: { zh: '民航飞行', en: 'Civil aviation' },
  farm_machinery: { zh: '农业机械', en: 'Farm machinery' },
  fishing_vessels: { zh: '渔业船舶', en: 'Fishing vessels' },
  fire: { zh: '火灾', en: 'Fires' },
  other: { zh: '其他', en: 'Other' },
};

const industrialSectors: ReadonlySet<AccidentSector> = new Set(industrialAccidentSectors);

/** Whether a sector belongs to 工矿商贸 (the denominator group of the per-100,000-workers rate). */
export function isIndustrialSector(sector: AccidentSector): boolean {
  return industrialSectors.has(sector);
}

/** GB/T 4754-2017 code prefixes (门类 letter + 大类/中类/小类 digits) → suggested sector; longest prefix wins. */
const sectorByIndustryPrefix: readonly (readonly [string, AccidentSector])[] = [
  ['B06', 'coal_mine'],
  ['B', 'metal_nonmetal_mine'],
  ['C2672', 'fireworks'],
  ['C25', 'chemicals'],
  ['C26', 'chemicals'],
  ['C', 'industry_trade'],
  ['E', 'construction'],
  ['F', 'industry_trade'],
  ['G53', 'railway'],
  ['G54', 'road_transport'],
  ['G55', 'water_transport'],
  ['G56', 'aviation'],
  ['G', 'other_industrial'],
  ['H', 'industry_trade'],
];

/**
 * The sector an enterprise's GB/T 4754 industry suggests (a person confirms it: 第三方 transport,
 * farm machinery and fires depend on the accident, not only on the unit). Unknown codes: 'other'.
 */
export function suggestSector(industryCode: string | null): AccidentSector {
  if (!industryCode) return 'other';
  const code = industryCode.trim().toUpperCase();
  let best: readonly [string, AccidentSector] | undefined;
  for (const entry of sectorByIndustryPrefix)
    if (code.startsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  return best?.[1] ?? 'other';
}
