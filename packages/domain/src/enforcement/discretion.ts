import { fenOf } from '../money/rmb-amount.ts';
import { formatRmbForDocument } from '../money/rmb-format.ts';
import {
  type AmountRange,
  type CircumstanceBand,
  circumstanceBandNames,
  circumstanceBands,
  defaultDiscretionTable,
  type DiscretionTable,
  type DiscretionViolation,
} from './discretion-table.ts';
import { EnforcementError } from './enforcement.errors.ts';

/*
 * From circumstances to a band (our synthesis of 行政处罚法 Arts. 32–33 [M]; a bureau's standard may
 * differ, and the officer may choose another band with a reason):
 * - first_violation + corrected_promptly + no_harm, and nothing aggravating: 轻微, and the penalty may
 *   be waived (Art. 33: 初次违法且危害后果轻微并及时改正的，可以不予行政处罚);
 * - otherwise start at 一般 and move one band down for each mitigating and one up for each aggravating
 *   circumstance, between 轻微 and 严重.
 */

export const mitigatingCircumstances = [
  'first_violation',
  'corrected_promptly',
  'no_harm',
  'reduced_harm',
  'coerced',
  'confessed',
  'cooperated',
] as const;
export const aggravatingCircumstances = [
  'repeat_violation',
  'refused_correction',
  'harm_caused',
  'obstructed_enforcement',
  'major_hazard_involved',
] as const;
export type Circumstance =
  (typeof mitigatingCircumstances)[number] | (typeof aggravatingCircumstances)[number];

export const circumstanceNames: Readonly<Record<Circumstance, { readonly zh: string; readonly en: string }>> =
  {
    first_violation: { zh: '初次违法', en: 'First violation' },
    corrected_promptly: { zh: '及时改正', en: 'Corrected promptly' },
    no_harm: { zh: '未造成危害后果', en: 'No harm done' },
    reduced_harm: {
      zh: '主动消除或者减轻违法行为危害后果',
      en: 'Harm eliminated or reduced on own initiative',
    },
    coerced: { zh: '受他人胁迫或者诱骗实施违法行为', en: 'Acted under coercion or deception' },
    confessed: { zh: '主动供述行政机关尚未掌握的违法行为', en: 'Confessed violations not yet known' },
    cooperated: { zh: '配合行政机关查处违法行为有立功表现', en: 'Helped the investigation meritoriously' },
    repeat_violation: { zh: '多次违法或者被处罚后再次违法', en: 'Repeated violation' },
    refused_correction: { zh: '拒不改正或者逾期未改正', en: 'Refused or failed to correct' },
    harm_caused: { zh: '造成危害后果', en: 'Harm caused' },
    obstructed_enforcement: {
      zh: '阻碍执法、隐匿或者销毁证据',
      en: 'Obstructed enforcement or destroyed evidence',
    },
    major_hazard_involved: {
      zh: '涉及重大危险源或者重大事故隐患',
      en: 'Involves a major hazard source or major hidden hazard',
    },
  };

export interface PenaltySuggestionInput {
  readonly violationCode: string;
  readonly circumstances: readonly Circumstance[];
  /** The officer's own band, when the circumstances do not capture the case; needs a reason. */
  readonly band?: CircumstanceBand;
  readonly bandReason?: string;
}

export interface PenaltySuggestion {
  readonly violation: DiscretionViolation;
  readonly band: CircumstanceBand;
  /** The band the circumstances alone give. */
  readonly computedBand: CircumstanceBand;
  readonly range: AmountRange & { readonly minText: string; readonly maxText: string };
  readonly statutoryRange: AmountRange;
  /** Art. 33: the penalty may be waived (首违不罚). */
  readonly mayWaive: boolean;
  readonly reasons: readonly { readonly zh: string; readonly en: string }[];
}

function invalidTable(problem: string, code: string): never {
  throw new EnforcementError('enforcement.discretion_table_invalid', { problem, code });
}

/**
 * Throws `enforcement.discretion_table_invalid` for a table with a repeated code, a band outside the
 * statutory range, a band whose minimum exceeds its maximum, or bands out of order.
 */
export function checkDiscretionTable(table: DiscretionTable): DiscretionTable {
  const codes = new Set<string>();
  for (const v of table.violations) {
    if (codes.has(v.code)) invalidTable('duplicate_code', v.code);
    codes.add(v.code);
    const [low, high] = [fenOf(v.statutoryRange.minYuan), fenOf(v.statutoryRange.maxYuan)];
    if (low > high) invalidTable('statutory_range_reversed', v.code);
    let previous = low;
    for (const band of circumstanceBands) {
      const [min, max] = [fenOf(v.bands[band].minYuan), fenOf(v.bands[band].maxYuan)];
      if (min > max) invalidTable(`${band}_reversed`, v.code);
      if (min < low || max > high) invalidTable(`${band}_outside_statutory_range`, v.code);
      if (min < previous) invalidTable(`${band}_out_of_order`, v.code);
      previous = min;
    }
  }
  return table;
}

function computeBand(circumstances: readonly Circumstance[]): { band: CircumstanceBand; mayWaive: boolean } {
  const has = (c: Circumstance) => circumstances.includes(c);
  const aggravating = aggravatingCircumstances.filter(has).length;
  const mitigating = mitigatingCircumstances.filter(has).length;
  if (aggravating === 0 && has('first_violation') && has('corrected_promptly') && has('no_harm')) {
    return { band: 'minor', mayWaive: true };
  }
  const index = Math.min(3, Math.max(0, 1 + aggravating - mitigating));
  return { band: circumstanceBands[index]!, mayWaive: false };
}

/**
 * The fine range the discretion standard suggests for a violation and its circumstances, with the
 * reasons to show the officer and print in the case file. Throws `enforcement.discretion_unknown_violation`.
 */
export function suggestPenalty(
  input: PenaltySuggestionInput,
  table: DiscretionTable = defaultDiscretionTable,
): PenaltySuggestion {
  const violation = table.violations.find((v) => v.code === input.violationCode);
  if (!violation)
    throw new EnforcementError('enforcement.discretion_unknown_violation', { code: input.violationCode });
  const circumstances = [...new Set(input.circumstances)];
  const computed = computeBand(circumstances);
  const reason = input.band && input.band !== computed.band ? input.bandReason?.trim() : undefined;
  if (input.band && input.band !== computed.band && !reason) {
    throw new EnforcementError('enforcement.case_reason_required', { field: 'bandReason' });
  }
  const band = input.band ?? computed.band;
  const { minYuan, maxYuan } = violation.bands[band];
  const reasons = [
    { zh: `处罚依据：${violation.penaltyProvisionZh}`, en: `Basis: ${violation.penaltyProvisionEn}` },
    ...circumstances.map((c) => ({
      zh: `情节：${circumstanceNames[c].zh}`,
      en: `Circumstance: ${circumstanceNames[c].en}`,
    })),
    {
      zh: `裁量档次：${circumstanceBandNames[band].zh}`,
      en: `Band: ${circumstanceBandNames[band].en}`,
    },
    ...(reason ? [{ zh: `调整档次理由：${reason}`, en: `Band chosen by the officer: ${reason}` }] : []),
    ...(computed.mayWaive && band === 'minor'
      ? [
          {
            zh: '初次违法且危害后果轻微并及时改正，可以不予行政处罚',
            en: 'First violation, slight harm, corrected: the penalty may be waived',
          },
        ]
      : []),
  ];
  return {
    violation,
    band,
    computedBand: computed.band,
    range: {
      minYuan,
      maxYuan,
      minText: formatRmbForDocument(minYuan),
      maxText: formatRmbForDocument(maxYuan),
    },
    statutoryRange: violation.statutoryRange,
    mayWaive: computed.mayWaive && band === 'minor',
    reasons,
  };
}
