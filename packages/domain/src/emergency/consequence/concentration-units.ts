/**
 * ppm (v/v) ↔ mg/m³ for an ideal gas at 1 atm and 25 °C, the temperature of the AEGL and ERPG
 * tables (consequence-models.md §1.1): C[mg/m³] = C[ppm] · M / Vm with Vm = 24.4654 L/mol.
 */
export const molarVolumeLPerMolAt25C = 24.4654;

export function ppmToMgPerM3(ppm: number, molarMassGPerMol: number): number {
  return (ppm * molarMassGPerMol) / molarVolumeLPerMolAt25C;
}

export function mgPerM3ToPpm(mgPerM3: number, molarMassGPerMol: number): number {
  return (mgPerM3 * molarVolumeLPerMolAt25C) / molarMassGPerMol;
}

/** kg/m³ (the dispersion models' unit) to mg/m³. */
export function kgPerM3ToMgPerM3(kgPerM3: number): number {
  return kgPerM3 * 1e6;
}

export function mgPerM3ToKgPerM3(mgPerM3: number): number {
  return mgPerM3 * 1e-6;
}
