import { Rational } from '../../major-hazards/rational.ts';
import { AccidentError } from './accident.errors.ts';

/**
 * Accident levels of 《生产安全事故报告和调查处理条例》(国务院令第493号) Art. 3, lowest first:
 * 一般, 较大, 重大, 特别重大.
 */
export const accidentLevels = ['general', 'larger', 'major', 'especially_major'] as const;

export type AccidentLevel = (typeof accidentLevels)[number];

export const accidentLevelNames: Readonly<Record<AccidentLevel, { zh: string; en: string }>> = {
  general: { zh: '一般事故', en: 'general accident' },
  larger: { zh: '较大事故', en: 'larger accident' },
  major: { zh: '重大事故', en: 'major accident' },
  especially_major: { zh: '特别重大事故', en: 'especially major accident' },
};

export type AccidentDimension = 'deaths' | 'seriousInjuries' | 'directLoss';

export interface AccidentFigures {
  readonly deaths: number;
  /** Serious injuries, acute industrial poisoning included (含急性工业中毒). */
  readonly seriousInjuries: number;
  /** Direct economic loss in 万元 (10,000 yuan): a decimal string (exact) or a number. */
  readonly directLossWan: string | number;
}

export interface AccidentLevelReason {
  readonly dimension: AccidentDimension;
  /** The figure as given: a head count, or 万元 as an exact decimal. */
  readonly value: string;
  readonly level: AccidentLevel;
  /** Whether this figure reaches the accident's level (the highest of the three). */
  readonly decisive: boolean;
  readonly zh: string;
  readonly en: string;
}

export interface AccidentClassification {
  readonly level: AccidentLevel;
  readonly reasons: readonly AccidentLevelReason[];
}

interface Band {
  readonly level: AccidentLevel;
  /** Inclusive lower bound ("以上" includes the number); null for 一般. */
  readonly from: string | null;
  readonly zh: string;
  readonly en: string;
}

// Art. 3: "以上" includes the number and "以下" excludes it (standards.md §3.1), so each band is
// [from, next band's from). Highest band first.
const bands: Readonly<Record<AccidentDimension, readonly Band[]>> = {
  deaths: [
    { level: 'especially_major', from: '30', zh: '30人以上', en: '30 or more' },
    { level: 'major', from: '10', zh: '10人以上30人以下', en: '10 to 29' },
    { level: 'larger', from: '3', zh: '3人以上10人以下', en: '3 to 9' },
    { level: 'general', from: null, zh: '3人以下', en: 'fewer than 3' },
  ],
  seriousInjuries: [
    { level: 'especially_major', from: '100', zh: '100人以上', en: '100 or more' },
    { level: 'major', from: '50', zh: '50人以上100人以下', en: '50 to 99' },
    { level: 'larger', from: '10', zh: '10人以上50人以下', en: '10 to 49' },
    { level: 'general', from: null, zh: '10人以下', en: 'fewer than 10' },
  ],
  directLoss: [
    { level: 'especially_major', from: '10000', zh: '1亿元以上', en: '100 million yuan or more' },
    { level: 'major', from: '5000', zh: '5000万元以上1亿元以下', en: '50 to under 100 million yuan' },
    { level: 'larger', from: '1000', zh: '1000万元以上5000万元以下', en: '10 to under 50 million yuan' },
    { level: 'general', from: null, zh: '1000万元以下', en: 'under 10 million yuan' },
  ],
};

function bandOf(dimension: AccidentDimension, value: Rational): Band {
  const found = bands[dimension].find(
    (band) => band.from === null || value.isAtLeast(Rational.fromDecimal(band.from)),
  );
  if (!found) throw new RangeError(`no band for ${dimension}`);
  return found;
}

function headCount(field: 'deaths' | 'seriousInjuries', value: number): Rational {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new AccidentError('accident.invalid_figures', { field, input: value });
  }
  return Rational.of(value);
}

function lossWan(value: string | number): Rational {
  const loss = Rational.parseDecimal(value);
  if (loss === null || loss.sign() < 0) {
    throw new AccidentError('accident.invalid_figures', { field: 'directLossWan', input: value });
  }
  return loss;
}

function describe(dimension: AccidentDimension, value: string, band: Band): { zh: string; en: string } {
  const level = accidentLevelNames[band.level];
  switch (dimension) {
    case 'deaths':
      return {
        zh: `死亡 ${value} 人：${band.zh}，${level.zh}`,
        en: `${value} deaths: ${band.en}, ${level.en}`,
      };
    case 'seriousInjuries':
      return {
        zh: `重伤（含急性工业中毒）${value} 人：${band.zh}，${level.zh}`,
        en: `${value} serious injuries (incl. acute industrial poisoning): ${band.en}, ${level.en}`,
      };
    case 'directLoss':
      return {
        zh: `直接经济损失 ${value} 万元：${band.zh}，${level.zh}`,
        en: `direct economic loss ${value} × 10,000 yuan: ${band.en}, ${level.en}`,
      };
  }
}

/**
 * The level of an accident by Art. 3 of 国务院令第493号: each of deaths, serious injuries and direct
 * economic loss gives a level, and the accident takes the highest (any one criterion suffices).
 * The loss is compared exactly.
 */
export function classifyAccident(figures: AccidentFigures): AccidentClassification {
  const loss = lossWan(figures.directLossWan);
  const values: readonly [AccidentDimension, Rational, string][] = [
    ['deaths', headCount('deaths', figures.deaths), String(figures.deaths)],
    [
      'seriousInjuries',
      headCount('seriousInjuries', figures.seriousInjuries),
      String(figures.seriousInjuries),
    ],
    ['directLoss', loss, loss.toExactDecimalString() ?? String(figures.directLossWan)],
  ];
  const assessed = values.map(([dimension, value, text]) => ({
    dimension,
    text,
    band: bandOf(dimension, value),
  }));
  const rank = (level: AccidentLevel) => accidentLevels.indexOf(level);
  const level = assessed.reduce<AccidentLevel>(
    (highest, { band }) => (rank(band.level) > rank(highest) ? band.level : highest),
    'general',
  );
  return {
    level,
    reasons: assessed.map(({ dimension, text, band }) => ({
      dimension,
      value: text,
      level: band.level,
      decisive: band.level === level,
      ...describe(dimension, text, band),
    })),
  };
}
