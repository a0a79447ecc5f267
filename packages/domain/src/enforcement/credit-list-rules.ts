import { creditListingGrounds } from './credit-list-terms.ts';
import type { TimeLimit } from './time-limit.ts';

export interface CreditListRules {
  /** Ground codes that make a penalty decision a listing candidate. */
  readonly listableGrounds: readonly string[];
  /** The party may object (陈述申辩、异议) after the notice; NF — configurable. */
  readonly objectionPeriod: TimeLimit;
  /** The listing is published within this period of the decision; NF — configurable. */
  readonly publicationPeriod: TimeLimit;
  /** The term on the list, from the listing decision (V2: 3 years). */
  readonly listingTerm: TimeLimit;
  /** Early removal may be applied for this long after the listing decision (V2: 12 months). */
  readonly repairAfter: TimeLimit;
}

export const defaultCreditListRules: CreditListRules = Object.freeze<CreditListRules>({
  listableGrounds: creditListingGrounds.map((g) => g.code),
  objectionPeriod: {
    amount: 5,
    unit: 'working_days',
    basisZh: '告知后提出陈述申辩（异议）的期限（本局设定，未找到上位规定）',
    basisEn: 'Objection period after the notice (set by the bureau; no higher rule found)',
    verification: 'NF',
  },
  publicationPeriod: {
    amount: 7,
    unit: 'working_days',
    basisZh: '作出列入决定后公示的期限（本局设定，未找到上位规定）',
    basisEn: 'Publication after the listing decision (set by the bureau; no higher rule found)',
    verification: 'NF',
  },
  listingTerm: {
    amount: 3,
    unit: 'years',
    basisZh: '应急管理部令第11号：严重失信主体名单管理期限为3年',
    basisEn: 'MEM Order No. 11: three years on the list',
    verification: 'V2',
  },
  repairAfter: {
    amount: 12,
    unit: 'months',
    basisZh: '应急管理部令第11号：列入名单满12个月可申请提前移出',
    basisEn: 'MEM Order No. 11: early removal may be applied for after 12 months',
    verification: 'V2',
  },
});
