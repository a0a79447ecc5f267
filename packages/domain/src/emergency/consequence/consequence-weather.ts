import { requirePositive } from './consequence.errors.ts';
import { consequenceWarning, type ConsequenceWarning } from './consequence-warnings.ts';
import { transportWindSpeed, type Terrain } from './dispersion-coefficients.ts';
import {
  stabilityClassFromWeather,
  stabilityClasses,
  type SkyCondition,
  type SplitClassRule,
  type StabilityClass,
} from './stability-class.ts';

/** Weather as a user or a station gives it: the 10 m wind and either a class or the sky. */
export interface WeatherInput {
  /** Wind speed at 10 m (m/s). */
  readonly windSpeedMPerS: number;
  readonly stability: StabilityClass | SkyCondition;
  readonly splitClassRule?: SplitClassRule | undefined;
  readonly terrain: Terrain;
}

export interface ResolvedWeather {
  readonly windSpeed10mMPerS: number;
  /** Speed used by the model at the release height (equal to the 10 m speed up to 10 m). */
  readonly transportWindSpeedMPerS: number;
  readonly stabilityClass: StabilityClass;
  /** `given`, or the Pasquill table cell the class was read from (e.g. `A–B`). */
  readonly stabilityTableCell: string;
  readonly terrain: Terrain;
}

/** Below this 10 m wind speed the Gaussian models are unreliable (consequence-models.md §1.4). */
export const lowWindLimitMPerS = 1;

function isClass(stability: StabilityClass | SkyCondition): stability is StabilityClass {
  return typeof stability === 'string' && (stabilityClasses as readonly string[]).includes(stability);
}

export function resolveWeather(input: WeatherInput, releaseHeightM: number): ResolvedWeather {
  const u10 = requirePositive('weather.windSpeedMPerS', input.windSpeedMPerS);
  const fromSky = isClass(input.stability)
    ? { stabilityClass: input.stability, tableCell: 'given' }
    : stabilityClassFromWeather(u10, input.stability, input.splitClassRule ?? 'more_stable');
  const stabilityClass = fromSky.stabilityClass;
  return {
    windSpeed10mMPerS: u10,
    transportWindSpeedMPerS: transportWindSpeed(u10, releaseHeightM, stabilityClass, input.terrain),
    stabilityClass,
    stabilityTableCell: fromSky.tableCell,
    terrain: input.terrain,
  };
}

export function windWarnings(weather: ResolvedWeather): ConsequenceWarning[] {
  return weather.windSpeed10mMPerS < lowWindLimitMPerS
    ? [consequenceWarning('low_wind', { windSpeedMPerS: weather.windSpeed10mMPerS })]
    : [];
}
