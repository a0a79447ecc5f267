/**
 * GB 6441-2025 《生产安全事故分类与编码》 basic accident types (分类代码 1), in force from 2026-07-01
 * (statistics-and-plan.md §3).
 *
 * UNCONFIRMED: the 27 types and their `WSA1nnnn` codes come from one third-party transcription of
 * the standard (S19; the names also in S21, which writes 蒸汽 and 其他事故); other commentary counts
 * 29 types. Nobody here has read the standard's own table. The list is data: a corrected list
 * replaces this array (or is passed as `AccidentTypeOptions.versions`) without touching code paths.
 *
 * Code = `WSA` + classification digit 1 (basic type) + 4 digits (0001–0026, 其他 0099).
 */
import type { AccidentType } from './accident-type-versions.ts';

export const gb6441v2025AccidentTypes: readonly AccidentType[] = [
  { code: 'WSA10001', zh: '物体打击', en: 'Struck by object' },
  { code: 'WSA10002', zh: '厂（场）内车辆致害', en: 'In-plant (on-site) vehicle injury' },
  { code: 'WSA10003', zh: '道路（轨道）车辆致害', en: 'Road (rail) vehicle injury' },
  { code: 'WSA10004', zh: '机械致害', en: 'Machinery injury' },
  { code: 'WSA10005', zh: '起重致害', en: 'Lifting injury' },
  { code: 'WSA10006', zh: '触电', en: 'Electric shock (incl. lightning)' },
  { code: 'WSA10007', zh: '淹溺', en: 'Drowning' },
  { code: 'WSA10008', zh: '灼烫', en: 'Burns and scalds' },
  { code: 'WSA10009', zh: '火灾', en: 'Fire', fire: true },
  { code: 'WSA10010', zh: '高处坠落', en: 'Fall from height (2 m or more)' },
  { code: 'WSA10011', zh: '跌落', en: 'Fall (under 2 m, trips and slips)' },
  { code: 'WSA10012', zh: '坍塌', en: 'Collapse' },
  { code: 'WSA10013', zh: '水害', en: 'Water hazard' },
  { code: 'WSA10014', zh: '容器爆炸', en: 'Pressure vessel explosion' },
  { code: 'WSA10015', zh: '管道爆炸', en: 'Pipeline explosion' },
  { code: 'WSA10016', zh: '可燃气体爆炸', en: 'Flammable gas explosion' },
  { code: 'WSA10017', zh: '可燃液体蒸气爆炸', en: 'Flammable liquid vapour explosion' },
  { code: 'WSA10018', zh: '粉尘爆炸', en: 'Dust explosion' },
  { code: 'WSA10019', zh: '民用爆炸物品爆炸', en: 'Civil explosives explosion' },
  { code: 'WSA10020', zh: '烟花爆竹爆炸', en: 'Fireworks explosion' },
  { code: 'WSA10021', zh: '其他可燃固体爆炸', en: 'Other combustible solid explosion' },
  { code: 'WSA10022', zh: '高温熔融物爆炸', en: 'Molten material explosion' },
  { code: 'WSA10023', zh: '中毒', en: 'Poisoning' },
  { code: 'WSA10024', zh: '窒息', en: 'Asphyxiation (not from poisoning)' },
  { code: 'WSA10025', zh: '滑坡', en: 'Landslide (caused by production)' },
  { code: 'WSA10026', zh: '泄漏', en: 'Release (leak only)' },
  { code: 'WSA10099', zh: '其他', en: 'Other' },
];

/**
 * Suggested 2025 type for each 1986 type, offered to a person re-classifying an old record — never
 * applied silently. UNCONFIRMED: the standard's foreword names the kept, renamed, split and deleted
 * types but fixes no target for deleted or split ones; these targets are one public project's
 * migration defaults (statistics-and-plan.md §3, S23).
 */
export const gb6441v1986To2025Suggestions: Readonly<Record<string, string>> = {
  '01': 'WSA10001', // 物体打击 kept
  '02': 'WSA10002', // 车辆伤害 split: 厂(场)内 by default, 道路(轨道) when on a road
  '03': 'WSA10004', // 机械伤害 → 机械致害
  '04': 'WSA10005', // 起重伤害 → 起重致害
  '05': 'WSA10006', // 触电 kept
  '06': 'WSA10007', // 淹溺 kept
  '07': 'WSA10008', // 灼烫 kept
  '08': 'WSA10009', // 火灾 kept
  '09': 'WSA10010', // 高处坠落 kept (≥ 2 m; below is 跌落)
  '10': 'WSA10012', // 坍塌 kept
  '11': 'WSA10012', // 冒顶片帮 deleted → 坍塌
  '12': 'WSA10013', // 透水 deleted → 水害
  '13': 'WSA10019', // 放炮 deleted → 民用爆炸物品爆炸
  '14': 'WSA10019', // 火药爆炸 deleted → 民用爆炸物品爆炸
  '15': 'WSA10016', // 瓦斯爆炸 deleted → 可燃气体爆炸
  '16': 'WSA10014', // 锅炉爆炸 deleted → 容器爆炸
  '17': 'WSA10014', // 容器爆炸 kept
  '18': 'WSA10099', // 其他爆炸 deleted → 其他
  '19': 'WSA10023', // 中毒和窒息 split → 中毒 (窒息 when not from poisoning)
  '20': 'WSA10099', // 其他伤害 → 其他
};
