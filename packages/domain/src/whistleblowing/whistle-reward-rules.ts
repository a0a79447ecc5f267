import { fenOf, type RmbAmount } from '../money/rmb-amount.ts';
import type { WhistleAccidentClass, WhistleCategory, WhistleOutcome } from './whistle.schema.ts';

/**
 * 举报奖励 amounts as dated data (shared/reference/co-governance-and-obligations.md §1.3, §1.6).
 * A report is rewarded under the rule set in force on the day it was accepted. Each set names its
 * source; the marks [verified]/[unverified] follow the reference note.
 */
export interface WhistleRewardRuleSet {
  readonly id: string;
  readonly validFrom: string;
  /** 安监总财〔2018〕19号 Art. 12 [verified: S1]: 15 % of the fine for 重大事故隐患 and illegal operations. */
  readonly finePercent: number;
  readonly minYuan: number;
  readonly maxYuan: number;
  /** Per verified concealed death, by the accident's class [verified: S1]. */
  readonly perDeathYuan: Readonly<Record<WhistleAccidentClass, number>>;
  readonly concealedMaxYuan: number;
  readonly source: string;
}

export const whistleRewardRuleSets: readonly WhistleRewardRuleSet[] = [
  {
    id: 'national-2018',
    validFrom: '2018-01-04',
    finePercent: 15,
    minYuan: 3_000,
    maxYuan: 300_000,
    perDeathYuan: { general: 30_000, larger: 40_000, major: 50_000, especially_major: 60_000 },
    concealedMaxYuan: 300_000,
    source: '《安全生产领域举报奖励办法》（安监总财〔2018〕19号）第十二条',
  },
  {
    // 《云南省安全生产领域举报奖励办法》 from 2023-01-01: below ¥3,000 by percentage pays ¥3,000
    // [verified: S5]; its other amounts are not confirmed, so the national ones are kept.
    id: 'yunnan-2023',
    validFrom: '2023-01-01',
    finePercent: 15,
    minYuan: 3_000,
    maxYuan: 300_000,
    perDeathYuan: { general: 30_000, larger: 40_000, major: 50_000, especially_major: 60_000 },
    concealedMaxYuan: 300_000,
    source: '安监总财〔2018〕19号第十二条；《云南省安全生产领域举报奖励办法》（2023年1月1日起施行）',
  },
];

/** The rule set in force on a date (YYYY-MM-DD): the latest that began on or before it. */
export function whistleRewardRulesOn(
  date: string,
  sets: readonly WhistleRewardRuleSet[] = whistleRewardRuleSets,
): WhistleRewardRuleSet {
  const applicable = sets
    .filter((set) => set.validFrom <= date)
    .sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1));
  return applicable[0] ?? sets[0]!;
}

export interface WhistleRewardFacts {
  readonly category: WhistleCategory;
  readonly outcome: WhistleOutcome;
  readonly fineYuan: RmbAmount | null;
  readonly deaths: number | null;
  readonly accidentClass: WhistleAccidentClass | null;
}

export type WhistleRewardProposal =
  | {
      readonly ok: true;
      readonly amountFen: bigint;
      readonly basis: 'fine_percent' | 'minimum' | 'maximum' | 'per_death' | 'per_death_capped';
      readonly ruleId: string;
      readonly source: string;
    }
  | { readonly ok: false; readonly reason: 'not_verified' | 'no_fine' | 'no_deaths' };

const fen = (yuan: number) => BigInt(yuan) * 100n;

/** The proposed reward for a verified report, exact to the fen (half up). */
export function proposeWhistleReward(
  facts: WhistleRewardFacts,
  rules: WhistleRewardRuleSet,
): WhistleRewardProposal {
  if (facts.outcome === 'untrue') return { ok: false, reason: 'not_verified' };
  const base = { ruleId: rules.id, source: rules.source };
  if (facts.category === 'concealed_accident') {
    if (!facts.deaths || !facts.accidentClass) return { ok: false, reason: 'no_deaths' };
    const amount = fen(rules.perDeathYuan[facts.accidentClass]) * BigInt(facts.deaths);
    const cap = fen(rules.concealedMaxYuan);
    return amount > cap
      ? { ok: true, amountFen: cap, basis: 'per_death_capped', ...base }
      : { ok: true, amountFen: amount, basis: 'per_death', ...base };
  }
  if (facts.fineYuan === null) return { ok: false, reason: 'no_fine' };
  const fine = fenOf(facts.fineYuan);
  if (fine <= 0n) return { ok: false, reason: 'no_fine' };
  const share = (fine * BigInt(rules.finePercent) + 50n) / 100n;
  if (share < fen(rules.minYuan))
    return { ok: true, amountFen: fen(rules.minYuan), basis: 'minimum', ...base };
  if (share > fen(rules.maxYuan))
    return { ok: true, amountFen: fen(rules.maxYuan), basis: 'maximum', ...base };
  return { ok: true, amountFen: share, basis: 'fine_percent', ...base };
}

/** Fen as a decimal string of yuan with two decimals. */
export function yuanText(amountFen: bigint): string {
  const whole = amountFen / 100n;
  const cents = (amountFen % 100n).toString().padStart(2, '0');
  return `${whole}.${cents}`;
}
