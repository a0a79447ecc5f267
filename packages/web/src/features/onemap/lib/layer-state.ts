/** Toggle keys of the one-map's layer panel. */
export type LayerKey =
  | 'boundaries'
  | 'enterprises'
  | 'major_hazard_source'
  | 'tailings_pond'
  | 'mines'
  | 'waste_dump'
  | 'pipeline'
  | 'park'
  /** Geological-hazard sites and forest-fire risk areas (decision 0006). */
  | 'natural_hazards'
  /** 企业主体责任缺项: enterprises with a certificate gap or no mandatory insurance (off by default). */
  | 'obligation_gaps';

export const allLayers: readonly LayerKey[] = [
  'boundaries',
  'enterprises',
  'major_hazard_source',
  'tailings_pond',
  'mines',
  'waste_dump',
  'pipeline',
  'park',
  'natural_hazards',
  'obligation_gaps',
];

/** The layers shown when the page opens. */
export const defaultLayers: readonly LayerKey[] = allLayers.filter((key) => key !== 'obligation_gaps');

/** What the layer panel edits: shown layers, and sectors and hazard levels switched off inside theirs. */
export interface PanelState {
  shown: LayerKey[];
  hiddenSectors: string[];
  hiddenLevels: number[];
}
