import { drawVerificationRequestSchema, runDraw, verifyDraw, type DrawResult } from '@anjian/domain';

export type VerificationFailure =
  | 'invalid_json'
  | 'invalid_shape'
  | 'seed_missing'
  | 'invalid_input'
  | 'commitment_mismatch'
  | 'result_mismatch';

export type VerificationOutcome =
  | { readonly ok: true; readonly recomputed: DrawResult }
  | {
      readonly ok: false;
      readonly reason: VerificationFailure;
      /** The offending field, error code or first differing selection. */
      readonly detail?: string;
      readonly recomputed?: DrawResult;
    };

/**
 * Re-runs a published draw in the browser from its verification record — the JSON answered by
 * GET /api/v1/public/draws/:id, `{record, commitment, seed, result}` — with the same pure code the
 * server ran (anjian-draw-v1). A seed typed separately replaces the one in the JSON.
 */
export function verifyDrawRecord(json: string, seed = ''): VerificationOutcome {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'invalid_json' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { ok: false, reason: 'invalid_shape' };
  const typedSeed = seed.trim();
  const candidate = { ...(parsed as Record<string, unknown>), ...(typedSeed ? { seed: typedSeed } : {}) };
  if (typeof candidate.seed !== 'string' || candidate.seed === '')
    return { ok: false, reason: 'seed_missing' };
  const bundle = drawVerificationRequestSchema.safeParse(candidate);
  if (!bundle.success) {
    const issue = bundle.error.issues[0];
    return { ok: false, reason: 'invalid_shape', detail: issue ? issue.path.join('.') : undefined };
  }
  const { record, commitment, result } = bundle.data;
  const verdict = verifyDraw(record, bundle.data.seed, commitment, result);
  let recomputed: DrawResult | undefined;
  try {
    recomputed = runDraw(record, bundle.data.seed);
  } catch {
    recomputed = undefined;
  }
  if (verdict.ok) return { ok: true, recomputed: recomputed! };
  return {
    ok: false,
    reason: verdict.reason,
    ...(verdict.detail ? { detail: verdict.detail } : {}),
    ...(recomputed ? { recomputed } : {}),
  };
}
