/*
 * When a failed submission is tried again. Transient answers (no connection, 5xx, 408 timeout,
 * 409 conflict, 429 too many requests) are retried with exponential back-off; any other 4xx means
 * the request itself is wrong and will never succeed, so the item stops and shows why.
 * Two exceptions, from the server contract (docs/enforcement.md):
 * - the 409s that say the submission can never apply — the inspection was completed by another
 *   submission or cancelled, or this clientSubmissionId was used with another body — fail at once;
 * - 401: the item is fine but the session ended (an inspector offline for hours), so it waits for
 *   the next sign-in instead of failing.
 */

export type FailureDecision = 'retry' | 'wait_for_sign_in' | 'fail';

const RETRIED_CLIENT_ERRORS = new Set([408, 409, 429]);
const FINAL_CONFLICTS = new Set(['enforcement.inspection_closed', 'enforcement.submission_conflict']);

/** `status` 0 = no answer (offline, DNS, connection reset); `code` = the server's error code. */
export function decideOnFailure(status: number, code = ''): FailureDecision {
  if (status === 401) return 'wait_for_sign_in';
  if (status === 409 && FINAL_CONFLICTS.has(code)) return 'fail';
  if (status >= 400 && status < 500 && !RETRIED_CLIENT_ERRORS.has(status)) return 'fail';
  return 'retry';
}

export const RETRY_BASE_MS = 2_000;
export const RETRY_MAX_MS = 5 * 60_000;

/**
 * Delay before attempt `attempts + 1`: 2 s, 4 s, 8 s … capped at 5 minutes, each scaled by a
 * factor in [0.5, 1) so that phones coming back online together do not retry in lock-step.
 * `random` is a value in [0, 1).
 */
export function retryDelayMs(attempts: number, random: number): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 30));
  const ceiling = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** exponent);
  return Math.round(ceiling * (0.5 + Math.min(Math.max(random, 0), 0.999_999) / 2));
}
