import {
  gb18218RowCode,
  gb18218Table1,
  gb18218Table1DefaultCategories,
  gb18218Table2,
  type MajorHazardRequest,
  type MajorHazardUnit,
  type MajorHazardUnitUpdate,
} from '@anjian/domain';

/** One entry of the substance picker: a GB 18218-2018 Table 1 row or a Table 2 category. */
export interface SubstanceOption {
  /** What is sent as `substance`: T1-nn or the category code, unambiguous. */
  readonly value: string;
  readonly table: 1 | 2;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly cas: readonly string[];
  readonly criticalQuantityTonnes: string;
  /** Table 1 chemicals outside Table 3 take β from a hazard category (Table 4) once the unit is major. */
  readonly needsCategory: boolean;
  /**
   * The category the server uses when none is chosen (from the row's GHS classification; the largest
   * β of several); null when the row has none and the user must choose one.
   */
  readonly defaultCategories: readonly string[];
  /** Lower-case text the search matches: code, names, aliases, CAS with and without dashes. */
  readonly search: string;
}

export const substanceOptions: readonly SubstanceOption[] = [
  ...gb18218Table1.map((row): SubstanceOption => {
    const value = gb18218RowCode(row.row);
    return {
      value,
      table: 1,
      nameZh: row.nameZh,
      nameEn: row.nameEn,
      cas: row.cas,
      criticalQuantityTonnes: row.criticalQuantityTonnes,
      needsCategory: row.table3Beta === undefined,
      defaultCategories:
        row.table3Beta === undefined ? (gb18218Table1DefaultCategories[row.row]?.categories ?? []) : [],
      search: [
        value,
        row.nameZh,
        row.nameEn,
        ...row.aliases,
        ...(row.coveredNames ?? []),
        ...row.cas,
        ...row.cas.map((cas) => cas.replace(/-/g, '')),
      ]
        .join(' ')
        .toLowerCase(),
    };
  }),
  ...gb18218Table2.map((row): SubstanceOption => ({
    value: row.code,
    table: 2,
    nameZh: `${row.hazardClassZh}（${row.conditionZh}）`,
    nameEn: `${row.hazardClassEn} (${row.conditionEn})`,
    cas: [],
    criticalQuantityTonnes: row.criticalQuantityTonnes,
    needsCategory: false,
    defaultCategories: [],
    search: [row.code, row.hazardClassZh, row.hazardClassEn, row.conditionZh].join(' ').toLowerCase(),
  })),
];

const byValue = new Map(substanceOptions.map((option) => [option.value, option]));

export function findSubstanceOption(value: string): SubstanceOption | undefined {
  return byValue.get(value);
}

/** Options whose code, name, alias or CAS contains the query (any spacing, any case); all when empty. */
export function filterSubstanceOptions(query: string, limit = 50): SubstanceOption[] {
  const text = query.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '');
  if (!text) return substanceOptions.slice(0, limit);
  return substanceOptions.filter((option) => option.search.includes(text)).slice(0, limit);
}

/** A row of the declaration form; the quantity is kept as typed so that it stays exact. */
export interface InventoryDraft {
  substance: string;
  quantityTonnes: string;
  betaCategory: string;
}

export interface UnitDraft {
  name: string;
  kind: 'production' | 'storage';
  locationText: string;
  lon: number | null;
  lat: number | null;
  exposedPopulation: number | null;
  inventory: InventoryDraft[];
}

export const emptyInventoryRow = (): InventoryDraft => ({
  substance: '',
  quantityTonnes: '',
  betaCategory: '',
});

export function emptyUnitDraft(): UnitDraft {
  return {
    name: '',
    kind: 'storage',
    locationText: '',
    lon: null,
    lat: null,
    exposedPopulation: 0,
    inventory: [emptyInventoryRow()],
  };
}

export function draftOfUnit(unit: MajorHazardUnit): UnitDraft {
  return {
    name: unit.name,
    kind: unit.kind,
    locationText: unit.locationText ?? '',
    lon: unit.location?.lon ?? null,
    lat: unit.location?.lat ?? null,
    exposedPopulation: unit.exposedPopulation,
    inventory: unit.inventory.map((item) => ({
      substance: item.code,
      quantityTonnes: item.quantityTonnes,
      betaCategory: item.betaCategory ?? '',
    })),
  };
}

const QUANTITY = /^\d{1,12}(\.\d{1,12})?$/;

/** A decimal number of tonnes greater than 0, as the server accepts it. */
export function isValidQuantity(text: string): boolean {
  const trimmed = text.trim();
  return QUANTITY.test(trimmed) && /[1-9]/.test(trimmed);
}

function items(draft: UnitDraft): MajorHazardRequest['items'] {
  return draft.inventory
    .filter((row) => row.substance && isValidQuantity(row.quantityTonnes))
    .map((row) => ({
      substance: row.substance,
      quantityTonnes: row.quantityTonnes.trim(),
      ...(row.betaCategory ? { betaCategory: row.betaCategory as never } : {}),
    }));
}

/**
 * The public calculator's request for the live preview: the complete rows only; null while no row
 * is complete or the head count is not a whole number ≥ 0.
 */
export function calcRequestOf(draft: UnitDraft): MajorHazardRequest | null {
  const complete = items(draft);
  const people = draft.exposedPopulation;
  if (complete.length === 0 || people === null || !Number.isInteger(people) || people < 0) return null;
  return { items: complete, exposedPopulation: people };
}

/** The body of PUT (and, with the enterprise, POST) /major-hazards/units. */
export function unitUpdateOf(draft: UnitDraft): MajorHazardUnitUpdate {
  return {
    name: draft.name.trim(),
    kind: draft.kind,
    ...(draft.locationText.trim() ? { locationText: draft.locationText.trim() } : {}),
    ...(draft.lon !== null && draft.lat !== null ? { location: { lon: draft.lon, lat: draft.lat } } : {}),
    exposedPopulation: draft.exposedPopulation ?? 0,
    inventory: items(draft),
  };
}

/** Inventory row numbers (from 0) that the server's field problems point at (`inventory.2.substance`). */
export function rowsWithProblems(fields: readonly { path: string }[]): Set<number> {
  const rows = new Set<number>();
  for (const field of fields) {
    const match = /^inventory\.(\d+)\./.exec(field.path);
    if (match) rows.add(Number(match[1]));
  }
  return rows;
}

/** Rows (from 0) without a substance or a valid quantity: saving waits until there are none. */
export function incompleteRows(draft: UnitDraft): number[] {
  return draft.inventory.flatMap((row, index) =>
    row.substance && isValidQuantity(row.quantityTonnes) ? [] : [index],
  );
}
