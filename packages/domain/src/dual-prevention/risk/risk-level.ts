import { RiskCalculationError } from './risk-calculation-error.ts';

/**
 * The four risk levels of the dual prevention mechanism (安委办〔2016〕11号) and their colours.
 * Level 1 is the highest. The regulation colour of level 4 is blue, not the green some UIs use.
 */
export const riskLevels = [1, 2, 3, 4] as const;
export type RiskLevel = (typeof riskLevels)[number];

export const riskColours = ['red', 'orange', 'yellow', 'blue'] as const;
export type RiskColour = (typeof riskColours)[number];

/** 重大风险, 较大风险, 一般风险, 低风险. */
export const riskLevelNames: Readonly<Record<RiskLevel, { readonly zh: string; readonly en: string }>> = {
  1: { zh: '重大风险', en: 'Major risk' },
  2: { zh: '较大风险', en: 'Considerable risk' },
  3: { zh: '一般风险', en: 'Moderate risk' },
  4: { zh: '低风险', en: 'Low risk' },
};

export type RiskColourTable = Readonly<Record<RiskLevel, RiskColour>>;

/** The national convention: 1 红, 2 橙, 3 黄, 4 蓝. */
export const defaultRiskColourTable: RiskColourTable = { 1: 'red', 2: 'orange', 3: 'yellow', 4: 'blue' };

/** Colour of a level under a configurable table; the table must give every level one of the four colours. */
export function riskColourOf(level: RiskLevel, table: RiskColourTable = defaultRiskColourTable): RiskColour {
  if (!riskLevels.every((l) => riskColours.includes(table[l]))) {
    throw new RiskCalculationError('calc.risk_table_invalid', {
      details: { problem: 'colours must give each level 1–4 one of red, orange, yellow, blue', table },
    });
  }
  return table[level];
}
