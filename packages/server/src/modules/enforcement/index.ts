/**
 * Enforcement (执法): inspectors and categories, plans, verifiable double-random draws, phone
 * inspections, 文书, penalty cases, discretion, public disclosure and the credit list. Owns the
 * tables enforcement_*, inspections*, penalty_cases*, credit_* and draw_*.
 */
export {
  registerEnforcementRoutes as registerEnforcement,
  type EnforcementDeps,
} from './enforcement.module.ts';
export {
  createInspectionFindings,
  type InspectionFindings,
  type InspectionFinding,
} from './inspection-findings.ts';
export { createEnforcementFacts, type EnforcementFacts } from './enforcement-facts.ts';
export { createInspectionFigures, type InspectionFigures } from './inspection-figures.ts';
