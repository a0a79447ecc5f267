import { modelInfoResponse } from './consequence-model-info.ts';
import type { ConsequenceChemical } from './consequence-chemicals.ts';
import { uniqueWarnings } from './consequence-warnings.ts';
import { resolveWeather, windWarnings } from './consequence-weather.ts';
import { kgPerM3ToMgPerM3 } from './concentration-units.ts';
import { puffSigmas } from './dispersion-coefficients.ts';
import { puffModelInfo } from './dispersion-model-info.ts';
import { chemicalSummary, concentrationValue, dispersionSubstance } from './dispersion-substance.ts';
import { buoyancyWarnings, distanceWarnings } from './dispersion-warnings.ts';
import { dispersionZones, resolveThresholds, zoneResponse } from './dispersion-zones.ts';
import {
  puffConcentration,
  puffGroundCentreline,
  puffTimeIntegratedConcentration,
  type PuffParameters,
} from './gaussian-puff.ts';
import type { PuffRequest, PuffResponse } from './puff.schema.ts';

type PuffReceptor = PuffRequest['receptors'][number];

function receptorResult(parameters: PuffParameters, receptor: PuffReceptor, substance: ConsequenceChemical) {
  const { x, y, z } = receptor;
  const u = parameters.windSpeedMPerS;
  const timeS = receptor.t ?? x / u;
  const { sigmaY, sigmaZ } = puffSigmas(u * timeS, parameters.stabilityClass);
  return {
    x,
    y,
    z,
    timeS,
    puffCentreM: u * timeS,
    sigmaYM: sigmaY,
    sigmaZM: sigmaZ,
    concentration: concentrationValue(puffConcentration(parameters, x, y, z, timeS), substance),
    peakConcentration: concentrationValue(puffConcentration(parameters, x, y, z, x / u), substance),
    timeIntegratedMgSPerM3: kgPerM3ToMgPerM3(puffTimeIntegratedConcentration(parameters, x, y, z)),
  };
}

/** POST /api/v1/calc/consequence/puff: concentrations, doses and peak-concentration zones of a puff. */
export function calculatePuff(request: PuffRequest): PuffResponse {
  const substance = dispersionSubstance(request.chemical, request.molarMassGPerMol);
  const weather = resolveWeather(request.weather, request.releaseHeightM);
  const parameters: PuffParameters = {
    massKg: request.massKg,
    windSpeedMPerS: weather.transportWindSpeedMPerS,
    releaseHeightM: request.releaseHeightM,
    stabilityClass: weather.stabilityClass,
  };
  const thresholds = resolveThresholds(substance.chemical, request.thresholds);
  const { zones, warnings } = dispersionZones(puffGroundCentreline(parameters), thresholds);
  return {
    model: modelInfoResponse(puffModelInfo),
    chemical: chemicalSummary(substance),
    weather,
    receptors: request.receptors.map((receptor) => receptorResult(parameters, receptor, substance.chemical)),
    zones: zones.map(zoneResponse),
    warnings: uniqueWarnings([
      ...buoyancyWarnings(substance.chemical, request.liquefiedRelease),
      ...windWarnings(weather),
      ...warnings,
      ...request.receptors.flatMap((r) => distanceWarnings('x', r.x)),
    ]),
  };
}
