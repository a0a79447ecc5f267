import {
  chinaDate,
  chinaDayStart,
  hazardRectificationFigure,
  indicatorCodeOf,
  indicatorFigure,
  inspectionsFigure,
  targetFigure,
  videoSitesFigure,
  type DataScope,
  type PlanFigure,
} from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import type { PlanTargetFigures } from '../cockpit/index.ts';
import type { HazardFigures } from '../dual-prevention/index.ts';
import type { InspectionFigures } from '../enforcement/index.ts';
import type { IndicatorSource } from '../statistics/index.ts';
import type { CameraFigures } from '../video/index.ts';

/** The owning modules' ports the plan reads its figures through. */
export interface PlanFigureSources {
  targets: PlanTargetFigures;
  hazards: HazardFigures;
  inspections: InspectionFigures;
  cameras: CameraFigures;
  indicators: IndicatorSource;
}

export interface PlanFigureReader {
  /** The figure for an area, null when the code names nothing measured (an indicator since removed). */
  figure(code: string, scope: DataScope, divisionCode: string | null): Promise<PlanFigure | null>;
  /** Whether a figure code names something Anjian measures (an indicator must exist). */
  known(code: string): Promise<boolean>;
}

/**
 * Figures a plan task is tied to, for a unit's area, each read through its owning module's port;
 * counted periods run from the year's first day (China time) to now.
 */
export function createPlanFigureReader(deps: { clock: Clock } & PlanFigureSources): PlanFigureReader {
  return {
    async figure(code, scope, divisionCode) {
      const now = deps.clock.now();
      const today = chinaDate(now);
      const yearStart = chinaDayStart(`${today.slice(0, 4)}-01-01`);
      const indicator = indicatorCodeOf(code);
      if (indicator) {
        const summary = await deps.indicators.summary(scope, Number(today.slice(0, 4)), divisionCode);
        const status = summary.indicators.find((i) => i.code === indicator);
        return status ? indicatorFigure(status, today) : null;
      }
      if (code === 'hazard_rectification_rate')
        return hazardRectificationFigure(await deps.hazards.rectification(scope, yearStart, now), today);
      if (code === 'inspections_done')
        return inspectionsFigure(await deps.inspections.completed(scope, yearStart, now), today);
      if (code === 'video_sites_equipped') return videoSitesFigure(await deps.cameras.equipped(scope), today);
      const target = (await deps.targets.ofArea(scope)).find((f) => f.code === code);
      return target ? targetFigure(target, today) : null;
    },
    async known(code) {
      const indicator = indicatorCodeOf(code);
      return indicator === null || (await deps.indicators.names()).some((n) => n.code === indicator);
    },
  };
}
