import type { RegulatedObjectKind } from './regulated-object.schema.ts';

type Label = { readonly zh: string; readonly en: string };

/** The kinds of regulated object (the plan's 专栏 5, 6 and 10), as lists and exports name them. */
export const regulatedObjectKindNames: Readonly<Record<RegulatedObjectKind, Label>> = {
  major_hazard_source: { zh: '重大危险源', en: 'Major hazard source' },
  tailings_pond: { zh: '尾矿库', en: 'Tailings pond' },
  underground_mine: { zh: '地下矿山', en: 'Underground mine' },
  open_pit_mine: { zh: '露天矿山', en: 'Open-pit mine' },
  waste_dump: { zh: '排土场', en: 'Waste dump' },
  pipeline: { zh: '油气管道', en: 'Oil and gas pipeline' },
  park: { zh: '化工园区/开发区', en: 'Chemical park / development zone' },
  geo_hazard_site: { zh: '地质灾害隐患点', en: 'Geological-hazard site' },
  forest_fire_area: { zh: '森林火险区', en: 'Forest-fire risk area' },
};

/** 地质灾害隐患点的灾种 (`attributes.hazardType`). */
export const geoHazardTypeNames: Readonly<Record<string, Label>> = {
  landslide: { zh: '滑坡', en: 'Landslide' },
  debris_flow: { zh: '泥石流', en: 'Debris flow' },
  collapse: { zh: '崩塌', en: 'Rockfall' },
  ground_subsidence: { zh: '地面塌陷', en: 'Ground subsidence' },
  ground_fissure: { zh: '地裂缝', en: 'Ground fissure' },
};

/** 规模等级 (`attributes.scale`). */
export const geoHazardScaleNames: Readonly<Record<string, Label>> = {
  small: { zh: '小型', en: 'Small' },
  medium: { zh: '中型', en: 'Medium' },
  large: { zh: '大型', en: 'Large' },
  giant: { zh: '特大型', en: 'Very large' },
};

/** An object's operating status (its `attributes.status`). */
export const regulatedObjectStatusNames: Readonly<Record<string, Label>> = {
  operating: { zh: '运行', en: 'Operating' },
  construction: { zh: '在建', en: 'Under construction' },
  suspended: { zh: '停用', en: 'Suspended' },
  closed: { zh: '关闭', en: 'Closed' },
  decommissioned: { zh: '已闭库', en: 'Decommissioned' },
};
