import type { DrawRandom } from './draw-random.ts';

/**
 * N items uniformly at random without replacement: a partial Fisher–Yates shuffle of the canonical
 * list. For i = 0 … N−1: j = i + uniformInt(M − i), swap items i and j; the picks are items 0 … N−1
 * in that order.
 */
export function sampleUniform<T>(items: readonly T[], count: number, random: DrawRandom): T[] {
  const work = [...items];
  for (let i = 0; i < count; i++) {
    const j = i + random.uniformInt(work.length - i);
    [work[i], work[j]] = [work[j]!, work[i]!];
  }
  return work.slice(0, count);
}

/**
 * N items without replacement, each pick proportional to the integer weights of the items left
 * (sequential roulette): r = uniformInt(total weight left); walk the remaining items in canonical
 * order adding weights, and pick the first item whose running sum exceeds r; remove it and repeat.
 * The first pick is item i with probability exactly wᵢ ÷ Σw. Integers only, so every platform agrees.
 */
export function sampleWeighted<T>(
  items: readonly T[],
  weightOf: (item: T) => number,
  count: number,
  random: DrawRandom,
): T[] {
  const left = [...items];
  let total = left.reduce((sum, item) => sum + weightOf(item), 0);
  const picks: T[] = [];
  for (let pick = 0; pick < count; pick++) {
    const r = random.uniformInt(total);
    let running = 0;
    const index = left.findIndex((item) => (running += weightOf(item)) > r);
    const [chosen] = left.splice(index, 1);
    picks.push(chosen!);
    total -= weightOf(chosen!);
  }
  return picks;
}
