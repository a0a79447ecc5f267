/** How the live stream retries after losing its connection. */
export interface BackoffPolicy {
  /** Delay before the first retry. */
  readonly initialMs: number;
  /** Never wait longer than this. */
  readonly maxMs: number;
  /** Each failed attempt multiplies the delay by this. */
  readonly factor: number;
  /** Share of the delay that is random (0–1), so that many browsers do not reconnect in step. */
  readonly jitter: number;
}

export const defaultBackoff: BackoffPolicy = Object.freeze({
  initialMs: 1000,
  maxMs: 30_000,
  factor: 2,
  jitter: 0.2,
});

/**
 * Delay before retry number `attempt` (0 = the first retry): initial × factor^attempt, capped at
 * max, then the jitter share replaced by `random()` of it — from (1 − jitter) × delay up to the
 * delay itself, never above max. `random` is injectable for tests.
 */
export function reconnectDelay(
  attempt: number,
  policy: BackoffPolicy = defaultBackoff,
  random: () => number = Math.random,
): number {
  const step = Math.max(0, Math.floor(attempt));
  const base = Math.min(policy.maxMs, policy.initialMs * policy.factor ** step);
  const fixed = base * (1 - policy.jitter);
  return Math.round(fixed + base * policy.jitter * random());
}
