import { multiplyDecimal, reduceByPercent } from './exact-decimal.ts';
import { MonitoringError } from './monitoring.errors.ts';
import type { GradedThresholds } from './point-thresholds.ts';

/*
 * Tailings-dam thresholds derived from the design documents (standards.md §5.3). Thresholds are per
 * dam and per flood season (GB 39496-2020 §6.4.2): the design unit re-does the flood routing before
 * each season, so the point's thresholds are versioned data and these helpers only prefill them.
 */

/** Orange phreatic-depth threshold = 1.1 × red, an empirical factor (GB 51108-2015 §8.3 commentary, V1). */
export const phreaticDepthOrangeFactor = 1.1;

/**
 * Phreatic line (浸润线) depth: red = the minimum burial depth of the outer-slope phreatic line for
 * the dam height (GB 50863 table, not in the reference: enter it from the design); orange = 1.1 ×
 * red. Alarms when the measured depth is below a threshold (low side).
 */
export function phreaticDepthThresholds(redMetres: number): GradedThresholds {
  if (!Number.isFinite(redMetres) || redMetres <= 0) {
    throw new MonitoringError('monitoring.point_invalid', {
      fields: [{ path: 'red', code: 'monitoring.point_invalid', message: 'must be a depth > 0 m' }],
      details: { redMetres },
    });
  }
  return {
    scheme: 'graded',
    side: 'low',
    orange: multiplyDecimal(redMetres, phreaticDepthOrangeFactor),
    red: redMetres,
  };
}

export type TailingsDamLevel = 1 | 2 | 3 | 4 | 5;

/**
 * Minimum dry beach length (m) of an upstream-raised dam by dam level, GB 50863 — from memory of
 * the standard, NOT confirmed (standards.md §5.3 [M]); check against the official text before use.
 */
export const gb50863MinimumDryBeachMetres: Readonly<Record<TailingsDamLevel, number>> = {
  1: 150,
  2: 100,
  3: 70,
  4: 50,
  5: 40,
};

/**
 * Dry beach length: red = the GB 50863 minimum for the dam level. For dams of level 3 and lower the
 * minimum may be reduced by at most 30 % where seepage stability is demonstrated (GB 50863 §4.2.1,
 * V1). Orange is set empirically from the flood-regulation storage (NF): the design unit adds it.
 */
export function dryBeachThresholds(damLevel: TailingsDamLevel, reductionPercent = 0): GradedThresholds {
  const allowed = damLevel >= 3 ? 30 : 0;
  if (!Number.isFinite(reductionPercent) || reductionPercent < 0 || reductionPercent > allowed) {
    throw new MonitoringError('monitoring.point_invalid', {
      fields: [
        {
          path: 'reductionPercent',
          code: 'monitoring.point_invalid',
          message: `at most ${allowed} % for a level-${damLevel} dam`,
        },
      ],
      details: { damLevel, reductionPercent },
    });
  }
  const minimum = gb50863MinimumDryBeachMetres[damLevel];
  return { scheme: 'graded', side: 'low', red: reduceByPercent(minimum, reductionPercent) };
}
