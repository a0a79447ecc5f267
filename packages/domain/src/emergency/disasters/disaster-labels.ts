import type { DisasterFigureField } from './disaster.schema.ts';
import type { DisasterReportStage } from './disaster-rules.ts';

interface Label {
  readonly zh: string;
  readonly en: string;
}

/** Names of the default kinds (a configured kind without a name shows as 其他). */
export const disasterKindLabels: Readonly<Record<string, Label>> = {
  flood: { zh: '洪涝', en: 'Flood' },
  waterlogging: { zh: '城市内涝', en: 'Waterlogging' },
  landslide: { zh: '滑坡', en: 'Landslide' },
  debris_flow: { zh: '泥石流', en: 'Debris flow' },
  collapse: { zh: '崩塌', en: 'Rockfall' },
  forest_fire: { zh: '森林火灾', en: 'Forest fire' },
  grassland_fire: { zh: '草原火灾', en: 'Grassland fire' },
  earthquake: { zh: '地震', en: 'Earthquake' },
  drought: { zh: '干旱', en: 'Drought' },
  storm: { zh: '风雹（大风）', en: 'Windstorm' },
  hail: { zh: '冰雹', en: 'Hail' },
  snow: { zh: '雪灾', en: 'Snow' },
  low_temperature: { zh: '低温冷冻', en: 'Frost' },
  other: { zh: '其他', en: 'Other' },
};

export const disasterStageLabels: Readonly<Record<DisasterReportStage, Label>> = {
  initial: { zh: '初报', en: 'Initial' },
  follow_up: { zh: '续报', en: 'Follow-up' },
  verified: { zh: '核报', en: 'Verified' },
};

/** The figures' names and units as the 快报表 prints them. */
export const disasterFieldLabels: Readonly<
  Record<DisasterFigureField, Label & { unitZh: string; unitEn: string }>
> = {
  affected: { zh: '受灾人口', en: 'People affected', unitZh: '人次', unitEn: 'persons' },
  relocated: { zh: '紧急转移安置人口', en: 'Relocated', unitZh: '人次', unitEn: 'persons' },
  needingAid: { zh: '需紧急生活救助人口', en: 'Needing aid', unitZh: '人次', unitEn: 'persons' },
  deaths: { zh: '死亡人口', en: 'Dead', unitZh: '人', unitEn: 'persons' },
  missing: { zh: '失踪人口', en: 'Missing', unitZh: '人', unitEn: 'persons' },
  housesCollapsed: { zh: '倒塌房屋', en: 'Houses collapsed', unitZh: '间', unitEn: 'rooms' },
  housesSeverelyDamaged: { zh: '严重损坏房屋', en: 'Houses badly damaged', unitZh: '间', unitEn: 'rooms' },
  housesDamaged: { zh: '一般损坏房屋', en: 'Houses damaged', unitZh: '间', unitEn: 'rooms' },
  cropsHectares: { zh: '农作物受灾面积', en: 'Crops affected', unitZh: '公顷', unitEn: 'ha' },
  directLossWan: { zh: '直接经济损失', en: 'Direct loss', unitZh: '万元', unitEn: '10k CNY' },
};

export const disasterKindLabel = (kind: string, lang: 'zh' | 'en' = 'zh'): string =>
  (disasterKindLabels[kind] ?? disasterKindLabels.other!)[lang];
