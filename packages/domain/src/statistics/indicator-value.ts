import type { IndicatorFormula, YearFigures } from './indicator-definition.ts';

/**
 * The value of one indicator for one year and area, or null (no data) when its denominator is
 * missing or zero — a county without 工矿商贸 employment has no rate, not an infinite one.
 * statistics-and-plan.md §2: per 亿元 GDP = all deaths ÷ GDP (亿元); per 十万 workers = 工矿商贸 deaths ÷
 * 工矿商贸 workers × 10⁵.
 */
export function indicatorValue(formula: IndicatorFormula, figures: YearFigures): number | null {
  switch (formula) {
    case 'deaths':
      return figures.deaths;
    case 'major_accidents':
      return figures.largerAccidents;
    case 'deaths_per_100m_gdp':
      return ratio(figures.deaths, figures.gdpYi, 1);
    case 'deaths_per_100k_workers':
      return ratio(figures.industrialDeaths, figures.industrialWorkers, 100_000);
  }
}

function ratio(numerator: number, denominator: number | null, scale: number): number | null {
  if (denominator === null || !(denominator > 0)) return null;
  return (numerator / denominator) * scale;
}

/** Rounds half away from zero to `decimals` (the printed value; comparisons use the raw one). */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return (Math.sign(value) * Math.round(Math.abs(value) * factor + Number.EPSILON)) / factor;
}
