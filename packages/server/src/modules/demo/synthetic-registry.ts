import { generateSyntheticCreditCode, yuxiCounties, yuxiTownships } from '@anjian/domain';
import type { EnterpriseWrite } from '../registry/enterprises/enterprises.repository.ts';

/**
 * Synthetic enterprises for the demo (演示) and the benchmarks: valid-format credit codes,
 * plausible names, spread over the counties and sectors in rough proportion to a city like Yuxi.
 * Deterministic for a given seed. None of it is real.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, weight] of weighted) {
    r -= weight;
    if (r < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

const countyWeights = [
  ['530402', 30],
  ['530403', 10],
  ['530423', 12],
  ['530424', 8],
  ['530425', 8],
  ['530426', 8],
  ['530427', 10],
  ['530428', 6],
  ['530481', 8],
] as const;

// sector, weight, GB/T 4754 class, name word
const sectorTable = [
  ['commerce', 20, 'F5212', '商贸'],
  ['machinery', 12, 'C3484', '机械制造'],
  ['building_materials', 10, 'C3021', '建材'],
  ['hazchem_trading', 6, 'F5166', '化工贸易'],
  ['hazchem_use', 4, 'C2669', '精细化工'],
  ['hazchem_production', 3, 'C2614', '化工'],
  ['hazchem_storage', 2, 'G5942', '危化品仓储'],
  ['light_industry', 10, 'C1391', '食品'],
  ['tobacco', 3, 'C1620', '烟草配套'],
  ['construction', 8, 'E4710', '建筑工程'],
  ['road_transport', 6, 'G5430', '物流运输'],
  ['metallurgy', 4, 'C3140', '冶金'],
  ['nonferrous', 3, 'C3216', '有色金属'],
  ['non_coal_mine', 4, 'B1019', '矿业'],
  ['textile', 2, 'C1713', '纺织'],
  ['fireworks', 1, 'C2672', '花炮'],
  ['other', 2, 'C4190', '实业'],
] as const;

const prefixes = [
  '玉溪',
  '云南',
  '滇中',
  '星云',
  '抚仙',
  '聂耳',
  '红塔',
  '高原',
  '彩云',
  '杞麓',
  '元江',
  '哀牢',
  '澄湖',
  '秀山',
  '宁州',
];
const middles = [
  '恒通',
  '鑫源',
  '宏达',
  '华泰',
  '金茂',
  '瑞丰',
  '永盛',
  '长安',
  '兴业',
  '鸿运',
  '众诚',
  '新天',
  '德润',
  '泰和',
  '盛世',
  '安达',
  '昌隆',
  '富源',
];
const surnames = ['张', '李', '王', '刘', '杨', '赵', '陈', '李', '普', '白', '罗', '字', '段', '施', '何'];
const givenNames = [
  '明',
  '华',
  '建国',
  '丽',
  '海',
  '兴',
  '梅',
  '志强',
  '春',
  '云',
  '红',
  '永',
  '德',
  '亮',
  '芳',
];

export interface SyntheticEnterprise {
  enterprise: EnterpriseWrite;
  licences: { type: string; number: string; validUntil: string }[];
  /** Contact persons, kept apart so that phones are sealed with the installation's own key. */
  people: { legal: string; legalPhone: string; safety: string; safetyPhone: string };
}

export function syntheticEnterprises(
  count: number,
  options: { seed: number; startSerial: number; today: string },
): SyntheticEnterprise[] {
  const random = seededRandom(options.seed);
  const today = Date.parse(`${options.today}T00:00:00Z`);
  const result: SyntheticEnterprise[] = [];
  for (let i = 0; i < count; i++) {
    const county = pick(random, countyWeights);
    const seat = yuxiCounties.find((c) => c.code === county)!.seat;
    const [sector, , industryCode, word] =
      sectorTable[
        Math.floor(
          pick(
            random,
            sectorTable.map((s, index) => [index, s[1]] as const),
          ),
        )
      ]!;
    const townships = yuxiTownships.filter((t) => t.county === county);
    const township = townships[Math.floor(random() * townships.length)]!;
    const prefix = prefixes[Math.floor(random() * prefixes.length)]!;
    const middle = middles[Math.floor(random() * middles.length)]!;
    const serial = options.startSerial + i;
    const scale = pick(random, [
      ['large', 2],
      ['medium', 12],
      ['small', 46],
      ['micro', 40],
    ] as const);
    const employees =
      { large: 1000, medium: 300, small: 50, micro: 8 }[scale] +
      Math.floor(random() * { large: 3000, medium: 700, small: 250, micro: 20 }[scale]);
    const person = () =>
      `${surnames[Math.floor(random() * surnames.length)]}${givenNames[Math.floor(random() * givenNames.length)]}`;
    const phone = () =>
      `13${Math.floor(random() * 10)}${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
    const licensed = [
      'hazchem_production',
      'hazchem_trading',
      'hazchem_use',
      'hazchem_storage',
      'non_coal_mine',
      'fireworks',
    ].includes(sector);
    const licenceType =
      sector === 'non_coal_mine'
        ? 'safety_production'
        : sector === 'fireworks'
          ? 'fireworks_wholesale'
          : sector === 'hazchem_production'
            ? 'safety_production'
            : sector === 'hazchem_use'
              ? 'hazchem_use'
              : 'hazchem_trading';
    // Licences spread from 2 months expired to 3 years ahead, so every reminder band shows up.
    const validUntil = new Date(today + Math.floor(random() * 1155 - 60) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const status = pick(random, [
      ['operating', 92],
      ['suspended', 6],
      ['closed', 2],
    ] as const);
    const enterprise: EnterpriseWrite = {
      name: `${prefix}${middle}${word}有限公司${String(serial).padStart(4, '0')}`,
      creditCode: generateSyntheticCreditCode(serial, { divisionCode: county }),
      county,
      township: township.code,
      address: `玉溪市${yuxiCounties.find((c) => c.code === county)!.nameZh}${township.nameZh}演示路${1 + Math.floor(random() * 300)}号`,
      location: {
        lon: Number((seat[0] + (random() - 0.5) * 0.16).toFixed(5)),
        lat: Number((seat[1] + (random() - 0.5) * 0.12).toFixed(5)),
      },
      locationApproximate: true,
      industryCode,
      sectors: [sector],
      scale,
      employees,
      contacts: {},
      status,
      keyTags: sector.startsWith('hazchem') ? ['plan6_hazchem'] : [],
      responsibleDepartment: departmentOf(sector),
      demo: true,
    };
    result.push({
      enterprise,
      licences: licensed
        ? [
            {
              type: licenceType,
              number: `（云）WH安许证字〔${2020 + Math.floor(random() * 6)}〕${String(serial).padStart(4, '0')}`,
              validUntil,
            },
          ]
        : [],
      people: { legal: person(), legalPhone: phone(), safety: person(), safetyPhone: phone() },
    });
  }
  return result;
}

function departmentOf(sector: string): string {
  if (sector === 'construction') return 'housing';
  if (sector === 'road_transport') return 'transport';
  if (sector === 'commerce') return 'commerce';
  return 'emergency';
}
