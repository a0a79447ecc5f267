export { platformErrors } from './platform.ts';
export { registryErrors } from './registry.ts';
export { dualPreventionErrors } from './dual-prevention.ts';
export { monitoringErrors } from './monitoring.ts';
export { enforcementErrors } from './enforcement.ts';
export { emergencyErrors } from './emergency.ts';
export { calcErrors } from './calc.ts';
export { warningsErrors } from './warnings.ts';
