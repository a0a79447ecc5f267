/**
 * Default dictionary data of the registry. Sectors, departments and licence types are editable
 * dictionary rows in the database; these are what a fresh installation starts with.
 */
export interface DictionaryEntry {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
}

/** 监管行业: the regulatory sectors of 应急管理 supervision (not the statistical GB/T 4754 code). */
export const defaultSectors: readonly DictionaryEntry[] = [
  { code: 'hazchem_production', nameZh: '危险化学品生产', nameEn: 'Hazardous chemicals — production' },
  { code: 'hazchem_trading', nameZh: '危险化学品经营', nameEn: 'Hazardous chemicals — trading' },
  { code: 'hazchem_use', nameZh: '危险化学品使用', nameEn: 'Hazardous chemicals — use' },
  { code: 'hazchem_storage', nameZh: '危险化学品储存', nameEn: 'Hazardous chemicals — storage' },
  { code: 'fireworks', nameZh: '烟花爆竹', nameEn: 'Fireworks' },
  { code: 'non_coal_mine', nameZh: '非煤矿山', nameEn: 'Non-coal mines' },
  { code: 'metallurgy', nameZh: '冶金', nameEn: 'Metallurgy' },
  { code: 'nonferrous', nameZh: '有色', nameEn: 'Non-ferrous metals' },
  { code: 'building_materials', nameZh: '建材', nameEn: 'Building materials' },
  { code: 'machinery', nameZh: '机械', nameEn: 'Machinery' },
  { code: 'light_industry', nameZh: '轻工', nameEn: 'Light industry' },
  { code: 'textile', nameZh: '纺织', nameEn: 'Textiles' },
  { code: 'tobacco', nameZh: '烟草', nameEn: 'Tobacco' },
  { code: 'commerce', nameZh: '商贸', nameEn: 'Commerce and trade' },
  { code: 'construction', nameZh: '建筑施工', nameEn: 'Construction' },
  { code: 'road_transport', nameZh: '道路运输', nameEn: 'Road transport' },
  { code: 'other', nameZh: '其他', nameEn: 'Other' },
];

/** 三管三必须: the department responsible for supervising the enterprise's industry. */
export const defaultDepartments: readonly DictionaryEntry[] = [
  { code: 'emergency', nameZh: '应急管理局', nameEn: 'Emergency Management Bureau' },
  { code: 'industry_it', nameZh: '工业和信息化局', nameEn: 'Industry and Information Technology Bureau' },
  { code: 'housing', nameZh: '住房和城乡建设局', nameEn: 'Housing and Urban-Rural Development Bureau' },
  { code: 'transport', nameZh: '交通运输局', nameEn: 'Transport Bureau' },
  { code: 'market', nameZh: '市场监督管理局', nameEn: 'Market Regulation Bureau' },
  { code: 'commerce', nameZh: '商务局', nameEn: 'Commerce Bureau' },
  { code: 'natural_resources', nameZh: '自然资源和规划局', nameEn: 'Natural Resources and Planning Bureau' },
  { code: 'energy', nameZh: '能源局', nameEn: 'Energy Bureau' },
  { code: 'agriculture', nameZh: '农业农村局', nameEn: 'Agriculture and Rural Affairs Bureau' },
  { code: 'culture_tourism', nameZh: '文化和旅游局', nameEn: 'Culture and Tourism Bureau' },
  { code: 'fire', nameZh: '消防救援支队', nameEn: 'Fire and Rescue Detachment' },
];

export const defaultLicenceTypes: readonly DictionaryEntry[] = [
  { code: 'safety_production', nameZh: '安全生产许可证', nameEn: 'Work safety licence' },
  { code: 'hazchem_trading', nameZh: '危险化学品经营许可证', nameEn: 'Hazardous chemicals trading licence' },
  { code: 'hazchem_use', nameZh: '危险化学品安全使用许可证', nameEn: 'Hazardous chemicals use licence' },
  {
    code: 'fireworks_wholesale',
    nameZh: '烟花爆竹经营（批发）许可证',
    nameEn: 'Fireworks wholesale licence',
  },
  { code: 'fireworks_retail', nameZh: '烟花爆竹经营（零售）许可证', nameEn: 'Fireworks retail licence' },
  { code: 'mining', nameZh: '采矿许可证', nameEn: 'Mining licence' },
  { code: 'other', nameZh: '其他许可', nameEn: 'Other licence' },
];

/** The plan's lists of objects under key supervision (专栏 5–10 of the 14th Five-Year plan). */
export const keySupervisionTags: readonly DictionaryEntry[] = [
  { code: 'plan5_non_coal_mine', nameZh: '专栏5 非煤矿山管控重点', nameEn: 'Box 5: key non-coal mine' },
  {
    code: 'plan6_hazchem',
    nameZh: '专栏6 危险化学品管控重点',
    nameEn: 'Box 6: key hazardous-chemical object',
  },
  { code: 'plan7_fireworks', nameZh: '专栏7 烟花爆竹管控重点', nameEn: 'Box 7: key fireworks company' },
  {
    code: 'plan8_metallurgy',
    nameZh: '专栏8 冶金等工贸管控重点',
    nameEn: 'Box 8: key metallurgy/industry company',
  },
  { code: 'plan9_urban_gas', nameZh: '专栏9 城镇燃气整治重点', nameEn: 'Box 9: urban gas focus' },
  { code: 'plan10_park', nameZh: '专栏10 重点管控开发区', nameEn: 'Box 10: key development zone' },
  { code: 'major_hazard', nameZh: '涉及重大危险源', nameEn: 'Has a major hazard source' },
];

export type DictionaryName = 'sector' | 'department' | 'licence_type';
