import type { VerificationMark } from './time-limit.ts';

/*
 * Discretion standards (行政处罚自由裁量基准) as data: for each violation, the statutory fine range and
 * the sub-range for each circumstance band. The bureau adopts its own table; the default below is an
 * example built on the 安全生产法 (2021 revision). standards.md has no penalty articles, so the article
 * numbers and ranges are M (from the official text as remembered — check before release) and the
 * band splits are NF (our example, not the bureau's standard).
 */

/** 轻微 / 一般 / 较重 / 严重. */
export const circumstanceBands = ['minor', 'general', 'serious', 'severe'] as const;
export type CircumstanceBand = (typeof circumstanceBands)[number];

export const circumstanceBandNames: Readonly<
  Record<CircumstanceBand, { readonly zh: string; readonly en: string }>
> = {
  minor: { zh: '轻微', en: 'Minor' },
  general: { zh: '一般', en: 'General' },
  serious: { zh: '较重', en: 'Serious' },
  severe: { zh: '严重', en: 'Severe' },
};

/** Yuan as decimal strings (see money/rmb-amount.ts); `minYuan` '0' means "up to `maxYuan`". */
export interface AmountRange {
  readonly minYuan: string;
  readonly maxYuan: string;
}

export interface DiscretionViolation {
  readonly code: string;
  readonly titleZh: string;
  readonly titleEn: string;
  /** The duty broken (违反条款). */
  readonly violatedProvisionZh: string;
  /** The penalty article (处罚依据). */
  readonly penaltyProvisionZh: string;
  readonly penaltyProvisionEn: string;
  readonly statutoryRange: AmountRange;
  readonly bands: Readonly<Record<CircumstanceBand, AmountRange>>;
  readonly verification: VerificationMark;
}

export interface DiscretionTable {
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly violations: readonly DiscretionViolation[];
}

const wsl = '《中华人民共和国安全生产法》';

const range = (minYuan: string, maxYuan: string): AmountRange => ({ minYuan, maxYuan });

/** Bands of a fine "up to X" split at 10 %, 30 % and 60 % of X (our example). */
function upTo(maxYuan: number): Pick<DiscretionViolation, 'statutoryRange' | 'bands'> {
  const at = (share: number) => String(Math.round(maxYuan * share));
  return {
    statutoryRange: range('0', String(maxYuan)),
    bands: {
      minor: range('0', at(0.1)),
      general: range(at(0.1), at(0.3)),
      serious: range(at(0.3), at(0.6)),
      severe: range(at(0.6), String(maxYuan)),
    },
  };
}

export const defaultDiscretionTable: DiscretionTable = Object.freeze<DiscretionTable>({
  id: 'example-wsl-2021',
  nameZh: '安全生产行政处罚自由裁量基准（示例，须经本局审定）',
  nameEn: 'Work-safety penalty discretion standard (example; the bureau must adopt its own)',
  violations: [
    {
      code: 'wsl-97-training',
      titleZh: '未按照规定对从业人员进行安全生产教育和培训',
      titleEn: 'Workers not given the required safety education and training',
      violatedProvisionZh: `${wsl}第二十八条`,
      penaltyProvisionZh: `${wsl}第九十七条第（三）项：责令限期改正，处十万元以下的罚款`,
      penaltyProvisionEn: 'Work Safety Law Art. 97(3): correct within a time limit; fine up to CNY 100,000',
      ...upTo(100_000),
      verification: 'M',
    },
    {
      code: 'wsl-97-training-overdue',
      titleZh: '未按照规定进行安全生产教育和培训，逾期未改正',
      titleEn: 'Training not given and not corrected by the deadline',
      violatedProvisionZh: `${wsl}第二十八条`,
      penaltyProvisionZh: `${wsl}第九十七条：逾期未改正的，责令停产停业整顿，并处十万元以上二十万元以下的罚款`,
      penaltyProvisionEn:
        'Work Safety Law Art. 97: if not corrected, suspension and a fine of CNY 100,000–200,000',
      statutoryRange: range('100000', '200000'),
      bands: {
        minor: range('100000', '120000'),
        general: range('120000', '150000'),
        serious: range('150000', '180000'),
        severe: range('180000', '200000'),
      },
      verification: 'M',
    },
    {
      code: 'wsl-99-equipment',
      titleZh: '安全设备的安装、使用、检测、改造和报废不符合国家标准或者行业标准',
      titleEn: 'Safety equipment installed, used, tested, altered or scrapped against the standards',
      violatedProvisionZh: `${wsl}第三十六条`,
      penaltyProvisionZh: `${wsl}第九十九条第（一）项：责令限期改正，处五万元以下的罚款`,
      penaltyProvisionEn: 'Work Safety Law Art. 99(1): correct within a time limit; fine up to CNY 50,000',
      ...upTo(50_000),
      verification: 'M',
    },
    {
      code: 'wsl-101-major-hazard-source',
      titleZh: '对重大危险源未登记建档，未进行定期检测、评估、监控，未制定应急预案，或者未告知应急措施',
      titleEn: 'Major hazard source not registered, monitored or covered by an emergency plan',
      violatedProvisionZh: `${wsl}第四十条`,
      penaltyProvisionZh: `${wsl}第一百零一条第（二）项：责令限期改正，处十万元以下的罚款`,
      penaltyProvisionEn: 'Work Safety Law Art. 101(2): correct within a time limit; fine up to CNY 100,000',
      ...upTo(100_000),
      verification: 'M',
    },
    {
      code: 'wsl-102-hazard-not-eliminated',
      titleZh: '未采取措施消除事故隐患',
      titleEn: 'No measures taken to eliminate a hidden hazard',
      violatedProvisionZh: `${wsl}第四十一条`,
      penaltyProvisionZh: `${wsl}第一百零二条：责令立即消除或者限期消除，处五万元以下的罚款`,
      penaltyProvisionEn:
        'Work Safety Law Art. 102: eliminate at once or within a time limit; fine up to CNY 50,000',
      ...upTo(50_000),
      verification: 'M',
    },
    {
      code: 'wsl-114-general-accident',
      titleZh: '对发生一般生产安全事故负有责任的生产经营单位',
      titleEn: 'Enterprise responsible for a general (一般) production-safety accident',
      violatedProvisionZh: `${wsl}第一百一十四条`,
      penaltyProvisionZh: `${wsl}第一百一十四条第（一）项：处三十万元以上一百万元以下的罚款`,
      penaltyProvisionEn: 'Work Safety Law Art. 114(1): fine of CNY 300,000–1,000,000',
      statutoryRange: range('300000', '1000000'),
      bands: {
        minor: range('300000', '400000'),
        general: range('400000', '600000'),
        serious: range('600000', '800000'),
        severe: range('800000', '1000000'),
      },
      verification: 'M',
    },
  ],
});
