import { describe, expect, it } from 'vitest';
import { chooseGb18218Beta } from './beta-factor.ts';
import { gb18218Table1 } from './gb18218-table1.ts';
import { identifyMajorHazard } from './identify-major-hazard.ts';
import { defaultMajorHazardOptions } from './major-hazard-options.ts';
import { resolveGb18218Substance } from './substance-lookup.ts';

/** Q and β reached through a CAS number give the same answer as through the name (GB 18218-2018 Tables 1, 3, 4). */
describe('Q and β by CAS number', () => {
  const unshared = gb18218Table1.flatMap((row) =>
    row.cas
      .filter((cas) => gb18218Table1.filter((other) => other.cas.includes(cas)).length === 1)
      .map((cas) => [row.nameZh, cas, row] as const),
  );

  it.each(unshared)('%s by CAS %s: its own row, Q and Table 3 β', (_name, cas, row) => {
    const found = resolveGb18218Substance(cas);
    expect(found.kind === 'table1' && found.row).toBe(row);
    expect(found.row.criticalQuantityTonnes).toBe(row.criticalQuantityTonnes);
    const beta = row.table3Beta ?? null;
    const choice = beta ? chooseGb18218Beta(found, undefined, defaultMajorHazardOptions) : null;
    expect(choice?.betaText ?? null).toBe(beta);
  });

  it.each([
    ['74-98-6', 'W2', '1.5'],
    ['71-43-2', 'W5.1', '1.5'],
    ['67-56-1', 'W5.3', '1'],
  ])('a chemical outside Table 3 by CAS %s takes Table 4 β of %s', (cas, category, beta) => {
    expect(
      chooseGb18218Beta(resolveGb18218Substance(cas), category, defaultMajorHazardOptions).betaText,
    ).toBe(beta);
  });

  it('grades by CAS exactly as by name', () => {
    const byName = identifyMajorHazard({
      items: [{ substance: '硫化氢', quantityTonnes: '7' }],
      exposedPopulation: 50,
    });
    const byCas = identifyMajorHazard({
      items: [{ substance: '7783-06-4', quantityTonnes: '7' }],
      exposedPopulation: 50,
    });
    // 7/5 = 1.4; R = 1.5 × 5 × 1.4 = 10.5 → 三级
    expect([byCas.s, byCas.r, byCas.level]).toEqual(['1.4000', '10.5000', 3]);
    expect([byName.s, byName.r, byName.level]).toEqual([byCas.s, byCas.r, byCas.level]);
  });
});
