import { modelInfoResponse } from './consequence-model-info.ts';
import { uniqueWarnings } from './consequence-warnings.ts';
import { resolveWeather, windWarnings } from './consequence-weather.ts';
import { plumeSigmas } from './dispersion-coefficients.ts';
import { plumeModelInfo } from './dispersion-model-info.ts';
import { chemicalSummary, concentrationValue, dispersionSubstance } from './dispersion-substance.ts';
import { buoyancyWarnings, distanceWarnings, durationWarnings } from './dispersion-warnings.ts';
import { dispersionZones, peakOfCentreline, resolveThresholds, zoneResponse } from './dispersion-zones.ts';
import { plumeConcentration, plumeGroundCentreline, type PlumeParameters } from './gaussian-plume.ts';
import type { PlumeRequest, PlumeResponse } from './plume.schema.ts';

/** POST /api/v1/calc/consequence/plume: concentrations and threshold distances of a steady plume. */
export function calculatePlume(request: PlumeRequest): PlumeResponse {
  const substance = dispersionSubstance(request.chemical, request.molarMassGPerMol);
  const { chemical } = substance;
  const weather = resolveWeather(request.weather, request.releaseHeightM);
  const parameters: PlumeParameters = {
    emissionRateKgPerS: request.emissionRateKgPerS,
    windSpeedMPerS: weather.transportWindSpeedMPerS,
    releaseHeightM: request.releaseHeightM,
    stabilityClass: weather.stabilityClass,
    terrain: weather.terrain,
  };
  const centreline = plumeGroundCentreline(parameters);
  const { zones, warnings: zoneWarnings } = dispersionZones(
    centreline,
    resolveThresholds(chemical, request.thresholds),
  );
  const receptors = request.receptors.map(({ x, y, z }) => {
    const { sigmaY, sigmaZ } = plumeSigmas(x, weather.stabilityClass, weather.terrain);
    const c = plumeConcentration(parameters, x, y, z);
    return { x, y, z, sigmaYM: sigmaY, sigmaZM: sigmaZ, concentration: concentrationValue(c, chemical) };
  });
  const peak = peakOfCentreline(centreline);
  const farthest = Math.max(0, ...zones.map((zone) => zone.shape.endM));
  return {
    model: modelInfoResponse(plumeModelInfo(weather.terrain)),
    chemical: chemicalSummary(substance),
    weather,
    receptors,
    peakGroundConcentration:
      peak === null
        ? null
        : { distanceM: peak.distanceM, concentration: concentrationValue(peak.kgPerM3, chemical) },
    zones: zones.map(zoneResponse),
    warnings: uniqueWarnings([
      ...buoyancyWarnings(chemical, request.liquefiedRelease),
      ...windWarnings(weather),
      ...zoneWarnings,
      ...request.receptors.flatMap((r) => distanceWarnings('x', r.x)),
      ...durationWarnings(request.releaseDurationS, farthest, weather.transportWindSpeedMPerS),
    ]),
  };
}
