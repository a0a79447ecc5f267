/**
 * Highest alarm set points of toxic-gas detectors, mg/m³: level 1 (一级, H) ≤ 100 % OEL and level 2
 * (二级, HH) ≤ 200 % OEL (GB/T 50493-2019; rule V2, table V1 — standards.md §6.3). They are both
 * the defaults and the maxima of a detector of that gas measuring in mg/m³. A detector whose range
 * cannot cover them uses 5 % / 10 % IDLH instead; that case is configured per point.
 */
export const toxicGasCodes = [
  'h2s',
  'co',
  'nh3',
  'cl2',
  'so2',
  'no2',
  'hcn',
  'hf',
  'benzene',
  'phosgene',
] as const;
export type ToxicGasCode = (typeof toxicGasCodes)[number];

export interface ToxicGasSetPoints {
  readonly code: ToxicGasCode;
  readonly name: { readonly zh: string; readonly en: string };
  readonly cas: string;
  readonly level1MgPerM3: number;
  readonly level2MgPerM3: number;
}

const gas = (
  code: ToxicGasCode,
  zh: string,
  en: string,
  cas: string,
  level1MgPerM3: number,
  level2MgPerM3: number,
): ToxicGasSetPoints => ({ code, name: { zh, en }, cas, level1MgPerM3, level2MgPerM3 });

export const toxicGasSetPoints: readonly ToxicGasSetPoints[] = [
  gas('h2s', '硫化氢', 'Hydrogen sulphide', '7783-06-4', 10, 20),
  gas('co', '一氧化碳', 'Carbon monoxide', '630-08-0', 20, 40),
  gas('nh3', '氨', 'Ammonia', '7664-41-7', 20, 40),
  gas('cl2', '氯气', 'Chlorine', '7782-50-5', 1, 2),
  gas('so2', '二氧化硫', 'Sulphur dioxide', '7446-09-5', 5, 10),
  gas('no2', '二氧化氮', 'Nitrogen dioxide', '10102-44-0', 5, 10),
  gas('hcn', '氰化氢', 'Hydrogen cyanide', '74-90-8', 1, 2),
  gas('hf', '氟化氢', 'Hydrogen fluoride', '7664-39-3', 2, 4),
  gas('benzene', '苯', 'Benzene', '71-43-2', 6, 12),
  gas('phosgene', '光气', 'Phosgene', '75-44-5', 0.5, 1),
];

export function toxicGasSetPointsOf(code: ToxicGasCode): ToxicGasSetPoints {
  return toxicGasSetPoints.find((entry) => entry.code === code)!;
}
