import {
  fireballDistanceForFlux,
  fireballFluxKw,
  fireballGeometry,
  fireballViewFactor,
  type FireballRadiationModel,
} from './bleve-fireball.ts';
import type { BleveRequest, BleveResponse } from './bleve.schema.ts';
import type { ConsequenceChemical } from './consequence-chemicals.ts';
import { ConsequenceError } from './consequence.errors.ts';
import { modelInfoResponse, type ConsequenceModelInfo } from './consequence-model-info.ts';
import { consequenceWarning, roundForText, uniqueWarnings } from './consequence-warnings.ts';
import { summariseChemical } from './dispersion-substance.ts';
import { requireConsequenceChemical } from './find-consequence-chemical.ts';
import { thermalEffect, thermalZone } from './thermal-thresholds.ts';

export function bleveModelInfo(kind: FireballRadiationModel['kind']): ConsequenceModelInfo {
  const solid = kind === 'solid_flame';
  return {
    id: `bleve_fireball_${kind}`,
    zh: solid ? 'BLEVE 火球（CCPS 关联式，固体火焰模型）' : 'BLEVE 火球（CCPS 关联式，Hymes 点源模型）',
    en: solid
      ? 'BLEVE fireball, CCPS correlations, solid-flame radiation'
      : 'BLEVE fireball, CCPS correlations, Hymes point source',
    source: 'CCPS fireball correlations; consequence-models.md §1.7 and worked example E1',
    assumptions: [
      {
        zh: '火球直径 D = 5.8M^(1/3)，持续时间按 CCPS 关联式',
        en: 'Diameter D = 5.8 M^{1/3}, duration by the CCPS correlations',
      },
      {
        zh: '火球中心取离地一个半径（贴地火球，偏保守）；目标为竖直面',
        en: 'Centre one radius above ground (fireball touching the ground, conservative); vertical target',
      },
      {
        zh: '热阈值按等剂量 t·q^(4/3) 换算到火球持续时间',
        en: 'Thermal levels are compared by equal dose t·q^{4/3} over the fireball duration',
      },
      { zh: '不计逃生和遮蔽', en: 'No escape or shelter' },
    ],
    limits: [
      { zh: '仅热辐射，不含容器碎片和爆炸超压', en: 'Thermal radiation only: no fragments or blast' },
      {
        zh: '火球正下方（一个半径内）的视角系数公式失真',
        en: 'The view-factor formula is not meaningful under the fireball (within one radius)',
      },
    ],
  };
}

function radiationModel(request: BleveRequest, chemical: ConsequenceChemical | null): FireballRadiationModel {
  const { transmissivity } = request;
  if (request.radiationModel === 'solid_flame') {
    return { kind: 'solid_flame', emissivePowerKwPerM2: request.emissivePowerKwPerM2, transmissivity };
  }
  const heat = request.heatOfCombustionMjPerKg ?? chemical?.heatOfCombustionMjPerKg ?? null;
  if (heat === null) {
    throw new ConsequenceError('calc.consequence_not_flammable', {
      fields: [
        { path: 'heatOfCombustionMjPerKg', code: 'calc.consequence_not_flammable', message: 'required' },
      ],
      details: { chemical: chemical?.key ?? null },
    });
  }
  return {
    kind: 'point_source',
    heatOfCombustionMjPerKg: heat,
    radiativeFraction: request.radiativeFraction,
    transmissivity,
  };
}

/** POST /api/v1/calc/consequence/bleve: fireball size, duration, thermal zones and effects. */
export function calculateBleve(request: BleveRequest): BleveResponse {
  const chemical = request.chemical === undefined ? null : requireConsequenceChemical(request.chemical);
  const model = radiationModel(request, chemical);
  const geometry = fireballGeometry(request.fuelMassKg);
  const flux = (x: number) => fireballFluxKw(request.fuelMassKg, model, x);
  const receptors = request.distancesM.map((distanceM) => ({
    distanceM,
    fluxKwPerM2: flux(distanceM),
    viewFactor: model.kind === 'solid_flame' ? fireballViewFactor(geometry.radiusM, distanceM) : null,
    ...thermalEffect(flux(distanceM), geometry.durationS, request.probit),
  }));
  const radius = roundForText(geometry.radiusM);
  const zones = request.thresholds.map((threshold) =>
    thermalZone(threshold, geometry.durationS, (q) => fireballDistanceForFlux(request.fuelMassKg, model, q)),
  );
  const reachedDistances = zones.filter((zone) => zone.status === 'reached').map((zone) => zone.distanceM);
  return {
    model: modelInfoResponse(bleveModelInfo(model.kind)),
    chemical: chemical === null ? null : summariseChemical(chemical),
    diameterM: geometry.diameterM,
    durationS: geometry.durationS,
    liftOffHeightM: geometry.liftOffHeightM,
    maxFluxKwPerM2: flux(model.kind === 'solid_flame' ? geometry.radiusM / Math.SQRT2 : 0),
    zones,
    receptors,
    warnings: uniqueWarnings(
      [...reachedDistances, ...request.distancesM]
        .filter((x) => x < geometry.radiusM)
        .map((x) => consequenceWarning('under_fireball', { distanceM: roundForText(x), radiusM: radius })),
    ),
  };
}
