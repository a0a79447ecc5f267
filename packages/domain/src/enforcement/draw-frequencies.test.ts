import { describe, expect, it } from 'vitest';
import { runDraw } from './draw.ts';
import { ids, seedOf, uniformRecord, weightedRecord } from './draw.test-fixtures.ts';

// The draw's statistical tests (30,000 draws, most of the domain suite's time), in a file of their
// own so that the two test workers run them beside the rest of the suite.
/*
 * Statistics. The seeds are fixed (SM3 of a label and a counter), so these tests are deterministic;
 * they would fail for a biased algorithm, not by bad luck on one run.
 */
// Compute-bound by design (about 2 s each on an idle machine): a timeout that a loaded machine cannot trip.
describe('frequencies over 10,000 simulated draws', { timeout: 60_000 }, () => {
  const trials = 10_000;

  it('uniform: every enterprise is drawn equally often (chi-square, α = 0.001)', () => {
    // M = 20 enterprises, N = 5 per draw: each is drawn with p = N/M, expected count E = T·p = 2500.
    // Draws without replacement make the counts negatively correlated (Cov = −T·p(1−p)/(M−1)), so
    // X² = Σ (Oᵢ − E)² / (E·(1 − p)) follows χ² with M − 1 = 19 degrees of freedom.
    // Critical value χ²₀.₉₉₉(19) = 43.820 (standard tables).
    const M = 20;
    const N = 5;
    const record = uniformRecord({
      enterpriseCount: N,
      pool: ids('e', M).map((enterpriseId) => ({ enterpriseId })),
      conflicts: [],
      exclusion: { periodDays: 0, excludedEnterpriseIds: [] },
    });
    const counts = new Map<string, number>();
    for (let t = 0; t < trials; t++) {
      for (const s of runDraw(record, seedOf('chi-square', t)).selections) {
        counts.set(s.enterpriseId, (counts.get(s.enterpriseId) ?? 0) + 1);
      }
    }
    const p = N / M;
    const expected = trials * p;
    const statistic =
      ids('e', M).reduce((sum, id) => sum + ((counts.get(id) ?? 0) - expected) ** 2, 0) /
      (expected * (1 - p));
    expect(counts.size).toBe(M);
    expect(statistic).toBeLessThan(43.82);
  });

  it('risk-weighted: the first pick is proportional to the weights', () => {
    // Weights 1, 2, 4, 8, 9, 16 (Σ = 40). Each share must be within 4 binomial standard errors,
    // √(p(1−p)/T), of wᵢ/Σw; and the counts pass chi-square with 5 degrees of freedom,
    // critical value χ²₀.₉₉₉(5) = 20.515.
    const record = weightedRecord({ enterpriseCount: 1 });
    const counts = new Map<string, number>();
    for (let t = 0; t < trials; t++) {
      const first = runDraw(record, seedOf('weighted', t)).selections[0]!;
      counts.set(first.enterpriseId, (counts.get(first.enterpriseId) ?? 0) + 1);
    }
    let statistic = 0;
    for (const entry of record.pool) {
      const p = entry.weight! / 40;
      const observed = (counts.get(entry.enterpriseId) ?? 0) / trials;
      expect(Math.abs(observed - p)).toBeLessThanOrEqual(4 * Math.sqrt((p * (1 - p)) / trials));
      statistic += (observed * trials - p * trials) ** 2 / (p * trials);
    }
    expect(statistic).toBeLessThan(20.515);
  });

  it('risk-weighted: a listed enterprise is drawn about twice as often as the same enterprise unlisted', () => {
    // w5 (level 1, one hazard: 9) against w6 (level 1, listed: 16) — the multiplier at work.
    const record = weightedRecord({ enterpriseCount: 1 });
    let listed = 0;
    let levelOne = 0;
    for (let t = 0; t < trials; t++) {
      const id = runDraw(record, seedOf('weighted', t)).selections[0]!.enterpriseId;
      if (id === 'w6') listed += 1;
      if (id === 'w4') levelOne += 1;
    }
    // w4 has weight 8 (level 1 alone); w6 has 16 = 8 × 2.
    expect(listed / levelOne).toBeGreaterThan(1.8);
    expect(listed / levelOne).toBeLessThan(2.2);
  });
});
