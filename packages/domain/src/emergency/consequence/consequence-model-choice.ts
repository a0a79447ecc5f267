import type { ConsequenceChemical } from './consequence-chemicals.ts';
import type { BilingualText } from './consequence-model-info.ts';

/**
 * Which consequence model the incident command panel opens with, from what happened and what is
 * involved (consequence-models.md §1): a fire burns a liquid as a pool fire and a pressurised
 * liquefied gas as a BLEVE fireball; an explosion of a flammable cloud is a vapour-cloud explosion;
 * a toxic release disperses as a plume (continuous) or a puff (all at once). The officer may still
 * choose another model; this only spares a wrong first answer (a plume for a burning petrol tank).
 */
export const consequenceScenarios = ['continuous', 'instantaneous', 'vce', 'bleve', 'pool_fire'] as const;
export type ConsequenceScenario = (typeof consequenceScenarios)[number];

/** What the incident is, as the model choice needs it. */
export type IncidentEvent = 'fire' | 'explosion' | 'toxic_release' | 'other';

/**
 * GB 6441-1986 accident types that decide the model: 08 火灾; 13–18 放炮 … 其他爆炸; 19 中毒和窒息.
 * Other types (and codes of another classification) choose by the chemical alone.
 */
const eventOfGb6441: Readonly<Record<string, IncidentEvent>> = {
  '08': 'fire',
  '13': 'explosion',
  '14': 'explosion',
  '15': 'explosion',
  '16': 'explosion',
  '17': 'explosion',
  '18': 'explosion',
  '19': 'toxic_release',
};

export function incidentEventOf(accidentType: string | null | undefined): IncidentEvent {
  return eventOfGb6441[accidentType?.trim() ?? ''] ?? 'other';
}

/**
 * How the flammable substances of the chemical table are stored, which decides what burns:
 * liquids at ambient temperature (and refrigerated liquefied gases) form pools; gases liquefied under
 * pressure flash and make fireballs; compressed gases neither (their jet fires are not modelled).
 */
export type StorageState = 'liquid' | 'refrigerated_liquid' | 'pressurised_liquefied_gas' | 'compressed_gas';

const storageStates: Readonly<Record<string, StorageState>> = {
  gasoline: 'liquid',
  methane: 'refrigerated_liquid', // LNG
  propane: 'pressurised_liquefied_gas',
  n_butane: 'pressurised_liquefied_gas',
  lpg: 'pressurised_liquefied_gas',
  ethylene: 'pressurised_liquefied_gas',
  acetylene: 'compressed_gas', // dissolved in acetone in cylinders
  hydrogen: 'compressed_gas',
};

export function storageStateOf(chemical: Pick<ConsequenceChemical, 'key'>): StorageState | null {
  return storageStates[chemical.key] ?? null;
}

export interface ConsequenceModelChoice {
  readonly scenario: ConsequenceScenario;
  /** Why this model, shown under the choice. */
  readonly reason: BilingualText;
}

const choice = (scenario: ConsequenceScenario, zh: string, en: string): ConsequenceModelChoice => ({
  scenario,
  reason: { zh, en },
});

function fireChoice(state: StorageState | null): ConsequenceModelChoice {
  switch (state) {
    case 'liquid':
    case 'refrigerated_liquid':
      return choice('pool_fire', '火灾：可燃液体泄漏形成液池燃烧，按池火计算', 'Fire: a burning liquid pool');
    case 'pressurised_liquefied_gas':
      return choice(
        'bleve',
        '火灾：加压液化气体储罐受火可能发生沸腾液体扩展蒸气爆炸，按火球计算',
        'Fire: a pressurised liquefied gas vessel in a fire may BLEVE; fireball',
      );
    default:
      return choice(
        'vce',
        '火灾：压缩气体喷射火不在模型之内，按泄漏气体形成蒸气云爆炸估算',
        'Fire: jet fires are not modelled; the released gas is taken as an exploding cloud',
      );
  }
}

/**
 * The model for an incident type (GB 6441 code, or null when not yet known) and chemical.
 * `instantaneous`: the contents were lost at once (a vessel burst) rather than leaking steadily.
 */
export function defaultConsequenceModel(input: {
  readonly accidentType: string | null | undefined;
  readonly chemical: Pick<ConsequenceChemical, 'key' | 'primaryHazard'>;
  readonly instantaneous?: boolean;
}): ConsequenceModelChoice {
  const event = incidentEventOf(input.accidentType);
  const flammable = input.chemical.primaryHazard === 'flammable';
  const state = storageStateOf(input.chemical);
  if (flammable && event === 'fire') return fireChoice(state);
  if (flammable && event === 'explosion')
    return choice(
      'vce',
      '爆炸：可燃气体云团被点燃，按蒸气云爆炸计算',
      'Explosion: an ignited flammable cloud',
    );
  const vesselBurst = input.instantaneous === true || (event === 'explosion' && !flammable);
  if (vesselBurst) {
    return choice(
      'instantaneous',
      '容器破裂、物料瞬间全部释放，按高斯烟团计算',
      'The contents were released at once (vessel burst): Gaussian puff',
    );
  }
  if (flammable && event === 'other' && state === 'liquid')
    return choice(
      'pool_fire',
      '可燃液体泄漏，最可能的后果是池火',
      'A flammable liquid spill: a pool fire is likeliest',
    );
  return choice(
    'continuous',
    '持续泄漏，按高斯烟羽计算下风向浓度',
    'A continuing release: Gaussian plume downwind',
  );
}
