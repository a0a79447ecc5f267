import { YUXI_CITY_CODE, yuxiCounties } from '../registry/divisions/yuxi-divisions.ts';
import { yuxiTownships } from '../registry/yuxi-townships.ts';
import type { AccidentSector } from '../statistics/accident-sectors.ts';

/**
 * The units that carry out the plan, as a tree: the 安委办 (hosted by 市应急管理局, seed text
 * 三（一）), the city departments the plan's tasks name by their sector, the nine counties with their
 * 应急管理局, and the townships (统计用区划代码 2023). `sectors` are the 行业领域 a department
 * supervises (accident-sectors.ts codes); a department account sees the plan work of its own units.
 */
export const organisationKinds = [
  'committee',
  'city_department',
  'county',
  'county_department',
  'township',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export interface OrganisationDefinition {
  readonly code: string;
  readonly parentCode: string | null;
  readonly kind: OrganisationKind;
  readonly name: string;
  readonly divisionCode: string;
  readonly sectors: readonly AccidentSector[];
}

const city = (
  code: string,
  name: string,
  sectors: readonly AccidentSector[] = [],
): OrganisationDefinition => ({
  code,
  parentCode: 'committee',
  kind: 'city_department',
  name,
  divisionCode: YUXI_CITY_CODE,
  sectors,
});

export const cityDepartments: readonly OrganisationDefinition[] = [
  city('city-ema', '市应急管理局', ['metal_nonmetal_mine', 'chemicals', 'fireworks', 'industry_trade']),
  city('city-housing', '市住房和城乡建设局', ['construction']),
  city('city-transport', '市交通运输局', ['road_transport', 'water_transport']),
  city('city-traffic-police', '市公安局交通警察支队', ['road_transport']),
  city('city-public-security', '市公安局'),
  city('city-fire', '市消防救援支队', ['fire']),
  city('city-market', '市市场监督管理局'),
  city('city-culture-tourism', '市文化和旅游局'),
  city('city-agriculture', '市农业农村局', ['farm_machinery', 'fishing_vessels']),
  city('city-water', '市水利局'),
  city('city-industry', '市工业和信息化局'),
  city('city-education', '市教育体育局'),
  city('city-energy', '市能源局'),
  city('city-dev-reform', '市发展和改革委员会'),
  city('city-natural-resources', '市自然资源和规划局'),
  city('city-forestry', '市林业和草原局'),
  city('city-justice', '市司法局'),
  city('city-science', '市科学技术局'),
  city('city-finance', '市财政局'),
  city('city-publicity', '市委宣传部'),
  city('city-post', '市邮政管理局'),
];

export const yuxiOrganisations: readonly OrganisationDefinition[] = [
  {
    code: 'committee',
    parentCode: null,
    kind: 'committee',
    name: '市安全生产委员会办公室',
    divisionCode: YUXI_CITY_CODE,
    sectors: [],
  },
  ...cityDepartments,
  ...yuxiCounties.flatMap((county): OrganisationDefinition[] => [
    {
      code: `county-${county.code}`,
      parentCode: 'committee',
      kind: 'county',
      name: `${county.nameZh}人民政府`,
      divisionCode: county.code,
      sectors: [],
    },
    {
      code: `county-${county.code}-ema`,
      parentCode: `county-${county.code}`,
      kind: 'county_department',
      name: `${county.nameZh}应急管理局`,
      divisionCode: county.code,
      sectors: ['metal_nonmetal_mine', 'chemicals', 'fireworks', 'industry_trade'],
    },
  ]),
  ...yuxiTownships.map((township): OrganisationDefinition => ({
    code: `township-${township.code}`,
    parentCode: `county-${township.county}`,
    kind: 'township',
    name: township.nameZh,
    divisionCode: township.county,
    sectors: [],
  })),
];
