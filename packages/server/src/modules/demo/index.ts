/**
 * Demo data (演示): loaders run once at start when DEMO_DATA is on, and the simulator's devices.
 * The loaders seed through other modules' repositories and services like a migration does, so this
 * module alone may pass their walls (eslint.config.js says so; docs/decisions/0004).
 */
export { loadDemoRegistry } from './demo-data.ts';
export { loadDemoEmergency } from './demo-emergency.ts';
export { loadDemoMajorHazards } from './demo-major-hazards.ts';
export { loadDemoEnforcement } from './demo-enforcement.ts';
export { loadDemoDualPrevention } from './demo-dual-prevention.ts';
export { loadDemoMonitoring, simulatorDevicesFile } from './demo-monitoring.ts';
export { startDemoSimulator } from './demo-simulator.ts';
export { loadDemoWarnings } from './demo-warnings.ts';
export { loadDemoStatistics } from './demo-statistics.ts';
export { loadDemoWhistleblowing } from './demo-whistleblowing.ts';
