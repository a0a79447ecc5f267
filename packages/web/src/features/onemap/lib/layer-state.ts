/** Toggle keys of the one-map's layer panel. */
export type LayerKey =
  | 'boundaries'
  | 'enterprises'
  | 'major_hazard_source'
  | 'tailings_pond'
  | 'mines'
  | 'waste_dump'
  | 'pipeline'
  | 'park';

export const allLayers: readonly LayerKey[] = [
  'boundaries',
  'enterprises',
  'major_hazard_source',
  'tailings_pond',
  'mines',
  'waste_dump',
  'pipeline',
  'park',
];

/** What the layer panel edits: shown layers, and sectors and hazard levels switched off inside theirs. */
export interface PanelState {
  shown: LayerKey[];
  hiddenSectors: string[];
  hiddenLevels: number[];
}
