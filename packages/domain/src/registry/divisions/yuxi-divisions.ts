/**
 * Yuxi (玉溪市) and its nine county-level divisions, GB/T 2260 codes as in force since 2019
 * (澄江县 530422 became 澄江市 530481). Seats are approximate WGS-84 points.
 */
export interface Division {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly level: 'city' | 'county';
  readonly seat: readonly [lon: number, lat: number];
}

export const YUXI_CITY_CODE = '530400';

export const yuxiCity: Division = {
  code: YUXI_CITY_CODE,
  nameZh: '玉溪市',
  nameEn: 'Yuxi City',
  level: 'city',
  seat: [102.5389, 24.3443],
};

/** In code order, the order county lists are shown in. */
export const yuxiCounties: readonly Division[] = [
  { code: '530402', nameZh: '红塔区', nameEn: 'Hongta District', level: 'county', seat: [102.5389, 24.3443] },
  {
    code: '530403',
    nameZh: '江川区',
    nameEn: 'Jiangchuan District',
    level: 'county',
    seat: [102.752, 24.2904],
  },
  { code: '530423', nameZh: '通海县', nameEn: 'Tonghai County', level: 'county', seat: [102.724, 24.1139] },
  { code: '530424', nameZh: '华宁县', nameEn: 'Huaning County', level: 'county', seat: [102.9274, 24.1958] },
  { code: '530425', nameZh: '易门县', nameEn: 'Yimen County', level: 'county', seat: [102.161, 24.6745] },
  {
    code: '530426',
    nameZh: '峨山彝族自治县',
    nameEn: 'Eshan Yi Autonomous County',
    level: 'county',
    seat: [102.4042, 24.1716],
  },
  {
    code: '530427',
    nameZh: '新平彝族傣族自治县',
    nameEn: 'Xinping Yi and Dai Autonomous County',
    level: 'county',
    seat: [101.9887, 24.0729],
  },
  {
    code: '530428',
    nameZh: '元江哈尼族彝族傣族自治县',
    nameEn: 'Yuanjiang Hani, Yi and Dai Autonomous County',
    level: 'county',
    seat: [101.9967, 23.5992],
  },
  { code: '530481', nameZh: '澄江市', nameEn: 'Chengjiang City', level: 'county', seat: [102.9033, 24.6789] },
];

export const yuxiCountyCodes: readonly string[] = yuxiCounties.map((county) => county.code);

export function findCounty(code: string): Division | undefined {
  return yuxiCounties.find((county) => county.code === code);
}
