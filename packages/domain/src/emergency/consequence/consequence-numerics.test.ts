import { describe, expect, it } from 'vitest';
import { maximiseOnLog, solveDecreasingOnLog, solveIncreasingOnLog } from './consequence-numerics.ts';

describe('solvers on ln x', () => {
  it('finds where a decreasing power law falls to a target', () => {
    expect(solveDecreasingOnLog((x) => 1e6 / x ** 2, 1, 1, 1e5)).toBeCloseTo(1000, 6);
  });

  it('finds where an increasing function rises to a target', () => {
    expect(solveIncreasingOnLog((x) => Math.log(x), 2, 1, 1e5)).toBeCloseTo(Math.exp(2), 8);
  });

  it('finds the maximum of a one-humped curve', () => {
    // x e^{−x/500} peaks at x = 500.
    expect(maximiseOnLog((x) => x * Math.exp(-x / 500), 1, 1e5)).toBeCloseTo(500, 4);
  });
});
