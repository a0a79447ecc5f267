import { canonicalJson } from './canonical-json.ts';
import { drawEligibility } from './draw-eligibility.ts';
import { createDrawRandom, parseDrawSeed } from './draw-random.ts';
import {
  drawAlgorithmVersion,
  type DrawMode,
  type DrawPoolEntry,
  type DrawPublicRecord,
  normalizeDrawRecord,
} from './draw-record.ts';
import { sampleUniform, sampleWeighted } from './draw-sampling.ts';
import { EnforcementError } from './enforcement.errors.ts';
import { bytesToHex, sm3Digest, utf8Bytes } from './sm3.ts';

/*
 * The double-random draw (双随机), verifiable by anyone (algorithm anjian-draw-v1):
 *
 * 1. Before the draw the bureau publishes the public record (draw-record.ts) and the commitment
 *    SM3(seed ‖ UTF-8(canonical JSON of the normalised record)), seed = 32 secret random bytes.
 * 2. The draw: the eligible enterprises are the pool minus the excluded ids, in canonical order.
 *    N of them are picked — uniform: partial Fisher–Yates; risk_weighted: sequential roulette on the
 *    published integer weights (draw-sampling.ts). Then, for each picked enterprise in pick order,
 *    k inspectors are picked by partial Fisher–Yates from the roster minus the inspectors with a
 *    declared conflict with that enterprise. All random integers come from one stream (draw-random.ts).
 * 3. After the draw the bureau reveals the seed; anyone recomputes the commitment and the result.
 */

/** The algorithm in words, for the public draw page and the published record. */
export const drawAlgorithmDescription: { readonly zh: string; readonly en: string } = Object.freeze({
  zh:
    '抽取前公布抽查记录（企业名录及权重、执法人员名录、回避关系、抽取参数、排除名单）和承诺值 ' +
    'SM3(种子 ‖ 记录的规范化 JSON)；种子为 32 字节保密随机数，抽取后公开。随机数流为 SM3(种子 ‖ 8 字节大端计数器)，' +
    '每块依次取 4 个 64 位无符号整数；取 [0, n) 的整数时拒绝大于等于 2⁶⁴ − (2⁶⁴ mod n) 的值，再取余，避免取模偏差。' +
    '等概率模式对排除后的企业（按编号排序）做部分 Fisher–Yates 洗牌；风险加权模式按整数权重逐次轮盘抽取、不放回。' +
    '然后按抽中顺序，为每家企业从无回避关系的执法人员中以部分 Fisher–Yates 抽取规定人数。任何人用公开的记录和种子重算，结果必须一致。',
  en:
    'Before the draw the bureau publishes the record (enterprise pool with weights, inspector roster, declared ' +
    'conflicts, parameters, exclusions) and the commitment SM3(seed ‖ canonical JSON of the record); the seed is 32 ' +
    'secret random bytes, revealed after the draw. Random words come from SM3(seed ‖ 8-byte big-endian counter), four ' +
    'unsigned 64-bit words a block; an integer in [0, n) rejects words ≥ 2⁶⁴ − (2⁶⁴ mod n) before taking the ' +
    'remainder, so there is no modulo bias. Uniform mode runs a partial Fisher–Yates shuffle over the eligible ' +
    'enterprises sorted by id; risk-weighted mode picks by integer-weight roulette without replacement. Then, in pick ' +
    'order, each enterprise gets its inspectors by partial Fisher–Yates from those without a declared conflict. ' +
    'Anyone can re-run it from the record and the seed and must get the same result.',
});

export interface DrawSelection {
  /** 1 for the first pick. */
  readonly rank: number;
  readonly enterpriseId: string;
  readonly weight?: number;
  /** The inspectors paired with the enterprise, in the order drawn. */
  readonly inspectorIds: readonly string[];
}

export interface DrawResult {
  readonly algorithm: typeof drawAlgorithmVersion;
  readonly drawId: string;
  readonly commitment: string;
  readonly mode: DrawMode;
  /** Enterprises that could be drawn, after the exclusions. */
  readonly eligibleCount: number;
  /** Risk-weighted draws: the sum of the eligible weights. */
  readonly totalWeight?: number;
  readonly selections: readonly DrawSelection[];
}

function commitmentOf(normalised: DrawPublicRecord, seed: Uint8Array): string {
  const record = utf8Bytes(canonicalJson(normalised));
  const input = new Uint8Array(seed.length + record.length);
  input.set(seed);
  input.set(record, seed.length);
  return bytesToHex(sm3Digest(input));
}

/** The commitment published before the draw: SM3(seed ‖ canonical JSON of the record), hex. */
export function drawCommitment(record: DrawPublicRecord, seedHex: string): string {
  return commitmentOf(normalizeDrawRecord(record), parseDrawSeed(seedHex));
}

/**
 * Runs the draw. Pure and deterministic: the same record (in any order) and seed give the same
 * result everywhere. Throws EnforcementError for an invalid record or seed, or an infeasible draw.
 */
export function runDraw(record: DrawPublicRecord, seedHex: string): DrawResult {
  const normalised = normalizeDrawRecord(record);
  const seed = parseDrawSeed(seedHex);
  const eligibility = drawEligibility(normalised);
  const random = createDrawRandom(seed);
  const weighted = normalised.mode === 'risk_weighted';
  const weightOf = (entry: DrawPoolEntry) => entry.weight ?? 1;
  const picks = weighted
    ? sampleWeighted(eligibility.enterprises, weightOf, normalised.enterpriseCount, random)
    : sampleUniform(eligibility.enterprises, normalised.enterpriseCount, random);
  const selections = picks.map((entry, index) => ({
    rank: index + 1,
    enterpriseId: entry.enterpriseId,
    ...(weighted ? { weight: weightOf(entry) } : {}),
    inspectorIds: sampleUniform(
      eligibility.inspectorsFor.get(entry.enterpriseId)!,
      normalised.inspectorsPerEnterprise,
      random,
    ),
  }));
  return {
    algorithm: drawAlgorithmVersion,
    drawId: normalised.drawId,
    commitment: commitmentOf(normalised, seed),
    mode: normalised.mode,
    eligibleCount: eligibility.enterprises.length,
    ...(weighted ? { totalWeight: eligibility.enterprises.reduce((sum, e) => sum + weightOf(e), 0) } : {}),
    selections,
  };
}

export type DrawVerification =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly reason: 'invalid_input' | 'commitment_mismatch' | 'result_mismatch';
      /** The error code for invalid_input; the first differing selection for result_mismatch. */
      readonly detail?: string;
    };

/**
 * Checks a published draw: the revealed seed opens the published commitment for this record, and
 * re-running the draw gives exactly the published result.
 */
export function verifyDraw(
  record: DrawPublicRecord,
  seedHex: string,
  commitment: string,
  result: DrawResult,
): DrawVerification {
  let expected: DrawResult;
  try {
    expected = runDraw(record, seedHex);
  } catch (error) {
    if (error instanceof EnforcementError) return { ok: false, reason: 'invalid_input', detail: error.code };
    throw error;
  }
  if (expected.commitment !== commitment.toLowerCase()) return { ok: false, reason: 'commitment_mismatch' };
  if (comparable(expected) === comparable(result)) return { ok: true };
  const published = Array.isArray(result.selections) ? result.selections : [];
  const index = expected.selections.findIndex((s, i) => comparable(s) !== comparable(published[i]));
  const detail =
    index >= 0
      ? `selections[${index}]`
      : published.length > expected.selections.length
        ? 'selections'
        : 'summary';
  return { ok: false, reason: 'result_mismatch', detail };
}

/** Canonical JSON of a published value, or null when it cannot be one (a malformed upload). */
function comparable(value: unknown): string | null {
  try {
    return value === undefined ? null : canonicalJson(value);
  } catch {
    return null;
  }
}
