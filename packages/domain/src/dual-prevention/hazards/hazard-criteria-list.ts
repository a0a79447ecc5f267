import { z } from 'zod';
import { HiddenHazardError } from './hidden-hazard.errors.ts';
import { isoDate } from '../../common/dates.schema.ts';

/*
 * The statutory major-hidden-hazard criteria (重大事故隐患判定标准) are per-industry lists that
 * change by order (工贸 2017 → 2023, 矿山 2017 → 2022), so each list is versioned data: a list id,
 * a version, groups and items with stable codes (standards.md §4.1: "store as versioned code lists").
 * A bureau may load further items into a list whose items our reference does not fully give.
 */

/** Confidence marks of standards.md §0: V2 two sources, V1 one source, M from memory (verify). */
export const hazardCriteriaVerifications = ['V2', 'V1', 'M'] as const;

const itemCode = z
  .string()
  .regex(/^[a-z]+(-[a-z0-9]+)+$/, 'lower-case words joined by hyphens, e.g. hc-01 or gm-dust-03')
  .max(40);

export const hazardCriteriaItemSchema = z
  .object({
    code: itemCode.describe('Stable code, prefixed by the list: hc-01, fw-20, gm-dust-03, mine-tsf-07'),
    zh: z.string().trim().min(2).max(500).describe('The criterion in Chinese'),
    en: z.string().trim().min(2).max(500).describe('English gloss'),
    group: z.string().max(40).optional().describe('Group id inside the list (article or part)'),
    sectors: z
      .array(z.string().min(1).max(64))
      .optional()
      .describe('Registry sector codes the item is limited to; absent = those of its group or list'),
    verification: z.enum(hazardCriteriaVerifications).describe('Confidence of the item in our reference'),
    addedByBureau: z.boolean().optional().describe('Loaded by the bureau, not shipped with Anjian'),
  })
  .strict();

export const hazardCriteriaGroupSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/)
      .max(40),
    zh: z.string().min(1).max(100),
    en: z.string().min(1).max(100),
    article: z.string().max(40).optional().describe('Article or part of the legal text, e.g. 第三条'),
    sectors: z.array(z.string().min(1).max(64)).optional(),
    complete: z.boolean().describe('Our reference gives every item of this group'),
  })
  .strict();

export const hazardCriteriaListSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/)
      .max(40)
      .describe('List id, e.g. hazchem-2017'),
    codePrefix: z
      .string()
      .regex(/^[a-z]+$/)
      .max(10)
      .describe('Prefix of every item code, e.g. hc'),
    version: z.string().min(1).max(40).describe('Version of the list data; changes when items change'),
    titleZh: z.string().min(2).max(200),
    titleEn: z.string().min(2).max(200),
    legalSource: z
      .object({
        zh: z.string().min(2).max(200).describe('Issuing document'),
        documentNo: z.string().max(60).optional().describe('文号 or order number'),
        issuedBy: z.string().max(100).optional(),
        effectiveFrom: isoDate().optional(),
        verification: z.enum(hazardCriteriaVerifications),
      })
      .strict(),
    sectors: z.array(z.string().min(1).max(64)).min(1).describe('Registry sector codes the list applies to'),
    complete: z.boolean().describe('Every item of the legal text is in `items`'),
    statutoryItemCount: z
      .int()
      .positive()
      .nullable()
      .describe('Number of items the legal text has, when our reference gives it'),
    wording: z
      .enum(['heading', 'official'])
      .describe('heading: short headings after our reference; official: the full official wording'),
    notes: z.string().max(2000).optional(),
    groups: z.array(hazardCriteriaGroupSchema),
    items: z.array(hazardCriteriaItemSchema),
  })
  .strict()
  .describe('One versioned list of statutory major-hidden-hazard criteria');

export type HazardCriteriaVerification = (typeof hazardCriteriaVerifications)[number];
export type HazardCriteriaItem = z.infer<typeof hazardCriteriaItemSchema>;
export type HazardCriteriaGroup = z.infer<typeof hazardCriteriaGroupSchema>;
export type HazardCriteriaList = z.infer<typeof hazardCriteriaListSchema>;

function problem(list: HazardCriteriaList, reason: string, code?: string): HiddenHazardError {
  return new HiddenHazardError('hazard.criteria_list_invalid', { list: list.id, reason, code });
}

/**
 * Checks what the schema cannot: codes carry the list's prefix, codes are unique in the list, and
 * every item's group exists. Throws `hazard.criteria_list_invalid`.
 */
export function checkHazardCriteriaList(list: HazardCriteriaList): HazardCriteriaList {
  const parsed = hazardCriteriaListSchema.safeParse(list);
  if (!parsed.success) throw problem(list, parsed.error.issues[0]?.message ?? 'malformed list');
  const seen = new Set<string>();
  const groups = new Set(list.groups.map((group) => group.id));
  for (const item of list.items) {
    if (!item.code.startsWith(`${list.codePrefix}-`))
      throw problem(list, 'code without list prefix', item.code);
    if (seen.has(item.code)) throw problem(list, 'duplicate code', item.code);
    if (item.group !== undefined && !groups.has(item.group)) throw problem(list, 'unknown group', item.code);
    seen.add(item.code);
  }
  if (list.complete && list.statutoryItemCount !== null && list.items.length !== list.statutoryItemCount) {
    throw problem(list, 'a complete list must have statutoryItemCount items');
  }
  return list;
}

/**
 * A new version of `list` with the bureau's items added (marked `addedByBureau`), e.g. the 工贸
 * 冶金 items our reference leaves out. `complete` says whether the list now holds the whole text.
 */
export function addHazardCriteriaItems(
  list: HazardCriteriaList,
  addition: {
    version: string;
    items: readonly Omit<HazardCriteriaItem, 'addedByBureau'>[];
    complete?: boolean;
    statutoryItemCount?: number | null;
  },
): HazardCriteriaList {
  if (addition.version === list.version) throw problem(list, 'a changed list needs a new version');
  return checkHazardCriteriaList({
    ...list,
    version: addition.version,
    complete: addition.complete ?? list.complete,
    statutoryItemCount: addition.statutoryItemCount ?? list.statutoryItemCount,
    items: [...list.items, ...addition.items.map((item) => ({ ...item, addedByBureau: true }))],
  });
}

/** Whether an item applies to an enterprise in any of `sectors` (item, else group, else list sectors). */
export function hazardCriteriaItemApplies(
  list: HazardCriteriaList,
  item: HazardCriteriaItem,
  sectors: readonly string[],
): boolean {
  const group = list.groups.find((candidate) => candidate.id === item.group);
  const scope = item.sectors ?? group?.sectors ?? list.sectors;
  return scope.some((sector) => sectors.includes(sector));
}
