import type { Gb18218CategoryCode } from './gb18218-table2.ts';

/**
 * The default GB 18218-2018 Table 2 hazard categories of each Table 1 chemical, so that β can be
 * taken from Table 4 without asking the assessor (issue 11 item 18).
 *
 * Source: our reading of each chemical's GHS classification (GB 30000 series) as listed in
 * 《危险化学品目录（2015版）》 and its 实施指南, mapped onto the Table 2 categories (standards.md §1.4).
 * The research notes hold no copy of the catalogue, so none of these has been checked against its
 * text here: `confirmed: true` marks the classifications that are textbook-certain (LPG, methane,
 * hydrogen… are 易燃气体 类别1; TNT, lead azide… are 1.1项 explosives; the chlorates are 氧化性固体
 * 类别1), `false` the ones to check (flash-point or condition-dependent classes, organic peroxide
 * types, acute-toxicity categories). docs/major-hazards.md lists them all.
 *
 * Rows of Table 3 (named toxic gases) are absent: Table 3 gives their β, Table 4 never applies.
 * Row 13 (煤气) is listed for when the inferred Table 3 β of CO is switched off. Row 26 (三氧化硫)
 * has no Table 2 category (corrosive only), so the assessor still has to name one.
 *
 * Where a row has several categories, β is the largest of theirs (beta-factor.ts).
 */
export interface Gb18218DefaultCategories {
  readonly categories: readonly Gb18218CategoryCode[];
  readonly confirmed: boolean;
}

const c = (confirmed: boolean, ...categories: Gb18218CategoryCode[]): Gb18218DefaultCategories => ({
  categories,
  confirmed,
});

/** Keyed by Table 1 row number. */
export const gb18218Table1DefaultCategories: Readonly<Record<number, Gb18218DefaultCategories>> = {
  2: c(false, 'J1', 'W4'), // 二氟化氧: 急性毒性-吸入 1 (gas), 氧化性气体 1
  5: c(false, 'J3', 'W4'), // 氟: 急性毒性-吸入 2 (gas), 氧化性气体 1
  8: c(false, 'J3', 'W2'), // 甲醛(>90%): a gas; 易燃气体 1, 急性毒性-吸入 3
  13: c(false, 'J3', 'W2'), // 煤气: 易燃气体 1, CO 急性毒性-吸入 3
  14: c(false, 'J3', 'W2'), // 砷化氢: 易燃气体 1, 急性毒性-吸入 2
  15: c(false, 'J3', 'W2'), // 锑化氢: 易燃气体 1, 急性毒性-吸入 2
  16: c(false, 'J3', 'W2'), // 硒化氢: 易燃气体 1, 急性毒性-吸入 2
  18: c(false, 'J2'), // 丙酮氰醇: 急性毒性-经皮 1 (liquid)
  19: c(false, 'J2', 'W5.3'), // 丙烯醛: 急性毒性-吸入 1 (liquid), 易燃液体 2
  21: c(false, 'W5.4'), // 环氧氯丙烷: 易燃液体 3 (acute toxicity 3 has no Table 2 category for a liquid)
  22: c(false, 'W5.4'), // 环氧溴丙烷: 易燃液体 3
  23: c(false, 'J5'), // 甲苯二异氰酸酯: 急性毒性-吸入 2 (liquid)
  24: c(false, 'J5'), // 一氯化硫: 急性毒性-吸入 2 (liquid)
  27: c(false, 'J5', 'W5.3'), // 烯丙胺: 急性毒性-吸入 2, 易燃液体 2
  28: c(false, 'J2'), // 溴: 急性毒性-吸入 1/2 (liquid); J2 and J5 both β = 1
  29: c(false, 'J2', 'W5.3'), // 乙撑亚胺: 急性毒性 1, 易燃液体 2
  31: c(false, 'W1.1'), // 叠氮化钡 (dry or wetted < 50 %): 1.1项
  32: c(true, 'W1.1'), // 叠氮化铅: 1.1项
  33: c(true, 'W1.1'), // 雷汞: 1.1项
  34: c(false, 'W1.1'), // 三硝基苯甲醚: 1.1项
  35: c(true, 'W1.1'), // TNT: 1.1项
  36: c(true, 'W1.1'), // 硝化甘油: 1.1项
  37: c(false, 'W1.1'), // 硝化纤维素 dry or wetted < 25 %: 1.1项 (UN 0340)
  38: c(false, 'W1.1'), // 硝化纤维素 unmodified or plasticised < 18 %: 1.1项 (UN 0341)
  39: c(false, 'W1.2'), // 硝化纤维素 ≥ 25 % alcohol: 1.3项 (UN 0342)
  40: c(false, 'W10'), // 硝化纤维素 ≤ 12.6 % N: 易燃固体 1 (UN 2557)
  41: c(false, 'W10'), // 硝化纤维素 ≥ 25 % water: 易燃固体 1 (UN 2555)
  42: c(false, 'W5.3'), // 硝化纤维素溶液: 易燃液体 2 (by its solvent)
  43: c(false, 'W1.1'), // 硝酸铵 > 0.2 % combustibles: 1.1项 (UN 0222)
  44: c(false, 'W9.2'), // 硝酸铵 ≤ 0.2 %: 氧化性固体 3
  45: c(false, 'W9.2'), // 硝酸铵肥料: 氧化性固体 3
  46: c(true, 'W9.2'), // 硝酸钾: 氧化性固体 3
  47: c(true, 'W2'), // 1,3-丁二烯: 易燃气体 1
  48: c(true, 'W2'), // 二甲醚: 易燃气体 1
  49: c(true, 'W2'), // 甲烷, 天然气: 易燃气体 1
  50: c(true, 'W2'), // 氯乙烯: 易燃气体 1
  51: c(true, 'W2'), // 氢: 易燃气体 1
  52: c(true, 'W2'), // 液化石油气: 易燃气体 1
  53: c(true, 'W2'), // 一甲胺: 易燃气体 1
  54: c(true, 'W2'), // 乙炔: 易燃气体 1
  55: c(true, 'W2'), // 乙烯: 易燃气体 1
  56: c(true, 'W4'), // 氧: 氧化性气体 1
  57: c(true, 'W5.3'), // 苯: 易燃液体 2
  58: c(true, 'W5.4'), // 苯乙烯: 易燃液体 3
  59: c(true, 'W5.3'), // 丙酮: 易燃液体 2
  60: c(true, 'W5.3'), // 丙烯腈: 易燃液体 2
  61: c(false, 'W5.1'), // 二硫化碳: 易燃液体 1
  62: c(true, 'W5.3'), // 环己烷: 易燃液体 2
  63: c(false, 'W5.1'), // 1,2-环氧丙烷: 易燃液体 1
  64: c(true, 'W5.3'), // 甲苯: 易燃液体 2
  65: c(true, 'W5.3'), // 甲醇: 易燃液体 2
  66: c(false, 'W5.3'), // 汽油: 易燃液体 2 in the catalogue; 类别1 by initial boiling point in some grades
  67: c(true, 'W5.3'), // 乙醇: 易燃液体 2
  68: c(false, 'W5.1'), // 乙醚: 易燃液体 1
  69: c(true, 'W5.3'), // 乙酸乙酯: 易燃液体 2
  70: c(true, 'W5.3'), // 正己烷: 易燃液体 2
  71: c(false, 'W7.2'), // 过乙酸: 有机过氧化物 D/F型 by concentration
  72: c(false, 'W7.1'), // 过氧化甲基乙基酮 (> 10 % active oxygen): 有机过氧化物 B型 (UN 3101)
  73: c(false, 'J2', 'W8'), // 白磷: 自燃固体 1, 急性毒性 1/2
  74: c(false, 'W8', 'W11'), // 烷基铝: 自燃液体 1, 遇水放出易燃气体 1
  75: c(false, 'J2', 'W8'), // 戊硼烷: 自燃液体 1, 急性毒性-吸入 1
  76: c(true, 'W9.1'), // 过氧化钾: 氧化性固体 1
  77: c(true, 'W9.1'), // 过氧化钠: 氧化性固体 1
  78: c(true, 'W9.1'), // 氯酸钾: 氧化性固体 1
  79: c(true, 'W9.1'), // 氯酸钠: 氧化性固体 1
  80: c(false, 'W9.1'), // 发烟硝酸: 氧化性液体 1
  81: c(false, 'W9.2'), // 硝酸 > 70 %: 氧化性液体 3
  82: c(false, 'W9.2'), // 硝酸胍: 氧化性固体 3
  83: c(true, 'W11'), // 碳化钙: 遇水放出易燃气体 1
  84: c(true, 'W11'), // 钾: 遇水放出易燃气体 1
  85: c(true, 'W11'), // 钠: 遇水放出易燃气体 1
};
