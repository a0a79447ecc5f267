import { z } from 'zod';

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

/** One row of the industry → sector mapping: a GB/T 4754-2017 code prefix and its sector. */
export interface SectorMapping {
  prefix: string;
  sector: AccidentSector;
}

/**
 * The default mapping (the seed of `statistics_sector_mappings`, migration 0054): GB/T 4754-2017
 * code prefixes (门类 letter + 大类/中类/小类 digits) → sector; the longest prefix wins. The bureau
 * edits the stored table (统计分析 → 行业领域对照); this list only seeds it and serves the demo.
 */
export const defaultSectorMappings: readonly SectorMapping[] = [
  { prefix: 'B06', sector: 'coal_mine' },
  { prefix: 'B', sector: 'metal_nonmetal_mine' },
  { prefix: 'C2672', sector: 'fireworks' },
  { prefix: 'C25', sector: 'chemicals' },
  { prefix: 'C26', sector: 'chemicals' },
  { prefix: 'C', sector: 'industry_trade' },
  { prefix: 'E', sector: 'construction' },
  { prefix: 'F', sector: 'industry_trade' },
  { prefix: 'G53', sector: 'railway' },
  { prefix: 'G54', sector: 'road_transport' },
  { prefix: 'G55', sector: 'water_transport' },
  { prefix: 'G56', sector: 'aviation' },
  { prefix: 'G', sector: 'other_industrial' },
  { prefix: 'H', sector: 'industry_trade' },
];

/**
 * A GB/T 4754-2017 code prefix: the 门类 letter (A–T) alone, or with the 大类 (2 digits), 中类 (3)
 * or 小类 (4) digits.
 */
export const industryPrefixSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-T](\d{2,4})?$/, 'A GB/T 4754 门类 letter (A–T), optionally with 2 to 4 digits')
  .describe('GB/T 4754-2017 code prefix, e.g. "C", "C26", "C2672"');

export const sectorMappingSchema = z.object({
  id: z.string().describe('The prefix (the row key)'),
  prefix: z.string(),
  sector: z.enum(accidentSectors),
  industrial: z.boolean().describe('Whether the sector belongs to 工矿商贸'),
  updatedAt: z.string().nullable().describe('When a person last changed it (null: the seed)'),
  updatedBy: z.string().nullable().describe('Who changed it (display name)'),
});
export type SectorMappingRow = z.infer<typeof sectorMappingSchema>;

export const sectorMappingQuerySchema = z
  .object({
    q: z.string().trim().max(10).optional().describe('Prefix starts with'),
    sector: z.enum(accidentSectors).optional(),
  })
  .strict();

export const sectorMappingInputSchema = z
  .object({ sector: z.enum(accidentSectors) })
  .strict()
  .describe('The sector accidents of enterprises under this prefix are classified into');

/**
 * The sector an enterprise's GB/T 4754 industry suggests under a mapping (the bureau's stored table;
 * the default when none is given). A person confirms it: 第三方 transport, farm machinery and fires
 * depend on the accident, not only on the unit. Unknown codes: 'other'.
 */
export function suggestSector(
  industryCode: string | null,
  mappings: readonly SectorMapping[] = defaultSectorMappings,
): AccidentSector {
  if (!industryCode) return 'other';
  const code = industryCode.trim().toUpperCase();
  let best: SectorMapping | undefined;
  for (const entry of mappings)
    if (code.startsWith(entry.prefix) && (!best || entry.prefix.length > best.prefix.length)) best = entry;
  return best?.sector ?? 'other';
}
