import { overpressureCurves, scaledDistanceFor, type OverpressureCurve } from './blast-overpressure.ts';
import type { ConsequenceChemical } from './consequence-chemicals.ts';
import { ConsequenceError } from './consequence.errors.ts';
import {
  modelInfoResponse,
  type BilingualText,
  type ConsequenceModelInfo,
} from './consequence-model-info.ts';
import { defaultOverpressureKpa, overpressureLevels } from './consequence-threshold-inputs.ts';
import { consequenceWarning, uniqueWarnings, type ConsequenceWarning } from './consequence-warnings.ts';
import { summariseChemical } from './dispersion-substance.ts';
import { requireConsequenceChemical } from './find-consequence-chemical.ts';
import { blastProbit, probabilityFromProbit } from './probits.ts';
import { cnDeathRadiusM, tntEquivalent } from './tnt-equivalency.ts';
import type { VceRequest, VceResponse } from './vce.schema.ts';

/** Named overpressure levels: ALOHA levels of concern and the Chinese injury boundaries (§1.9). */
const levelLabels: ReadonlyMap<number, BilingualText> = new Map(
  overpressureLevels.map((level) => [level.kpa, level.label]),
);

const cnDefaultKpa = defaultOverpressureKpa;
const alohaDefaultKpa = [55, 24, 6.9];

export function vceModelInfo(request: VceRequest, curve: OverpressureCurve): ConsequenceModelInfo {
  const cn = request.method.kind === 'cn_ground_factor';
  return {
    id: `vce_tnt_${request.method.kind}_${curve.id}`,
    zh: `蒸气云爆炸 TNT 当量法（${cn ? '1.8·α 地面爆炸系数' : '爆炸效率 η'}，${curve.name.zh}超压曲线）`,
    en: `Vapour-cloud explosion, TNT equivalency (${cn ? '1.8·α ground factor' : 'yield η'}, ${curve.name.en} curve)`,
    source: `consequence-models.md §1.6, §1.9; ${curve.source}`,
    assumptions: [
      {
        zh: '爆炸视为位于云团中心地面处的 TNT 点源，距离自云团中心起算',
        en: 'The explosion is a TNT point charge at the cloud centre on the ground; distances from the cloud centre',
      },
      {
        zh: '燃料质量为云团中处于爆炸极限内的可燃物质量',
        en: 'The fuel mass is the flammable mass in the cloud',
      },
      {
        zh: '未考虑受限程度和障碍物密集度（多能法/BST 需要这些输入）',
        en: 'Confinement and congestion are not modelled (multi-energy or BST would need them)',
      },
    ],
    limits: [
      {
        zh: 'TNT 当量法在近场（云团内部）误差大',
        en: 'TNT equivalency is poor in the near field, inside the cloud',
      },
      {
        zh: `超压曲线适用比例距离 ${curve.validRange === null ? '来源未给出' : `${curve.validRange.min}～${curve.validRange.max}`}`,
        en: `Curve valid for scaled distances ${curve.validRange === null ? 'not stated by the source' : `${curve.validRange.min} to ${curve.validRange.max}`}`,
      },
    ],
  };
}

function heatOfCombustion(request: VceRequest, chemical: ConsequenceChemical | null): number {
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

function rangeWarnings(curve: OverpressureCurve, z: number): ConsequenceWarning[] {
  const range = curve.validRange;
  if (range === null || (z >= range.min && z <= range.max)) return [];
  return [
    consequenceWarning('scaled_distance_out_of_range', {
      scaledDistance: Number(z.toPrecision(3)),
      curve: curve.id,
      min: range.min,
      max: range.max,
    }),
  ];
}

interface Scaling {
  readonly curve: OverpressureCurve;
  readonly ambientKpa: number;
  /** R = Z × lengthScale. */
  readonly lengthScaleM: number;
}

function zoneFor(scaling: Scaling, overpressureKpa: number) {
  const label = levelLabels.get(overpressureKpa) ?? {
    zh: `${overpressureKpa} kPa`,
    en: `${overpressureKpa} kPa`,
  };
  const z = scaledDistanceFor(scaling.curve, overpressureKpa, scaling.ambientKpa);
  if (z === null)
    return { overpressureKpa, label, status: 'not_reached' as const, radiusM: 0, scaledDistance: null };
  return {
    overpressureKpa,
    label,
    status: 'reached' as const,
    radiusM: z * scaling.lengthScaleM,
    scaledDistance: z,
  };
}

function receptorFor(scaling: Scaling, distanceM: number) {
  const scaledDistance = distanceM / scaling.lengthScaleM;
  const overpressureKpa = Math.max(0, scaling.curve.overpressureKpa(scaledDistance, scaling.ambientKpa));
  const p = (id: Parameters<typeof blastProbit>[0]) =>
    overpressureKpa > 0 ? probabilityFromProbit(blastProbit(id, overpressureKpa * 1000)) : 0;
  return {
    distanceM,
    scaledDistance,
    overpressureKpa,
    probabilities: {
      lungHaemorrhageDeath: p('lung_haemorrhage_eisenberg'),
      eardrumRupture: p('eardrum_rupture'),
      structuralDamage: p('structural_damage'),
      glassBreakage: p('glass_breakage'),
    },
  };
}

/** POST /api/v1/calc/consequence/vce/tnt: TNT mass, overpressure radii and effects at distances. */
export function calculateVce(request: VceRequest): VceResponse {
  const chemical = request.chemical === undefined ? null : requireConsequenceChemical(request.chemical);
  const heat = heatOfCombustion(request, chemical);
  const cn = request.method.kind === 'cn_ground_factor';
  const curve = overpressureCurves[request.curve ?? (cn ? 'cn_energy_scaled' : 'kingery_bulmash')];
  const { tntMassKg, energyJ } = tntEquivalent(request.fuelMassKg, heat, request.method);
  const ambientKpa = request.ambientPressureKpa;
  const lengthScaleM =
    curve.scaling === 'mass' ? tntMassKg ** (1 / 3) : (energyJ / (ambientKpa * 1000)) ** (1 / 3);
  const scaling: Scaling = { curve, ambientKpa, lengthScaleM };
  const zones = (request.thresholdsKpa ?? (cn ? cnDefaultKpa : alohaDefaultKpa)).map((p) =>
    zoneFor(scaling, p),
  );
  const receptors = request.distancesM.map((r) => receptorFor(scaling, r));
  const scaled = [
    ...zones.flatMap((zone) => zone.scaledDistance ?? []),
    ...receptors.map((r) => r.scaledDistance),
  ];
  return {
    model: modelInfoResponse(vceModelInfo(request, curve)),
    chemical: chemical === null ? null : summariseChemical(chemical),
    heatOfCombustionMjPerKg: heat,
    tntMassKg,
    energyJ,
    curve: { id: curve.id, source: curve.source },
    deathRadiusM: cn ? cnDeathRadiusM(tntMassKg) : null,
    zones,
    receptors,
    warnings: uniqueWarnings([
      ...(cn && curve.surfaceBurst ? [consequenceWarning('reflection_double_counted')] : []),
      ...scaled.flatMap((z) => rangeWarnings(curve, z)),
    ]),
  };
}
