import { chinaDate } from '../common/china-time.ts';
import { accidentLevelNames, type AccidentLevel } from '../emergency/accidents/accident-level.ts';
import { yuxiCounties } from '../registry/divisions/yuxi-divisions.ts';
import type { OrganisationKind } from './organisations.ts';

/**
 * Veto items (一票否决) the system sets from the statistics (statistics-and-plan.md §4.2): a county
 * (县（市、区）人民政府) in whose area a 较大 or worse production-safety accident happened in the
 * assessment's year is graded 不合格 and ranked last. The reason names each accident by date, place
 * and class — never a record id. The statistics hold no "concealed" (瞒报) flag, so a concealed
 * accident stays a veto the assessors write themselves.
 */
export const vetoAccidentLevels: readonly AccidentLevel[] = ['larger', 'major', 'especially_major'];

/** An accident as the statistics record it (the fields a veto reason names). */
export interface VetoAccidentRecord {
  readonly occurredAt: Date;
  /** County division code (6 digits). */
  readonly county: string;
  readonly location: string;
  readonly level: AccidentLevel;
}

export interface VetoAccident {
  /** China-time calendar date, YYYY-MM-DD. */
  readonly date: string;
  /** County division code and its name. */
  readonly county: string;
  readonly countyName: string;
  readonly location: string;
  readonly level: AccidentLevel;
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
        vetoAccidentLevels.includes(r.level) &&
        chinaDate(r.occurredAt).startsWith(`${year}-`),
    )
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())
    .map((r) => ({
      date: chinaDate(r.occurredAt),
      county: r.county,
      countyName: countyOf(r.county)?.nameZh ?? r.county,
      location: r.location,
      level: r.level,
    }));
  if (accidents.length === 0) return null;
  return { accidents, reason: vetoReason(accidents) };
}

/** 辖区发生较大及以上生产安全事故：2025-03-12 红塔区 某作业场所（较大事故）；… */
export function vetoReason(accidents: readonly VetoAccident[]): { zh: string; en: string } {
  return {
    zh: `辖区发生较大及以上生产安全事故：${accidents
      .map((a) => `${a.date} ${a.countyName} ${a.location}（${accidentLevelNames[a.level].zh}）`)
      .join('；')}`,
    en: `A larger or worse accident in the unit’s area: ${accidents
      .map(
        (a) =>
          `${a.date}, ${countyOf(a.county)?.nameEn ?? a.countyName}, ${a.location} (${accidentLevelNames[a.level].en})`,
      )
      .join('; ')}`,
  };
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
