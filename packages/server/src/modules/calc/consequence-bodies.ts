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
