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
};

/** An object's operating status (its `attributes.status`). */
export const regulatedObjectStatusNames: Readonly<Record<string, Label>> = {
  operating: { zh: '运行', en: 'Operating' },
  construction: { zh: '在建', en: 'Under construction' },
  suspended: { zh: '停用', en: 'Suspended' },
  closed: { zh: '关闭', en: 'Closed' },
  decommissioned: { zh: '已闭库', en: 'Decommissioned' },
};
