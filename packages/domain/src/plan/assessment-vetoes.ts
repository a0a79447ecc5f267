import { chinaDate } from '../common/china-time.ts';
import { accidentLevelNames, type AccidentLevel } from '../emergency/accidents/accident-level.ts';
import { yuxiCounties } from '../registry/divisions/yuxi-divisions.ts';
import {
  reportingFindingNames,
  vetoReportingFindings,
  type ReportingFinding,
} from '../statistics/reporting-finding.ts';
import type { OrganisationKind } from './organisations.ts';

/**
 * Veto items (一票否决) the system sets from the statistics (statistics-and-plan.md §4.2): a county
 * (县（市、区）人民政府) in whose area a 较大 or worse production-safety accident happened in the
 * assessment's year is graded 不合格 and ranked last. The reason names each accident by date, place
 * and class — never a record id. An accident of any class the statistics staff found concealed
 * (瞒报) or falsely reported (谎报) vetoes the county too (国办发〔2016〕64号: 瞒报、谎报 is a veto item);
 * one reported late (迟报) does not.
 */
export const vetoAccidentLevels: readonly AccidentLevel[] = ['larger', 'major', 'especially_major'];

/** An accident as the statistics record it (the fields a veto reason names). */
export interface VetoAccidentRecord {
  readonly occurredAt: Date;
  /** County division code (6 digits). */
  readonly county: string;
  readonly location: string;
  readonly level: AccidentLevel;
  readonly reportingFinding?: ReportingFinding | null;
}

export interface VetoAccident {
  /** China-time calendar date, YYYY-MM-DD. */
  readonly date: string;
  /** County division code and its name. */
  readonly county: string;
  readonly countyName: string;
  readonly location: string;
  readonly level: AccidentLevel;
  /** 瞒报 or 谎报: why an accident below 较大 vetoes. */
  readonly finding?: ReportingFinding;
}

export interface AutomaticVeto {
  readonly accidents: VetoAccident[];
  readonly reason: { readonly zh: string; readonly en: string };
}

export interface VetoUnit {
  readonly kind: OrganisationKind;
  readonly divisionCode: string;
}

const countyOf = (code: string) => yuxiCounties.find((c) => c.code === code);

/** The automatic veto of a unit for a year, or null (only county governments are vetoed by area). */
export function automaticVeto(
  unit: VetoUnit,
  year: number,
  records: readonly VetoAccidentRecord[],
): AutomaticVeto | null {
  if (unit.kind !== 'county') return null;
  const accidents = records
    .filter(
      (r) =>
        r.county === unit.divisionCode &&
        (vetoAccidentLevels.includes(r.level) || vetoingFinding(r) !== null) &&
        chinaDate(r.occurredAt).startsWith(`${year}-`),
    )
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())
    .map((r) => {
      const finding = vetoingFinding(r);
      return {
        date: chinaDate(r.occurredAt),
        county: r.county,
        countyName: countyOf(r.county)?.nameZh ?? r.county,
        location: r.location,
        level: r.level,
        ...(finding ? { finding } : {}),
      };
    })
    // The same accident read twice (a 较大 one also found concealed) is named once.
    .filter((a, i, all) => all.findIndex((b) => sameAccident(a, b)) === i);
  if (accidents.length === 0) return null;
  return { accidents, reason: vetoReason(accidents) };
}

const vetoingFinding = (r: VetoAccidentRecord): ReportingFinding | null =>
  r.reportingFinding && vetoReportingFindings.includes(r.reportingFinding) ? r.reportingFinding : null;

const sameAccident = (a: VetoAccident, b: VetoAccident) =>
  a.date === b.date && a.county === b.county && a.location === b.location && a.level === b.level;

const accidentZh = (a: VetoAccident) =>
  `${a.date} ${a.countyName} ${a.location}（${accidentLevelNames[a.level].zh}${a.finding ? `，${reportingFindingNames[a.finding].zh}` : ''}）`;
const accidentEn = (a: VetoAccident) =>
  `${a.date}, ${countyOf(a.county)?.nameEn ?? a.countyName}, ${a.location} (${accidentLevelNames[a.level].en}${a.finding ? `, ${reportingFindingNames[a.finding].en}` : ''})`;

/**
 * 辖区发生较大及以上生产安全事故：2025-03-12 红塔区 某作业场所（较大事故）；… and, for accidents found
 * concealed or falsely reported, 瞒报、谎报生产安全事故：2025-06-01 江川区 某仓库（一般事故，瞒报）.
 */
export function vetoReason(accidents: readonly VetoAccident[]): { zh: string; en: string } {
  const larger = accidents.filter((a) => !a.finding);
  const found = accidents.filter((a) => a.finding);
  const zh = [
    larger.length ? `辖区发生较大及以上生产安全事故：${larger.map(accidentZh).join('；')}` : '',
    found.length ? `瞒报、谎报生产安全事故：${found.map(accidentZh).join('；')}` : '',
  ];
  const en = [
    larger.length
      ? `A larger or worse accident in the unit’s area: ${larger.map(accidentEn).join('; ')}`
      : '',
    found.length ? `An accident concealed or falsely reported: ${found.map(accidentEn).join('; ')}` : '',
  ];
  return { zh: zh.filter(Boolean).join('。'), en: en.filter(Boolean).join('. ') };
}

/**
 * The veto that counts: the assessors' own veto if they wrote one, else the automatic veto unless
 * the assessors overrode it with a written reason.
 */
export function effectiveVeto(
  manual: string | null,
  automatic: AutomaticVeto | null,
  override: string | null,
): string | null {
  if (manual) return manual;
  if (automatic && !override) return automatic.reason.zh;
  return null;
}
