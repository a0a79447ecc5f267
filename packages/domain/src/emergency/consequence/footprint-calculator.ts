import { defaultThresholds, type ResolvedThreshold } from './consequence-thresholds.ts';
import type { ConsequenceChemical } from './consequence-chemicals.ts';
import { modelInfoResponse, type ConsequenceModelInfo } from './consequence-model-info.ts';
import { consequenceWarning, uniqueWarnings, type ConsequenceWarning } from './consequence-warnings.ts';
import { resolveWeather, windWarnings, type ResolvedWeather } from './consequence-weather.ts';
import { footprintAssumptions, plumeModelInfo, puffModelInfo } from './dispersion-model-info.ts';
import { dispersionSubstance, summariseChemical } from './dispersion-substance.ts';
import { buoyancyWarnings, durationWarnings } from './dispersion-warnings.ts';
import { dispersionZones, resolveThresholds, zoneResponse } from './dispersion-zones.ts';
import { suggestEvacuation } from './evacuation-radius.ts';
import type { FootprintRequest, FootprintResponse } from './footprint.schema.ts';
import { plumeGroundCentreline } from './gaussian-plume.ts';
import { puffGroundCentreline } from './gaussian-puff.ts';
import type { GroundCentreline } from './ground-centreline.ts';
import { downwindBearing } from './local-projection.ts';
import { zonePolygon } from './zone-polygon.ts';

function centrelineFor(request: FootprintRequest, weather: ResolvedWeather): GroundCentreline {
  const common = {
    windSpeedMPerS: weather.transportWindSpeedMPerS,
    releaseHeightM: request.releaseHeightM,
    stabilityClass: weather.stabilityClass,
  };
  return request.release.kind === 'continuous'
    ? plumeGroundCentreline({
        ...common,
        emissionRateKgPerS: request.release.rateKgPerS,
        terrain: weather.terrain,
      })
    : puffGroundCentreline({ ...common, massKg: request.release.massKg });
}

function thresholdsFor(
  chemical: ConsequenceChemical,
  request: FootprintRequest,
): { thresholds: ResolvedThreshold[]; warnings: ConsequenceWarning[] } {
  if (request.thresholds !== undefined) {
    return { thresholds: resolveThresholds(chemical, request.thresholds), warnings: [] };
  }
  const defaults = defaultThresholds(chemical);
  const warnings = defaults.missingTiers.map((tier) =>
    consequenceWarning('threshold_tier_missing', {
      chemicalZh: chemical.nameZh,
      chemicalEn: chemical.nameEn,
      tier,
    }),
  );
  return { thresholds: [...defaults.thresholds], warnings };
}

function modelFor(request: FootprintRequest, weather: ResolvedWeather): ConsequenceModelInfo {
  const base = request.release.kind === 'continuous' ? plumeModelInfo(weather.terrain) : puffModelInfo;
  return { ...base, assumptions: [...base.assumptions, ...footprintAssumptions] };
}

/** POST /api/v1/calc/consequence/footprint: threat zones on the map and a suggested evacuation radius. */
export function calculateFootprint(request: FootprintRequest): FootprintResponse {
  const substance = dispersionSubstance(request.chemical);
  const weather = resolveWeather(request.weather, request.releaseHeightM);
  const { thresholds, warnings: thresholdWarnings } = thresholdsFor(substance.chemical, request);
  const { zones, warnings: zoneWarnings } = dispersionZones(centrelineFor(request, weather), thresholds);
  const windFromDeg = request.weather.windFromDeg;
  const farthest = Math.max(0, ...zones.map((zone) => zone.shape.endM));
  const durationS = request.release.kind === 'continuous' ? request.release.durationS : undefined;
  const evacuation = suggestEvacuation(
    zones.map((zone) => ({ ...zone.threshold, status: zone.shape.status, endM: zone.shape.endM })),
    request.minimumIsolationM,
  );
  return {
    model: modelInfoResponse(modelFor(request, weather)),
    chemical: summariseChemical(substance.chemical),
    source: request.source,
    weather: { ...weather, windFromDeg, downwindBearingDeg: downwindBearing(windFromDeg) },
    zones: zones.map((zone) => ({
      ...zoneResponse(zone),
      polygon: zonePolygon(request.source, windFromDeg, zone.shape.stations),
    })),
    evacuation,
    warnings: uniqueWarnings([
      ...buoyancyWarnings(substance.chemical, request.liquefiedRelease),
      ...windWarnings(weather),
      ...thresholdWarnings,
      ...zoneWarnings,
      ...durationWarnings(durationS, farthest, weather.transportWindSpeedMPerS),
    ]),
  };
}
