import {
  computeCreditCodeCheckChar,
  computeOrganisationCodeCheckChar,
  creditCodeAlphabet,
} from './credit-code.ts';

export interface SyntheticCreditCodeOptions {
  /** Positions 1–2 (登记管理部门码 + 机构类别码). Default `91`: market regulation, enterprise. */
  readonly prefix?: string;
  /** Positions 3–8, the registering authority's GB/T 2260 code. Default `530402` (红塔区). */
  readonly divisionCode?: string;
}

const serialLength = 6;
/** Number of distinct codes a numeric seed can give for one prefix and division code (31⁶). */
export const syntheticCreditCodeSeedLimit = 31 ** serialLength;

function serialFromSeed(seed: number): string {
  if (!Number.isSafeInteger(seed) || seed < 0 || seed >= syntheticCreditCodeSeedLimit) {
    throw new RangeError(`seed must be an integer from 0 to ${String(syntheticCreditCodeSeedLimit - 1)}`);
  }
  let rest = seed;
  let serial = '';
  for (let i = 0; i < serialLength; i += 1) {
    serial = creditCodeAlphabet.charAt(rest % 31) + serial;
    rest = Math.floor(rest / 31);
  }
  return serial;
}

function serialFromRandom(random: () => number): string {
  let serial = '';
  for (let i = 0; i < serialLength; i += 1) {
    const draw = random();
    if (!(draw >= 0 && draw < 1)) throw new RangeError('random() must return a number in [0, 1)');
    serial += creditCodeAlphabet.charAt(Math.floor(draw * 31));
  }
  return serial;
}

/**
 * A valid-looking 统一社会信用代码 for demo and test data, deterministic in its input: a numeric
 * seed (distinct seeds below {@link syntheticCreditCodeSeedLimit} give distinct codes) or a random
 * source returning numbers in [0, 1) (six draws). Characters 9–17 are `MA` + six serial characters +
 * the GB 11714 check, as on codes issued since 2015, so the code passes both checks. A synthetic code
 * may coincide with a real enterprise's code; never show demo data as real.
 */
export function generateSyntheticCreditCode(
  source: number | (() => number),
  options: SyntheticCreditCodeOptions = {},
): string {
  const prefix = options.prefix ?? '91';
  const divisionCode = options.divisionCode ?? '530402';
  if (prefix.length !== 2 || [...prefix].some((char) => !creditCodeAlphabet.includes(char))) {
    throw new RangeError('prefix must be two characters of the credit-code alphabet');
  }
  if (!/^\d{6}$/.test(divisionCode)) throw new RangeError('divisionCode must be six digits');

  const serial = typeof source === 'number' ? serialFromSeed(source) : serialFromRandom(source);
  const body = `MA${serial}`;
  const first17 = `${prefix}${divisionCode}${body}${String(computeOrganisationCodeCheckChar(body))}`;
  return `${first17}${String(computeCreditCodeCheckChar(first17))}`;
}
