import { z } from 'zod';
import type { IndicatorTrack } from '../statistics/indicator-status.ts';
import type { YearProgress } from '../statistics/year-end-projection.ts';

/**
 * The plan's other quantitative targets that Anjian already measures, tracked beside 专栏1 on the
 * cockpit, each naming the module its figure comes from (docs/cockpit.md, "Other targets"):
 *
 * - 重大危险源监测点在线率 (monitoring): the seed's 重点工程 asks that the 两重点一重大 monitoring and
 *   automation systems be 100 % in use (投用率达到 100%) and that underground mines and tailings ponds
 *   all have online monitoring; a point is online when its last reading is within three expected
 *   intervals (the data-quality page's rule). ≥ 95 % is at risk, below it off track.
 * - 重大事故隐患动态清零 (dual prevention): 治本攻坚三年行动 asks that 重大事故隐患 be cleared as they
 *   are found. None open: on track; open but all within their deadline: at risk; any overdue: off track.
 * - 应急演练次数 (emergency): the seed's 十三五 review counts 534 drills in five years; holding that
 *   pace (107 a year for the city, pro rata for fewer counties) by the same share of the year.
 */
export const planTargetCodes = ['monitoring_online_rate', 'major_hazards_cleared', 'drills_held'] as const;
export type PlanTargetCode = (typeof planTargetCodes)[number];

/** 十三五: 534 drills in five years (the seed's review) → 107 a year for the whole city. */
export const CITY_DRILLS_PER_YEAR = 107;
const YUXI_COUNTIES = 9;

export const planTargetSchema = z.object({
  code: z.enum(planTargetCodes),
  nameZh: z.string(),
  nameEn: z.string(),
  sourceZh: z.string().describe('The module the figure comes from'),
  sourceEn: z.string(),
  unit: z.string(),
  value: z.number().nullable().describe('null: nothing to measure yet'),
  target: z.number().describe('The target (for drills: this year’s, pro rata by day)'),
  status: z.enum(['on_track', 'at_risk', 'off_track', 'no_data']),
  reasonZh: z.string(),
  reasonEn: z.string(),
});
export type PlanTarget = z.infer<typeof planTargetSchema>;

/**
 * A target as data (table `cockpit_plan_targets`, migration 0054; these are its seed): name, source
 * module, unit, the target and the at-risk threshold. `target`: the online rate in % (100), the open
 * major hazards allowed (0), the city's drills a year (107). `atRisk`: the online rate still at risk
 * (95 %), the share of the drills due still at risk (80 %); unused for major hazards (there, open but
 * none overdue is at risk).
 */
export interface PlanTargetDefinition {
  code: PlanTargetCode;
  nameZh: string;
  nameEn: string;
  sourceZh: string;
  sourceEn: string;
  unit: string;
  target: number;
  atRisk: number;
}

export const defaultPlanTargets: readonly PlanTargetDefinition[] = [
  {
    code: 'monitoring_online_rate',
    nameZh: '重大危险源监测点在线率',
    nameEn: 'Major hazard monitoring points online',
    sourceZh: '监测预警',
    sourceEn: 'Monitoring',
    unit: '%',
    target: 100,
    atRisk: 95,
  },
  {
    code: 'major_hazards_cleared',
    nameZh: '重大事故隐患动态清零',
    nameEn: 'Major hidden hazards cleared',
    sourceZh: '隐患排查治理',
    sourceEn: 'Hidden hazards',
    unit: '项',
    target: 0,
    atRisk: 0,
  },
  {
    code: 'drills_held',
    nameZh: '应急演练次数',
    nameEn: 'Emergency drills held',
    sourceZh: '应急管理',
    sourceEn: 'Emergency',
    unit: '次',
    target: CITY_DRILLS_PER_YEAR,
    atRisk: 80,
  },
];

const labelled = (d: PlanTargetDefinition) => ({
  code: d.code,
  nameZh: d.nameZh,
  nameEn: d.nameEn,
  sourceZh: d.sourceZh,
  sourceEn: d.sourceEn,
  unit: d.unit,
});

export interface PlanTargetInput {
  /** Monitoring points at major hazard sources and tailings ponds: online of all enabled. */
  readonly online: { readonly online: number; readonly total: number } | null;
  readonly majorHazards: { readonly open: number; readonly overdue: number } | null;
  readonly drillsHeld: number | null;
  /** Counties in the viewer's scope (the drills' pace is the city's, pro rata). */
  readonly counties: number;
  readonly progress: YearProgress;
}

const noData = (zh: string, en: string) => ({
  status: 'no_data' as IndicatorTrack,
  reasonZh: zh,
  reasonEn: en,
});

function onlineRate(online: NonNullable<PlanTargetInput['online']>, d: PlanTargetDefinition): PlanTarget {
  const base = { ...labelled(d), target: d.target };
  if (online.total === 0)
    return { ...base, value: null, ...noData('暂无在用监测点', 'No monitoring points in use') };
  const value = Math.round((online.online * 1000) / online.total) / 10;
  const text = `${online.online}/${online.total} 个监测点在线（${value.toFixed(1)}%）`;
  const textEn = `${online.online} of ${online.total} points online (${value.toFixed(1)} %)`;
  // Compared in integers: online ÷ total ≥ target % ⇔ online × 100 ≥ total × target.
  if (online.online * 100 >= online.total * d.target)
    return { ...base, value, status: 'on_track', reasonZh: text, reasonEn: textEn };
  if (online.online * 100 >= online.total * d.atRisk)
    return {
      ...base,
      value,
      status: 'at_risk',
      reasonZh: `${text}，未达到 ${d.target}%`,
      reasonEn: `${textEn}, short of ${d.target} %`,
    };
  return {
    ...base,
    value,
    status: 'off_track',
    reasonZh: `${text}，低于 ${d.atRisk}%`,
    reasonEn: `${textEn}, below ${d.atRisk} %`,
  };
}

function hazardsCleared(
  hazards: NonNullable<PlanTargetInput['majorHazards']>,
  d: PlanTargetDefinition,
): PlanTarget {
  const base = { ...labelled(d), value: hazards.open, target: d.target };
  if (hazards.open <= d.target)
    return {
      ...base,
      status: 'on_track',
      reasonZh: '无未整改的重大事故隐患',
      reasonEn: 'No open major hazards',
    };
  if (hazards.overdue === 0)
    return {
      ...base,
      status: 'at_risk',
      reasonZh: `${hazards.open} 项重大事故隐患正在整改，均未超期`,
      reasonEn: `${hazards.open} major hazards being rectified, none overdue`,
    };
  return {
    ...base,
    status: 'off_track',
    reasonZh: `${hazards.open} 项重大事故隐患未整改，其中 ${hazards.overdue} 项已超期`,
    reasonEn: `${hazards.open} major hazards open, ${hazards.overdue} of them overdue`,
  };
}

function drills(held: number, counties: number, progress: YearProgress, d: PlanTargetDefinition): PlanTarget {
  const yearly = Math.ceil((d.target * counties) / YUXI_COUNTIES);
  const share = Math.min(1, Math.max(0, progress.elapsedDays / progress.daysInYear));
  const due = Math.round(yearly * share * 10) / 10;
  const base = { ...labelled(d), value: held, target: yearly };
  const text = `本年已演练 ${held} 次，按全年 ${yearly} 次进度应达 ${due.toFixed(1)} 次`;
  const textEn = `${held} drills this year; ${due.toFixed(1)} due on the pace of ${yearly} a year`;
  if (held >= due) return { ...base, status: 'on_track', reasonZh: text, reasonEn: textEn };
  if (held * 100 >= due * d.atRisk) return { ...base, status: 'at_risk', reasonZh: text, reasonEn: textEn };
  return { ...base, status: 'off_track', reasonZh: text, reasonEn: textEn };
}

/**
 * The targets the viewer may read (a source they may not read is left out), in the order of the
 * definitions (the stored rows; the defaults when none are given).
 */
export function planTargetStatuses(
  input: PlanTargetInput,
  definitions: readonly PlanTargetDefinition[] = defaultPlanTargets,
): PlanTarget[] {
  return definitions.flatMap((d): PlanTarget[] => {
    if (d.code === 'monitoring_online_rate') return input.online ? [onlineRate(input.online, d)] : [];
    if (d.code === 'major_hazards_cleared')
      return input.majorHazards ? [hazardsCleared(input.majorHazards, d)] : [];
    return input.drillsHeld !== null && input.counties > 0
      ? [drills(input.drillsHeld, input.counties, input.progress, d)]
      : [];
  });
}
