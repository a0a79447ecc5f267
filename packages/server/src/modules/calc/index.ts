/** Public calculators (credit code, LEC/LS, GB 18218, consequence models, draw verification). No tables. */
export { registerCalcRoutes as registerCalc } from './calc.routes.ts';
