/**
 * Colours of the one-map. Red, orange, yellow and blue are kept for the four major-hazard levels
 * (the 红橙黄蓝 risk convention), so sectors and other layers use other hues.
 */
export const hazardLevelColours: Readonly<Record<number, string>> = {
  1: '#e0252b',
  2: '#f5811f',
  3: '#f2c811',
  4: '#1e6fd9',
};

/** Sector colours by dictionary code; codes added later take a colour from the spare list. */
const sectorColours: Readonly<Record<string, string>> = {
  hazchem_production: '#b0306a',
  hazchem_trading: '#d05c9a',
  hazchem_use: '#8e44ad',
  hazchem_storage: '#c39bd3',
  fireworks: '#a93226',
  non_coal_mine: '#6e4b2a',
  metallurgy: '#37474f',
  nonferrous: '#7f8c8d',
  building_materials: '#a1887f',
  machinery: '#00838f',
  light_industry: '#26a69a',
  textile: '#9ccc65',
  tobacco: '#558b2f',
  commerce: '#5c6bc0',
  construction: '#8d6e63',
  road_transport: '#3949ab',
  other: '#90a4ae',
};
const spare = ['#00695c', '#4e342e', '#283593', '#ad1457', '#6a1b9a', '#2e7d32', '#455a64', '#827717'];
export const NO_SECTOR = '__none__';

export function sectorColour(code: string | null): string {
  if (!code || code === NO_SECTOR) return '#9e9e9e';
  const known = sectorColours[code];
  if (known) return known;
  let hash = 0;
  for (const char of code) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return spare[hash % spare.length]!;
}

export const objectColours = {
  tailings_pond: '#795548',
  mine: '#5e35b1',
  waste_dump: '#827717',
  pipelineOil: '#6d4c41',
  pipelineGas: '#00897b',
  pipelineOther: '#546e7a',
  highConsequence: '#e0252b',
  park: '#8e24aa',
  boundary: '#1d4f91',
  /** 企业主体责任缺项: a dark crimson dashed ring, apart from the hazard levels' red. */
  obligationGap: '#880e4f',
} as const;

export function pipelineColour(medium: unknown): string {
  if (medium === 'natural_gas') return objectColours.pipelineGas;
  if (medium === 'refined_oil' || medium === 'crude_oil') return objectColours.pipelineOil;
  return objectColours.pipelineOther;
}
