import { EnforcementError } from './enforcement.errors.ts';
import { sm3Digest } from './sm3.ts';

/*
 * The draw's random numbers, all derived from the secret seed revealed after the draw:
 *
 *   block_i = SM3(seed ‖ uint64be(i)),  i = 0, 1, 2, …   (seed = the 32 seed bytes)
 *
 * Each 32-byte block is read as four unsigned 64-bit big-endian words, used in order. An integer
 * uniform on [0, n) is drawn without modulo bias by rejection: with L = 2⁶⁴ − (2⁶⁴ mod n), take the
 * next word x; if x < L the answer is x mod n, otherwise discard x and take the next word. L is a
 * multiple of n, so every residue is equally likely. For n = 1 the answer is 0 and no word is used.
 */

const two64 = 1n << 64n;

/** The seed as bytes: exactly 64 hex characters (32 bytes), either case. */
export function parseDrawSeed(seedHex: string): Uint8Array {
  if (!/^[0-9a-fA-F]{64}$/.test(seedHex)) {
    throw new EnforcementError('enforcement.draw_seed_invalid', { length: seedHex.length });
  }
  return Uint8Array.from({ length: 32 }, (_, i) => parseInt(seedHex.slice(2 * i, 2 * i + 2), 16));
}

export interface DrawRandom {
  /** A uniform integer in [0, bound); `bound` is a positive safe integer. */
  uniformInt(bound: number): number;
  /** The next raw 64-bit word (exposed for the published test vectors). */
  nextWord(): bigint;
}

export function createDrawRandom(seed: Uint8Array): DrawRandom {
  let counter = 0n;
  let words: bigint[] = [];

  function nextWord(): bigint {
    if (words.length === 0) {
      const input = new Uint8Array(seed.length + 8);
      input.set(seed);
      new DataView(input.buffer).setBigUint64(seed.length, counter, false);
      counter += 1n;
      const view = new DataView(sm3Digest(input).buffer);
      words = [0, 8, 16, 24].map((offset) => view.getBigUint64(offset, false));
    }
    return words.shift()!;
  }

  function uniformInt(bound: number): number {
    if (!Number.isSafeInteger(bound) || bound < 1)
      throw new RangeError(`bound must be a positive safe integer`);
    if (bound === 1) return 0;
    const n = BigInt(bound);
    const limit = two64 - (two64 % n);
    for (;;) {
      const x = nextWord();
      if (x < limit) return Number(x % n);
    }
  }

  return { uniformInt, nextWord };
}
