import { createDrawRandom, parseDrawSeed } from '../enforcement/draw-random.ts';
import { sampleUniform } from '../enforcement/draw-sampling.ts';

export type SpotCheckSize = { readonly count: number } | { readonly percent: number };

/** How many of `poolSize` to check: N (at most the pool), or the percentage rounded up. */
export function spotCheckSampleSize(poolSize: number, size: SpotCheckSize): number {
  const wanted = 'count' in size ? size.count : Math.ceil((poolSize * size.percent) / 100);
  return Math.min(poolSize, wanted);
}

/**
 * The bureau's random draw of reports or projects to spot-check, reproducible from the recorded seed
 * with the 双随机 stream (SM3 counter blocks, draw-random.ts) and a partial Fisher–Yates shuffle of
 * the pool sorted by id: anyone with the seed and the pool gets the same picks in the same order.
 */
export function drawSpotCheckSample(
  poolIds: readonly string[],
  size: SpotCheckSize,
  seedHex: string,
): string[] {
  const canonical = [...new Set(poolIds)].sort();
  const random = createDrawRandom(parseDrawSeed(seedHex));
  return sampleUniform(canonical, spotCheckSampleSize(canonical.length, size), random);
}
