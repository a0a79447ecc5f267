import {
  STATISTICS_FIRST_YEAR,
  accidentTypeVersionFor,
  chinaDate,
  chinaIso,
  classifyAccident,
  suggestSector,
  yuxiCounties,
  type AccidentSector,
} from '@anjian/domain';
import type { AccidentRow } from '../statistics/statistics-import-rows.ts';

/** Share of accidents by sector (Yunnan 2023: 道路运输 ≈ 68 %, 建筑业 ≈ 15 %, statistics-and-plan.md §6). */
const sectorWeights: readonly (readonly [AccidentSector, number])[] = [
  ['road_transport', 66],
  ['construction', 15],
  ['industry_trade', 7],
  ['metal_nonmetal_mine', 4],
  ['chemicals', 1],
  ['other_industrial', 2],
  ['water_transport', 1],
  ['farm_machinery', 2],
  ['fire', 1],
  ['other', 1],
];

/** Counties by weight (红塔区, the seat, has most of the traffic and the building sites). */
export const demoCountyWeights: readonly (readonly [string, number])[] = [
  ['530402', 26],
  ['530403', 10],
  ['530423', 11],
  ['530424', 9],
  ['530425', 9],
  ['530426', 9],
  ['530427', 10],
  ['530428', 8],
  ['530481', 8],
];

/** Type names by sector; the code comes from the GB 6441 version of the accident's date. */
const typesBySector: Partial<Record<AccidentSector, readonly string[]>> = {
  road_transport: ['车辆伤害', '道路（轨道）车辆致害'],
  construction: ['高处坠落', '坍塌', '物体打击', '起重伤害', '起重致害', '触电'],
  industry_trade: ['机械伤害', '机械致害', '物体打击', '触电', '灼烫'],
  metal_nonmetal_mine: ['坍塌', '冒顶片帮', '物体打击', '高处坠落'],
  chemicals: ['中毒和窒息', '中毒', '火灾', '灼烫'],
  fire: ['火灾'],
  water_transport: ['淹溺'],
};

function pick<T>(random: () => number, weights: readonly (readonly [T, number])[]): T {
  const total = weights.reduce((s, [, w]) => s + w, 0);
  let roll = random() * total;
  for (const [value, weight] of weights) if ((roll -= weight) < 0) return value;
  return weights[weights.length - 1]![0];
}

/** A type of the sector that exists in the version of the date (names differ between 1986 and 2025). */
function accidentType(random: () => number, sector: AccidentSector, at: Date): string {
  const version = accidentTypeVersionFor(at);
  const names = (typesBySector[sector] ?? ['物体打击']).filter((n) => version.types.some((t) => t.zh === n));
  const name = names[Math.floor(random() * names.length)] ?? '物体打击';
  return version.types.find((t) => t.zh === name)!.code;
}

export interface DemoEnterprise {
  id: string;
  name: string;
  county: string;
  industryCode: string | null;
}

/**
 * Plausible accident history (演示): `perYear` accidents in 2016, falling ~6 % a year, spread over
 * the year and the counties; most with one death, a few with none (loss only) or 3+ (较大). Work
 * accidents name a demo enterprise of their county and sector when one exists.
 */
export function demoAccidentHistory(options: {
  random: () => number;
  now: Date;
  perYear: number;
  enterprises: readonly DemoEnterprise[];
}): AccidentRow[] {
  const { random, now } = options;
  const rows: AccidentRow[] = [];
  const lastYear = Number(chinaDate(now).slice(0, 4));
  const byCountySector = new Map<string, DemoEnterprise[]>();
  for (const e of options.enterprises) {
    const key = `${e.county}|${suggestSector(e.industryCode)}`;
    byCountySector.set(key, [...(byCountySector.get(key) ?? []), e]);
  }
  for (let year = STATISTICS_FIRST_YEAR; year <= lastYear; year++) {
    const count = Math.round(options.perYear * 0.94 ** (year - STATISTICS_FIRST_YEAR));
    for (let i = 0; i < count; i++) {
      const day = Math.floor(random() * 365);
      const minute = Math.floor(random() * 1440);
      const wall = new Date(Date.UTC(year, 0, 1 + day, 0, minute));
      const at = new Date(chinaIso(wall.toISOString().slice(0, 19)));
      if (at > now) continue;
      const sector = pick(random, sectorWeights);
      const county = pick(random, demoCountyWeights);
      const roll = random();
      const deaths = roll < 0.12 ? 0 : roll < 0.97 ? 1 : roll < 0.99 ? 2 : 3 + Math.floor(random() * 3);
      const seriousInjuries = random() < 0.2 ? 1 + Math.floor(random() * 3) : 0;
      const lossWan = (deaths === 0 ? 100 + random() * 300 : 5 + random() * 80).toFixed(2);
      const candidates = byCountySector.get(`${county}|${sector}`) ?? [];
      const enterprise =
        candidates.length > 0 && random() < 0.8
          ? candidates[Math.floor(random() * candidates.length)]!
          : null;
      const countyName = yuxiCounties.find((c) => c.code === county)!.nameZh;
      rows.push({
        occurredAt: at,
        county,
        township: null,
        enterpriseId: enterprise?.id ?? null,
        enterpriseName: enterprise?.name ?? null,
        location: `（演示）${countyName}${sector === 'road_transport' ? `某道路K${Math.floor(random() * 90)}` : '某作业场所'}`,
        sector,
        industryCode: enterprise?.industryCode ?? null,
        accidentType: accidentType(random, sector, at),
        level: classifyAccident({ deaths, seriousInjuries, directLossWan: lossWan }).level,
        deaths,
        missing: 0,
        seriousInjuries,
        lossWan,
      });
    }
  }
  return rows;
}

/** Yuxi's GDP, 亿元 at current prices (statistics-and-plan.md §6: 2022 verified, the rest approximate). */
export const demoCityGdp: Readonly<Record<number, number>> = {
  2016: 1312,
  2017: 1415,
  2018: 1490,
  2019: 1950,
  2020: 2060,
  2021: 2350,
  2022: 2521,
  2023: 2600,
  2024: 2660,
  2025: 2700,
  2026: 2780,
};

/** County shares of GDP and employment (synthetic, labelled 演示). */
export const demoCountyShares: Readonly<Record<string, number>> = {
  '530402': 0.34,
  '530403': 0.07,
  '530423': 0.08,
  '530424': 0.07,
  '530425': 0.08,
  '530426': 0.07,
  '530427': 0.09,
  '530428': 0.06,
  '530481': 0.14,
};
