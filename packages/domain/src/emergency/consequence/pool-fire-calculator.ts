import type { ConsequenceChemical } from './consequence-chemicals.ts';
import { ConsequenceError } from './consequence.errors.ts';
import { modelInfoResponse, type ConsequenceModelInfo } from './consequence-model-info.ts';
import {
  consequenceWarning,
  roundForText,
  uniqueWarnings,
  type ConsequenceWarning,
} from './consequence-warnings.ts';
import { summariseChemical } from './dispersion-substance.ts';
import { requireConsequenceChemical } from './find-consequence-chemical.ts';
import {
  burgessBurningRate,
  poolFireDistanceForFlux,
  poolFireFluxKw,
  poolFireRadiatedPowerW,
  thomasFlameHeightM,
  type PoolFireSource,
} from './pool-fire.ts';
import type { PoolFireRequest, PoolFireResponse } from './pool-fire.schema.ts';
import { thermalEffect, thermalZone } from './thermal-thresholds.ts';

export const poolFireModelInfo: ConsequenceModelInfo = {
  id: 'pool_fire_point_source',
  zh: '池火灾（点源模型，Thomas 火焰高度）',
  en: 'Pool fire, point-source radiation, Thomas flame height',
  source:
    'CCPS point-source model as used in Chinese safety-assessment texts; Burgess burning rate; consequence-models.md §1.7',
  assumptions: [
    {
      zh: '圆形液池稳定燃烧，辐射集中于池中心一点',
      en: 'Circular pool burning steadily; radiation from one point at the pool centre',
    },
    { zh: '不考虑风致火焰倾斜和烟气遮挡', en: 'No wind tilt of the flame and no smoke obscuration' },
    {
      zh: '人员暴露时间取输入值，不计逃生和遮蔽',
      en: 'People exposed for the given time, no escape or shelter',
    },
  ],
  limits: [
    { zh: '点源模型适用于距池中心 5 倍池径以外', en: 'The point source holds beyond about 5 pool diameters' },
    {
      zh: '1.5 倍池径以内可能被火焰吞没，结果无效',
      en: 'Within 1.5 pool diameters the point may be engulfed; no valid result',
    },
  ],
};

function fuelHeat(request: PoolFireRequest, chemical: ConsequenceChemical | null): number {
  const value = request.heatOfCombustionMjPerKg ?? chemical?.heatOfCombustionMjPerKg ?? null;
  if (value === null) {
    throw new ConsequenceError('calc.consequence_not_flammable', {
      fields: [
        { path: 'heatOfCombustionMjPerKg', code: 'calc.consequence_not_flammable', message: 'required' },
      ],
      details: { chemical: chemical?.key ?? null },
    });
  }
  return value;
}

function burningRate(request: PoolFireRequest, chemical: ConsequenceChemical | null, heatMj: number) {
  const given = request.burningRate;
  if (typeof given === 'number') return { value: given, source: 'given' as const };
  if (given !== undefined) {
    const { heatOfVaporisationKjPerKg, specificHeatKjPerKgK, boilingPointC, ambientC } = given;
    const value = burgessBurningRate(
      heatMj * 1000,
      heatOfVaporisationKjPerKg,
      specificHeatKjPerKgK,
      boilingPointC,
      ambientC,
    );
    return { value, source: 'burgess' as const };
  }
  const fromTable = chemical?.poolBurningRateKgPerM2S ?? null;
  if (fromTable === null) {
    throw new ConsequenceError('calc.consequence_invalid_input', {
      fields: [
        {
          path: 'burningRate',
          code: 'calc.consequence_invalid_input',
          message: 'required for this chemical',
        },
      ],
      details: { field: 'burningRate', chemical: chemical?.key ?? null },
    });
  }
  return { value: fromTable, source: 'table' as const };
}

/** Warnings for a distance within 1.5 D (engulfment) or 5 D (point source inaccurate) of the pool. */
export function poolDistanceWarnings(distanceM: number, diameterM: number): ConsequenceWarning[] {
  if (distanceM < 1.5 * diameterM) {
    return [
      consequenceWarning('within_1_5_pool_diameters', {
        distanceM: roundForText(distanceM),
        limitM: roundForText(1.5 * diameterM),
      }),
    ];
  }
  if (distanceM < 5 * diameterM) {
    return [
      consequenceWarning('point_source_near_field', {
        distanceM: roundForText(distanceM),
        limitM: roundForText(5 * diameterM),
      }),
    ];
  }
  return [];
}

/** POST /api/v1/calc/consequence/pool-fire: flame, radiated power, thermal zones and effects. */
export function calculatePoolFire(request: PoolFireRequest): PoolFireResponse {
  const chemical = request.chemical === undefined ? null : requireConsequenceChemical(request.chemical);
  const heatMj = fuelHeat(request, chemical);
  const diameterM = request.poolDiameterM ?? Math.sqrt((4 * (request.poolAreaM2 ?? NaN)) / Math.PI);
  const rate = burningRate(request, chemical, heatMj);
  const source: PoolFireSource = {
    diameterM,
    burningRateKgPerM2S: rate.value,
    heatOfCombustionMjPerKg: heatMj,
    radiativeFraction: request.radiativeFraction,
    transmissivity: request.transmissivity,
  };
  const areaM2 = (Math.PI * diameterM ** 2) / 4;
  const zones = request.thresholds.map((t) =>
    thermalZone(t, request.exposureS, (q) => poolFireDistanceForFlux(source, q)),
  );
  const receptors = request.distancesM.map((distanceM) => {
    const fluxKwPerM2 = poolFireFluxKw(source, distanceM);
    return { distanceM, fluxKwPerM2, ...thermalEffect(fluxKwPerM2, request.exposureS, request.probit) };
  });
  return {
    model: modelInfoResponse(poolFireModelInfo),
    chemical: chemical === null ? null : summariseChemical(chemical),
    poolDiameterM: diameterM,
    poolAreaM2: areaM2,
    burningRateKgPerM2S: rate.value,
    burningRateSource: rate.source,
    heatOfCombustionMjPerKg: heatMj,
    flameHeightM: thomasFlameHeightM(diameterM, rate.value, request.airDensityKgPerM3),
    heatReleaseRateMw: rate.value * areaM2 * heatMj,
    radiatedPowerMw: poolFireRadiatedPowerW(source) / 1e6,
    zones,
    receptors,
    warnings: uniqueWarnings(
      [...zones.map((z) => z.distanceM), ...request.distancesM].flatMap((x) =>
        poolDistanceWarnings(x, diameterM),
      ),
    ),
  };
}
