import { ConsequenceError, requireInRange } from './consequence.errors.ts';

/**
 * Pasquill stability class from the 10 m wind speed and the insolation (day) or cloud (night),
 * after the NOAA READY table of Pasquill (1961) (consequence-models.md §1.2, [V]).
 *
 *   u10 (m/s) │ day strong │ moderate │ slight │ night: thin overcast or > 4/8 low cloud │ ≤ 4/8 cloud
 *   < 2       │ A          │ A–B      │ B      │ E                                       │ F
 *   2–3       │ A–B        │ B        │ C      │ E                                       │ F
 *   3–5       │ B          │ B–C      │ C      │ D                                       │ E
 *   5–6       │ C          │ C–D      │ D      │ D                                       │ D
 *   > 6       │ C          │ D        │ D      │ D                                       │ D
 *
 * Fully overcast sky, day or night, and the hour either side of night are D at any wind speed.
 * The table does not say which row a speed exactly on a boundary belongs to; we read every row as
 * lower-inclusive: [0, 2), [2, 3), [3, 5), [5, 6), [6, ∞). So 2.0 m/s is in the 2–3 row and 6.0 m/s
 * in the > 6 row.
 */
export const stabilityClasses = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type StabilityClass = (typeof stabilityClasses)[number];

export const insolationLevels = ['strong', 'moderate', 'slight'] as const;
export type Insolation = (typeof insolationLevels)[number];

/** `cloudy`: thin overcast or more than 4/8 low cloud; `clear`: at most 4/8 cloud. */
export const nightCloudCovers = ['cloudy', 'clear'] as const;
export type NightCloudCover = (typeof nightCloudCovers)[number];

export type SkyCondition =
  | { readonly period: 'day'; readonly insolation: Insolation }
  | { readonly period: 'night'; readonly cloud: NightCloudCover }
  /** Fully overcast (day or night) or within an hour of sunrise or sunset: always D. */
  | { readonly period: 'overcast_or_transition' };

/**
 * How to read a split cell such as A–B. `more_stable` (the default) takes the later letter, which
 * gives the longer toxic distances (§1.2: "pick the more stable letter for conservative toxic
 * distances").
 */
export type SplitClassRule = 'more_stable' | 'less_stable';

export interface StabilityClassResult {
  readonly stabilityClass: StabilityClass;
  /** The table cell as printed, e.g. `A–B`, or `D` for overcast and transition hours. */
  readonly tableCell: string;
  readonly split: boolean;
}

const cells: readonly (readonly string[])[] = [
  ['A', 'A–B', 'B', 'E', 'F'],
  ['A–B', 'B', 'C', 'E', 'F'],
  ['B', 'B–C', 'C', 'D', 'E'],
  ['C', 'C–D', 'D', 'D', 'D'],
  ['C', 'D', 'D', 'D', 'D'],
];

/** Lower edges of the wind rows in m/s; a speed belongs to the last row whose edge it reaches. */
export const stabilityWindRowEdges = [0, 2, 3, 5, 6] as const;

function windRow(windSpeed10m: number): number {
  let row = 0;
  stabilityWindRowEdges.forEach((edge, index) => {
    if (windSpeed10m >= edge) row = index;
  });
  return row;
}

function column(sky: SkyCondition): number {
  if (sky.period === 'day') return insolationLevels.indexOf(sky.insolation);
  if (sky.period === 'night') return 3 + nightCloudCovers.indexOf(sky.cloud);
  return -1;
}

function isStabilityClass(letter: string | undefined): letter is StabilityClass {
  return (stabilityClasses as readonly string[]).includes(letter ?? '');
}

/** The Pasquill class for a wind speed at 10 m (m/s) and the sky. */
export function stabilityClassFromWeather(
  windSpeed10m: number,
  sky: SkyCondition,
  splitRule: SplitClassRule = 'more_stable',
): StabilityClassResult {
  requireInRange('windSpeedMPerS', windSpeed10m, 0);
  const col = column(sky);
  const cell = col < 0 ? 'D' : cells[windRow(windSpeed10m)]?.[col];
  if (cell === undefined || col > 4) {
    throw new ConsequenceError('calc.consequence_invalid_input', { details: { field: 'sky', sky } });
  }
  const letters = cell.split('–');
  const letter = splitRule === 'more_stable' ? letters[letters.length - 1] : letters[0];
  if (!isStabilityClass(letter)) {
    throw new ConsequenceError('calc.consequence_invalid_input', { details: { field: 'sky', sky } });
  }
  return { stabilityClass: letter, tableCell: cell, split: letters.length > 1 };
}
