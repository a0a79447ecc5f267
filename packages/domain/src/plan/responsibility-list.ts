/**
 * Responsibility lists (责任清单, statistics-and-plan.md §4.1 and §4.3): what each leader (党政同责、
 * 一岗双责, 厅字〔2018〕13号), department (安委〔2015〕5号 "五落实") and county answers for, kept as
 * versioned documents. A version is the whole list of items; the change from one version to the
 * next is read as items added and items removed (an item reworded is one removed and one added,
 * which is how a revised list reads on paper too).
 */
export const responsibilityHolderKinds = ['leader', 'department', 'county'] as const;
export type ResponsibilityHolderKind = (typeof responsibilityHolderKinds)[number];

export const responsibilityHolderKindNames: Readonly<
  Record<ResponsibilityHolderKind, { zh: string; en: string }>
> = {
  leader: { zh: '领导干部', en: 'Leader' },
  department: { zh: '部门', en: 'Department' },
  county: { zh: '县（市、区）', en: 'County' },
};

export interface ResponsibilityDiff {
  /** Items of the later version that the earlier one lacks, in the later version's order. */
  readonly added: string[];
  /** Items of the earlier version that the later one lacks, in the earlier version's order. */
  readonly removed: string[];
  readonly kept: number;
}

/** The change between two versions' items (compared after trimming); the first version adds all. */
export function diffResponsibilityItems(
  before: readonly string[],
  after: readonly string[],
): ResponsibilityDiff {
  const old = new Set(before.map((item) => item.trim()));
  const now = new Set(after.map((item) => item.trim()));
  return {
    added: [...now].filter((item) => !old.has(item)),
    removed: [...old].filter((item) => !now.has(item)),
    kept: [...now].filter((item) => old.has(item)).length,
  };
}

/**
 * Which organisation kinds a list's holder may name: a department list a city or county department,
 * a county list a county government, a leader list the county government the leader serves (none: a
 * city leader).
 */
export function responsibilityHolderFits(
  kind: ResponsibilityHolderKind,
  organisationKind: string | null,
): boolean {
  if (kind === 'leader') return organisationKind === null || organisationKind === 'county';
  if (kind === 'county') return organisationKind === 'county';
  return organisationKind === 'city_department' || organisationKind === 'county_department';
}
