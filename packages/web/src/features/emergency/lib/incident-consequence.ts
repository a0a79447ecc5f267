import {
  consequenceScenarios,
  dispersionThresholdRequest,
  type BleveResponse,
  type ConsequenceScenario,
  type DispersionThresholdInput,
  type FootprintResponse,
  type PoolFireResponse,
  type VceResponse,
} from '@anjian/domain';
import type { LonLat, ZoneShape } from './incident-geo.ts';

/**
 * The 辅助决策 panel's scenario as the duty officer types it, turned into a request for the public
 * consequence calculators (POST /calc/consequence/...) and their answers turned into map zones.
 */
export { consequenceScenarios };
export type { ConsequenceScenario };

export interface ThermalThresholdInput {
  fluxKwPerM2: number;
  exposureS: number;
}

export type StabilityInput =
  | { mode: 'class'; stabilityClass: 'A' | 'B' | 'C' | 'D' | 'E' | 'F' }
  | { mode: 'day'; insolation: 'strong' | 'moderate' | 'slight' }
  | { mode: 'night'; cloud: 'cloudy' | 'clear' }
  | { mode: 'overcast' };

/** The stability as the form holds it: every choice kept, one mode in force. */
export interface StabilityForm {
  mode: StabilityInput['mode'];
  stabilityClass: 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
  insolation: 'strong' | 'moderate' | 'slight';
  cloud: 'cloudy' | 'clear';
}

export function stabilityInputOf(form: StabilityForm): StabilityInput {
  switch (form.mode) {
    case 'class':
      return { mode: 'class', stabilityClass: form.stabilityClass };
    case 'day':
      return { mode: 'day', insolation: form.insolation };
    case 'night':
      return { mode: 'night', cloud: form.cloud };
    case 'overcast':
      return { mode: 'overcast' };
  }
}

export interface ConsequenceDraft {
  scenario: ConsequenceScenario;
  /** A name the calculator's chemical table knows (氯, 液化石油气 …). */
  chemical: string;
  rateKgPerS: number;
  massKg: number;
  releaseHeightM: number;
  fuelMassKg: number;
  poolDiameterM: number;
  windSpeedMPerS: number;
  /** Where the wind comes from, degrees clockwise from north. */
  windFromDeg: number;
  stability: StabilityInput;
  terrain: 'rural' | 'urban';
  /** Levels of concern of a dispersion (concentrations), a VCE (kPa) and a fire (kW/m² for a time). */
  dispersionThresholds: DispersionThresholdInput[];
  overpressureKpa: number[];
  thermalThresholds: ThermalThresholdInput[];
}

export interface ConsequenceCall {
  path: string;
  body: Record<string, unknown>;
}

function stabilityBody(stability: StabilityInput): unknown {
  switch (stability.mode) {
    case 'class':
      return stability.stabilityClass;
    case 'day':
      return { period: 'day', insolation: stability.insolation };
    case 'night':
      return { period: 'night', cloud: stability.cloud };
    case 'overcast':
      return { period: 'overcast_or_transition' };
  }
}

const thermalBody = (list: readonly ThermalThresholdInput[]) =>
  list.map(({ fluxKwPerM2, exposureS }) => ({ fluxKwPerM2, exposureS }));

/** The calculator and body for a scenario at the incident site. */
export function consequenceCall(draft: ConsequenceDraft, source: LonLat): ConsequenceCall {
  const chemical = draft.chemical.trim();
  switch (draft.scenario) {
    case 'continuous':
    case 'instantaneous':
      return {
        path: '/calc/consequence/footprint',
        body: {
          chemical,
          release:
            draft.scenario === 'continuous'
              ? { kind: 'continuous', rateKgPerS: draft.rateKgPerS }
              : { kind: 'instantaneous', massKg: draft.massKg },
          releaseHeightM: draft.releaseHeightM,
          source: [source[0], source[1]],
          weather: {
            windSpeedMPerS: draft.windSpeedMPerS,
            windFromDeg: draft.windFromDeg,
            stability: stabilityBody(draft.stability),
            terrain: draft.terrain,
          },
          thresholds: dispersionThresholdRequest(draft.dispersionThresholds),
        },
      };
    case 'vce':
      return {
        path: '/calc/consequence/vce',
        body: { chemical, fuelMassKg: draft.fuelMassKg, thresholdsKpa: [...draft.overpressureKpa] },
      };
    case 'bleve':
      return {
        path: '/calc/consequence/bleve',
        body: { chemical, fuelMassKg: draft.fuelMassKg, thresholds: thermalBody(draft.thermalThresholds) },
      };
    case 'pool_fire':
      return {
        path: '/calc/consequence/pool-fire',
        body: {
          chemical,
          poolDiameterM: draft.poolDiameterM,
          thresholds: thermalBody(draft.thermalThresholds),
        },
      };
  }
}

export type ZoneColour = 'red' | 'orange' | 'yellow';

export interface DrawnZone {
  key: string;
  label: { zh: string; en: string };
  colour: ZoneColour;
  /** Downwind length (plume) or radius (circle), metres. */
  extentM: number;
  /** Null when the level is not reached: listed, not drawn. */
  shape: ZoneShape | null;
}

export interface Text {
  zh: string;
  en: string;
}

export interface ConsequenceOutcome {
  model: { id: string; zh: string; en: string; source: string; assumptions: Text[]; limits: Text[] };
  zones: DrawnZone[];
  warnings: Text[];
  /** Circle round the source to evacuate, metres. */
  evacuationRadiusM: number;
  evacuationRule: Text;
  /** Cloud travel direction, for the wind arrow; null for fires and explosions. */
  downwindBearingDeg: number | null;
}

const tierColours: readonly ZoneColour[] = ['red', 'orange', 'yellow'];
const colourAt = (index: number): ZoneColour => tierColours[Math.min(index, tierColours.length - 1)]!;
const roundUp10 = (m: number) => Math.ceil(m / 10) * 10;

type Model = ConsequenceOutcome['model'];
const modelOf = (m: FootprintResponse['model']): Model => ({
  id: m.id,
  zh: m.zh,
  en: m.en,
  source: m.source,
  assumptions: m.assumptions,
  limits: m.limits,
});
const warningsOf = (warnings: readonly { zh: string; en: string }[]) =>
  warnings.map(({ zh, en }) => ({ zh, en }));

export function footprintOutcome(answer: FootprintResponse): ConsequenceOutcome {
  return {
    model: modelOf(answer.model),
    zones: answer.zones.map((zone, index) => ({
      key: `${zone.threshold.id}-${index}`,
      label: { zh: zone.threshold.label, en: zone.threshold.label },
      colour: zone.threshold.colour,
      extentM: zone.endM,
      shape:
        zone.status === 'not_reached' || zone.polygon.length < 3
          ? null
          : { kind: 'polygon', ring: zone.polygon as LonLat[] },
    })),
    warnings: warningsOf(answer.warnings),
    evacuationRadiusM: answer.evacuation.suggestedEvacuationRadiusM,
    evacuationRule: answer.evacuation.rule,
    downwindBearingDeg: answer.weather.downwindBearingDeg,
  };
}

/**
 * Explosion and fire zones are circles round the site. The calculators give no evacuation
 * suggestion for them; we take the outermost level reached, rounded up to 10 m, and say so.
 */
function circleOutcome(
  model: Model,
  warnings: readonly Text[],
  rings: { key: string; label: Text; reached: boolean; radiusM: number }[],
  source: LonLat,
): ConsequenceOutcome {
  const zones = rings.map((ring, index) => ({
    key: ring.key,
    label: ring.label,
    colour: colourAt(index),
    extentM: ring.radiusM,
    shape:
      ring.reached && ring.radiusM > 0
        ? { kind: 'circle' as const, centre: source, radiusM: ring.radiusM }
        : null,
  }));
  const outer = Math.max(0, ...zones.filter((z) => z.shape).map((z) => z.extentM));
  return {
    model,
    zones,
    warnings: warningsOf(warnings),
    evacuationRadiusM: roundUp10(outer),
    evacuationRule: {
      zh: '疏散半径取最外层已达到区域的半径，向上取整到 10 m（爆炸、火灾不随风向变化，按圆形区域疏散）',
      en: 'The evacuation radius is the outermost level reached, rounded up to 10 m (blast and heat are circles round the site)',
    },
    downwindBearingDeg: null,
  };
}

export function vceOutcome(answer: VceResponse, source: LonLat): ConsequenceOutcome {
  return circleOutcome(
    modelOf(answer.model),
    answer.warnings,
    answer.zones.map((z) => ({
      key: `kpa-${z.overpressureKpa}`,
      label: z.label,
      reached: z.status === 'reached',
      radiusM: z.radiusM,
    })),
    source,
  );
}

export function thermalOutcome(answer: BleveResponse | PoolFireResponse, source: LonLat): ConsequenceOutcome {
  return circleOutcome(
    modelOf(answer.model),
    answer.warnings,
    answer.zones.map((z) => ({
      key: `kw-${z.fluxKwPerM2}-${z.exposureS}`,
      label: z.label,
      reached: z.status === 'reached',
      radiusM: z.distanceM,
    })),
    source,
  );
}

/** The answer of `consequenceCall(draft)` as zones on the map. */
export function consequenceOutcome(
  scenario: ConsequenceScenario,
  answer: unknown,
  source: LonLat,
): ConsequenceOutcome {
  switch (scenario) {
    case 'continuous':
    case 'instantaneous':
      return footprintOutcome(answer as FootprintResponse);
    case 'vce':
      return vceOutcome(answer as VceResponse, source);
    case 'bleve':
    case 'pool_fire':
      return thermalOutcome(answer as BleveResponse, source);
  }
}

/** The scenarios that make sense for a chemical's main hazard: toxic clouds disperse, fuels burn. */
export function scenariosFor(primaryHazard: string): readonly ConsequenceScenario[] {
  return primaryHazard === 'flammable' ? consequenceScenarios : ['continuous', 'instantaneous'];
}

const scenarioZh: Record<ConsequenceScenario, string> = {
  continuous: '持续泄漏',
  instantaneous: '瞬时泄漏',
  vce: '蒸气云爆炸',
  bleve: '沸腾液体扩展蒸气爆炸火球',
  pool_fire: '池火',
};

/**
 * One line for the incident timeline (in Chinese, like the server's own entries): what was
 * modelled, with which weather, and the answer — so the command log shows what a decision rested on.
 */
export function consequenceSummary(
  draft: ConsequenceDraft,
  outcome: ConsequenceOutcome,
  windName: string,
): string {
  const release =
    draft.scenario === 'continuous'
      ? `${draft.rateKgPerS} kg/s`
      : draft.scenario === 'instantaneous'
        ? `${draft.massKg} kg`
        : draft.scenario === 'pool_fire'
          ? `液池直径 ${draft.poolDiameterM} m`
          : `${draft.fuelMassKg} kg`;
  const weather =
    draft.scenario === 'continuous' || draft.scenario === 'instantaneous'
      ? `，${windName} ${draft.windSpeedMPerS} m/s`
      : '';
  const zones = outcome.zones
    .map((z) => `${z.label.zh} ${z.shape ? `${Math.round(z.extentM)} m` : '未达到'}`)
    .join('；');
  return (
    `辅助决策（${outcome.model.zh}）：${draft.chemical}${scenarioZh[draft.scenario]} ${release}${weather}；` +
    `${zones}；建议疏散半径 ${outcome.evacuationRadiusM} m`
  );
}
