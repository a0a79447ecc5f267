import type { ProcessThresholdLevel, ThresholdSide } from './monitoring-terms.ts';
import type { PointThresholds, ProcessColours, ThresholdScheme } from './point-thresholds.ts';

/*
 * The kinds of monitoring point on major hazard sources and tailings ponds, as data. Every default
 * says where it comes from (`basis`): [V2]/[V1] confirmed by two/one sources in standards.md, [M]
 * from memory of the official text, [NF] not found, `assumption` our own choice. Only V1/V2 are
 * confirmed; everything else is a starting value the bureau or the design documents overwrite.
 */

export const monitoringPointTypeCodes = [
  'liquid_level',
  'temperature',
  'pressure',
  'flow',
  'combustible_gas',
  'toxic_gas',
  'surface_displacement',
  'internal_displacement',
  'phreatic_depth',
  'pond_water_level',
  'dry_beach_length',
  'rainfall',
  'ground_displacement',
] as const;
export type MonitoringPointType = (typeof monitoringPointTypeCodes)[number];

/** process = DCS variables and gas detectors of a major hazard source (§6.1); tailings = §5.2. */
export type MonitoringPointFamily = 'process' | 'gas' | 'tailings';

export type DefaultBasisMark = 'V2' | 'V1' | 'M' | 'NF' | 'assumption';
export interface DefaultBasis {
  readonly mark: DefaultBasisMark;
  readonly note: string;
}
export type PointTypeDefault = 'range' | 'interval' | 'thresholds' | 'colours' | 'deadband';

export interface MonitoringPointTypeDefinition {
  readonly code: MonitoringPointType;
  readonly name: { readonly zh: string; readonly en: string };
  readonly family: MonitoringPointFamily;
  /** Accepted units; the first is the default and the one the default values are in. */
  readonly units: readonly [string, ...string[]];
  /** What the number means when that is not obvious. */
  readonly meaning?: { readonly zh: string; readonly en: string };
  /** Default valid range in the default unit; a reading outside it is flagged out_of_range. */
  readonly range: { readonly min: number; readonly max: number };
  readonly expectedIntervalSeconds: number;
  readonly scheme: ThresholdScheme;
  /** Sides on which thresholds may be set. */
  readonly sides: readonly ThresholdSide[];
  /** Side of graded thresholds unless the point says otherwise. */
  readonly defaultSide: ThresholdSide;
  /** Default thresholds in the default unit; null when they can only come from the design or the DCS. */
  readonly defaultThresholds: PointThresholds | null;
  /** Warning colour of each process level when the point does not set one. */
  readonly colours: ProcessColours;
  /** Default alarm deadband (hysteresis) as a percentage of the valid range's span. */
  readonly deadbandPercentOfSpan: number;
  /** Highest set point allowed per level, in the default unit. */
  readonly setPointMaxima?: Partial<Record<ProcessThresholdLevel, number>>;
  readonly basis: Readonly<Record<PointTypeDefault, DefaultBasis>>;
}

const processColours: ProcessColours = { HH: 'yellow', H: 'blue', L: 'blue', LL: 'yellow' };
const gasColours: ProcessColours = { HH: 'orange', H: 'yellow', L: 'blue', LL: 'yellow' };

const basis = (mark: DefaultBasisMark, note: string): DefaultBasis => ({ mark, note });

const processInterval = basis(
  'assumption',
  'standards.md §6.4 [NF]: no mandatory upload interval found; suggested default ≤ 60 s',
);
const processColourBasis = basis(
  'assumption',
  'No mapping of set-point levels to warning colours found (§6.4 NF): H/L 蓝 (deviation), HH/LL 黄',
);
const gasColourBasis = basis(
  'assumption',
  'No mapping found (§6.4 NF): level-1 alarm 一级 (H) 黄, level-2 alarm 二级 (HH) 橙 — a real release',
);
const isaDeadband = (percent: number) =>
  basis('M', `ISA-18.2 / EEMUA 191 typical alarm deadband ${percent} % of span; not in standards.md`);
const instrumentRange = basis('assumption', 'Wide plausibility range; set the instrument range per point');
const dcsSetPoints = basis(
  'NF',
  'Set points come from the equipment design and the DCS (§6.1); none by type',
);

const tailingsInterval = basis(
  'assumption',
  'GB 51108-2015 §4.5 commentary [V1]: normal state at least daily, configurable 10 min–24 h; we poll hourly',
);
const tailingsColours = basis(
  'V1',
  'Graded: each threshold is a colour (GB 39496-2020 §5.5.4, standards.md §5.3)',
);
const noDeadband = basis('assumption', 'Design limits of the dam; no hysteresis unless configured');

function processType(
  code: MonitoringPointType,
  name: MonitoringPointTypeDefinition['name'],
  units: MonitoringPointTypeDefinition['units'],
  range: MonitoringPointTypeDefinition['range'],
  deadbandPercentOfSpan: number,
): MonitoringPointTypeDefinition {
  return {
    code,
    name,
    family: 'process',
    units,
    range,
    expectedIntervalSeconds: 60,
    scheme: 'process',
    sides: ['high', 'low'],
    defaultSide: 'high',
    defaultThresholds: null,
    colours: processColours,
    deadbandPercentOfSpan,
    basis: {
      range: instrumentRange,
      interval: processInterval,
      thresholds: dcsSetPoints,
      colours: processColourBasis,
      deadband: isaDeadband(deadbandPercentOfSpan),
    },
  };
}

function tailingsType(
  code: MonitoringPointType,
  fields: Pick<MonitoringPointTypeDefinition, 'name' | 'units' | 'range' | 'defaultSide'> &
    Partial<
      Pick<
        MonitoringPointTypeDefinition,
        'meaning' | 'sides' | 'defaultThresholds' | 'expectedIntervalSeconds'
      >
    >,
  thresholds: DefaultBasis,
): MonitoringPointTypeDefinition {
  return {
    code,
    family: 'tailings',
    expectedIntervalSeconds: 3600,
    scheme: 'graded',
    sides: [fields.defaultSide],
    defaultThresholds: null,
    colours: processColours,
    deadbandPercentOfSpan: 0,
    ...fields,
    basis: {
      range: instrumentRange,
      interval: tailingsInterval,
      thresholds,
      colours: tailingsColours,
      deadband: noDeadband,
    },
  };
}

const gasTypes: readonly MonitoringPointTypeDefinition[] = [
  {
    code: 'combustible_gas',
    name: { zh: '可燃气体浓度', en: 'Combustible gas' },
    family: 'gas',
    units: ['%LEL'],
    range: { min: 0, max: 100 },
    expectedIntervalSeconds: 60,
    scheme: 'process',
    sides: ['high'],
    defaultSide: 'high',
    // GB/T 50493-2019: level-1 alarm set point ≤ 25 %LEL, level-2 ≤ 50 %LEL (standards.md §6.3, V2).
    defaultThresholds: { scheme: 'process', H: { value: 25 }, HH: { value: 50 } },
    setPointMaxima: { H: 25, HH: 50 },
    colours: gasColours,
    deadbandPercentOfSpan: 2,
    basis: {
      range: basis('assumption', 'Detector range 0–100 %LEL'),
      interval: processInterval,
      thresholds: basis('V2', 'GB/T 50493-2019: 一级 ≤ 25 %LEL, 二级 ≤ 50 %LEL (standards.md §6.3)'),
      colours: gasColourBasis,
      deadband: basis('assumption', '2 % of span (2 %LEL): clears below 23 %LEL after a level-1 alarm'),
    },
  },
  {
    code: 'toxic_gas',
    name: { zh: '有毒气体浓度', en: 'Toxic gas' },
    family: 'gas',
    units: ['ppm', 'mg/m³'],
    range: { min: 0, max: 1000 },
    expectedIntervalSeconds: 60,
    scheme: 'process',
    sides: ['high'],
    defaultSide: 'high',
    defaultThresholds: null,
    colours: gasColours,
    deadbandPercentOfSpan: 2,
    basis: {
      range: instrumentRange,
      interval: processInterval,
      thresholds: basis(
        'V1',
        'Per gas: 一级 ≤ 100 % OEL, 二级 ≤ 200 % OEL (GB/T 50493-2019, §6.3 V2); mg/m³ table in toxic-gas-set-points.ts',
      ),
      colours: gasColourBasis,
      deadband: basis('assumption', '2 % of span'),
    },
  },
];

export const monitoringPointTypes: readonly MonitoringPointTypeDefinition[] = [
  processType('liquid_level', { zh: '液位', en: 'Liquid level' }, ['m', '%'], { min: 0, max: 100 }, 5),
  processType('temperature', { zh: '温度', en: 'Temperature' }, ['°C'], { min: -200, max: 1200 }, 1),
  processType('pressure', { zh: '压力', en: 'Pressure' }, ['MPa', 'kPa'], { min: -0.1, max: 100 }, 2),
  processType('flow', { zh: '流量', en: 'Flow' }, ['m³/h', 't/h', 'kg/h'], { min: 0, max: 100_000 }, 5),
  ...gasTypes,
  ...(['surface', 'internal'] as const).map((where) =>
    tailingsType(
      `${where}_displacement`,
      {
        name:
          where === 'surface'
            ? { zh: '坝体表面位移', en: 'Dam surface displacement' }
            : { zh: '坝体内部位移', en: 'Dam internal displacement' },
        meaning: {
          zh: '相对基准的累计位移（一个分量），沉降等负向分量用低侧阈值',
          en: 'Cumulative displacement of one component from the baseline; use the low side for settlement',
        },
        units: ['mm'],
        range: { min: -5000, max: 5000 },
        sides: ['high', 'low'],
        defaultSide: 'high',
      },
      basis('NF', 'GB 51108-2015 §8.3: derived from the dam’s own data, no fixed values (standards.md §5.3)'),
    ),
  ),
  tailingsType(
    'phreatic_depth',
    {
      name: { zh: '浸润线埋深', en: 'Phreatic line depth' },
      meaning: {
        zh: '浸润线距坝坡表面的埋深，越浅越危险',
        en: 'Burial depth below the slope; shallower is worse',
      },
      units: ['m'],
      range: { min: 0, max: 200 },
      defaultSide: 'low',
    },
    basis('V1', 'Red = minimum burial depth for the dam height (GB 50863 table, NF); orange = 1.1 × red'),
  ),
  tailingsType(
    'pond_water_level',
    {
      name: { zh: '库水位', en: 'Pond water level' },
      meaning: { zh: '库内水位高程', en: 'Elevation of the pond water' },
      units: ['m'],
      range: { min: -500, max: 9000 },
      defaultSide: 'high',
    },
    basis('V1', 'From the design: maximum flood level, pre-flood or production control level (§5.3)'),
  ),
  tailingsType(
    'dry_beach_length',
    {
      name: { zh: '干滩长度', en: 'Dry beach length' },
      units: ['m'],
      range: { min: 0, max: 5000 },
      defaultSide: 'low',
    },
    basis('M', 'Red = GB 50863 minimum by dam level (table M, tailings-thresholds.ts); orange NF'),
  ),
  tailingsType(
    'rainfall',
    {
      name: { zh: '降雨量', en: 'Rainfall' },
      meaning: {
        zh: '最近 24 小时累计降雨量（mm）；或小时雨强（mm/h）',
        en: 'Rain in the last 24 hours (mm), or the hourly intensity (mm/h)',
      },
      units: ['mm', 'mm/h'],
      range: { min: 0, max: 2000 },
      defaultSide: 'high',
      expectedIntervalSeconds: 600,
      // Yellow = the rainstorm (暴雨) amount, 50 mm in 24 h (GB 51108 §8.3 V1; GB/T 28592 value M).
      defaultThresholds: { scheme: 'graded', side: 'high', yellow: 50 },
    },
    basis('V1', 'Yellow = rainstorm 50.0 mm/24 h (§5.3; the 50 mm figure is M); other colours NF'),
  ),
  // A crack meter or GNSS station on a geological-hazard site (decision 0006).
  tailingsType(
    'ground_displacement',
    {
      name: { zh: '地表位移', en: 'Ground displacement' },
      meaning: {
        zh: '隐患点裂缝或地表相对基准的累计位移；变形速率用变化率规则',
        en: 'Cumulative movement of a crack or the ground from its baseline; use a rate-of-change rule for the speed',
      },
      units: ['mm'],
      range: { min: -5000, max: 5000 },
      sides: ['high', 'low'],
      defaultSide: 'high',
    },
    basis('NF', 'Set per site from its survey (DZ/T 0221 monitoring design); no fixed national values found'),
  ),
];

const byCode = new Map(monitoringPointTypes.map((type) => [type.code, type]));

export function monitoringPointTypeOf(code: MonitoringPointType): MonitoringPointTypeDefinition {
  const type = byCode.get(code);
  if (!type) throw new RangeError(`unknown monitoring point type ${code}`);
  return type;
}

/** Whether a default of a point type is confirmed by the reference ([V1] or [V2]). */
export function isPointTypeDefaultConfirmed(code: MonitoringPointType, item: PointTypeDefault): boolean {
  const { mark } = monitoringPointTypeOf(code).basis[item];
  return mark === 'V1' || mark === 'V2';
}
