import { consequenceChemicals } from './consequence-chemicals.ts';
import { mgPerM3ToPpm, ppmToMgPerM3 } from './concentration-units.ts';
import type { ProbitRequest, ProbitResponse } from './probit.schema.ts';
import {
  blastProbit,
  probabilityFromProbit,
  thermalProbit,
  toxicProbit,
  toxicProbitConstants,
  type ToxicProbitId,
} from './probits.ts';

const thermalFormulas: Record<string, string> = {
  eisenberg: 'Y = −38.48 + 2.56 ln(t·q^{4/3}), q W/m², t s (Eisenberg; HyRAM [V])',
  tsao_perry: 'Y = −36.38 + 2.56 ln(t·q^{4/3}), q W/m², t s (Tsao & Perry; HyRAM [V])',
  tno: 'Y = −37.23 + 2.56 ln(t·q^{4/3}), q W/m², t s (TNO; HyRAM [V])',
  lees: 'Y = −29.02 + 1.99 ln(0.5·t·q^{4/3}), q W/m², t s (Lees; HyRAM [V])',
};

const blastFormulas: Record<string, string> = {
  lung_haemorrhage_eisenberg: 'Y = −77.1 + 6.91 ln(p), p Pa (Eisenberg; HyRAM [V])',
  lung_haemorrhage_hse: 'Y = 5.13 + 1.37 ln(p·10⁻⁵), p Pa (HSE; HyRAM [V])',
  eardrum_rupture: 'Y = −15.6 + 1.93 ln(p), p Pa (Crowl Table 2-5 [R])',
  structural_damage: 'Y = −23.8 + 2.92 ln(p), p Pa (Crowl Table 2-5 [R])',
  glass_breakage: 'Y = −18.1 + 2.79 ln(p), p Pa (Crowl Table 2-5 [R])',
};

function toxicConcentration(id: ToxicProbitId, ppm: number | undefined, mg: number | undefined): number {
  const { chemicalKey, unit } = toxicProbitConstants[id];
  const molarMass = consequenceChemicals.find((c) => c.key === chemicalKey)?.molarMassGPerMol ?? NaN;
  if (unit === 'ppm') return ppm ?? mgPerM3ToPpm(mg ?? NaN, molarMass);
  return mg ?? ppmToMgPerM3(ppm ?? NaN, molarMass);
}

function toxicResult(request: Extract<ProbitRequest, { effect: 'toxic' }>) {
  const constants = toxicProbitConstants[request.model];
  const c = toxicConcentration(request.model, request.concentrationPpm, request.concentrationMgPerM3);
  return {
    probit: toxicProbit(request.model, c, request.durationMin),
    formula: `Y = ${constants.a} + ${constants.b} ln(C^${constants.n}·T), C ${constants.unit}, T min`,
    source: constants.source,
  };
}

/** POST /api/v1/calc/consequence/probit. */
export function calculateProbit(request: ProbitRequest): ProbitResponse {
  const result =
    request.effect === 'thermal'
      ? {
          probit: thermalProbit(request.model, request.fluxKwPerM2 * 1000, request.exposureS),
          formula: thermalFormulas[request.model] ?? '',
          source: 'consequence-models.md §1.7',
        }
      : request.effect === 'blast'
        ? {
            probit: blastProbit(request.model, request.overpressureKpa * 1000),
            formula: blastFormulas[request.model] ?? '',
            source: 'consequence-models.md §1.8',
          }
        : toxicResult(request);
  return {
    effect: request.effect,
    model: request.model,
    ...result,
    probability: probabilityFromProbit(result.probit),
  };
}
