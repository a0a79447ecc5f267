/*
 * Small numeric tools for the consequence models: a bisection on ln x for distances (every
 * threshold distance is found this way, never with a grid), a golden-section search for the maximum
 * of a one-humped curve, and the standard normal distribution for probits.
 */

const maxIterations = 200;

/**
 * The x in [lo, hi] where the decreasing function f(x) falls to `target`, by bisection on ln x
 * (consequence-models.md §1.4: "bisection on ln x"). The caller checks that f(lo) ≥ target ≥ f(hi).
 * Stops when the bracket is narrower than `relativeTolerance` of x.
 */
export function solveDecreasingOnLog(
  f: (x: number) => number,
  target: number,
  lo: number,
  hi: number,
  relativeTolerance = 1e-10,
): number {
  let a = Math.log(lo);
  let b = Math.log(hi);
  for (let i = 0; i < maxIterations && b - a > relativeTolerance; i += 1) {
    const mid = (a + b) / 2;
    if (f(Math.exp(mid)) >= target) a = mid;
    else b = mid;
  }
  return Math.exp((a + b) / 2);
}

/** Same as solveDecreasingOnLog for an increasing f: the x where f(x) rises to `target`. */
export function solveIncreasingOnLog(
  f: (x: number) => number,
  target: number,
  lo: number,
  hi: number,
  relativeTolerance = 1e-10,
): number {
  return solveDecreasingOnLog((x) => -f(x), -target, lo, hi, relativeTolerance);
}

const inverseGolden = (Math.sqrt(5) - 1) / 2;

/** The x in [lo, hi] (lo > 0) where a one-humped f is largest, by golden-section search on ln x. */
export function maximiseOnLog(
  f: (x: number) => number,
  lo: number,
  hi: number,
  relativeTolerance = 1e-9,
): number {
  let a = Math.log(lo);
  let b = Math.log(hi);
  let c = b - inverseGolden * (b - a);
  let d = a + inverseGolden * (b - a);
  let fc = f(Math.exp(c));
  let fd = f(Math.exp(d));
  for (let i = 0; i < maxIterations && b - a > relativeTolerance; i += 1) {
    if (fc >= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - inverseGolden * (b - a);
      fc = f(Math.exp(c));
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + inverseGolden * (b - a);
      fd = f(Math.exp(d));
    }
  }
  return Math.exp((a + b) / 2);
}

/**
 * Complementary error function, Chebyshev fit of Numerical Recipes (erfcc), fractional error below
 * 1.2 × 10⁻⁷ everywhere: ample for a probit whose constants have three significant figures.
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -z * z -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const value = t * Math.exp(poly);
  return x >= 0 ? value : 2 - value;
}

/** Φ(x), the standard normal cumulative distribution. */
export function standardNormalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}
