/**
 * One valid request per consequence calculator: used by the route tests and the authorisation
 * matrix, and a starting point for API users (also in the OpenAPI document's schemas).
 */
export const consequenceExampleBodies: Record<string, Record<string, unknown>> = {
  plume: { chemical: '氯', emissionRateKgPerS: 1, weather: { windSpeedMPerS: 3, stability: 'D' } },
  puff: { chemical: '氯', massKg: 100, weather: { windSpeedMPerS: 3, stability: 'D' } },
  footprint: {
    chemical: '液氯',
    release: { kind: 'continuous', rateKgPerS: 2 },
    source: [102.75, 24.29],
    weather: { windSpeedMPerS: 3, stability: 'D', windFromDeg: 270 },
  },
  vce: { chemical: '液化石油气', fuelMassKg: 1000 },
  bleve: { chemical: '液化石油气', fuelMassKg: 10000 },
  'pool-fire': { chemical: '汽油', poolDiameterM: 10 },
  probit: { effect: 'toxic', model: 'chlorine_withers_lees', concentrationPpm: 50, durationMin: 30 },
};

/** A small public draw record, as the draw page publishes it before the draw. */
export const exampleDrawRecord = {
  algorithm: 'anjian-draw-v1',
  drawId: 'draw-2026-q4-01',
  title: '2026年第四季度危险化学品企业双随机抽查',
  announcedAt: '2026-11-01T09:00:00+08:00',
  mode: 'uniform',
  enterpriseCount: 2,
  inspectorsPerEnterprise: 2,
  pool: ['e01', 'e02', 'e03', 'e04', 'e05'].map((enterpriseId) => ({ enterpriseId })),
  inspectorIds: ['i01', 'i02', 'i03', 'i04'],
  conflicts: [{ enterpriseId: 'e01', inspectorId: 'i01' }],
  exclusion: { periodDays: 365, excludedEnterpriseIds: [] },
} as const;
export const exampleDrawSeed = '8f1c2a9b7d3e4f5061728394a5b6c7d8e9f00112233445566778899aabbccdde';
