const pointsZh = [
  '北',
  '东北偏北',
  '东北',
  '东北偏东',
  '东',
  '东南偏东',
  '东南',
  '东南偏南',
  '南',
  '西南偏南',
  '西南',
  '西南偏西',
  '西',
  '西北偏西',
  '西北',
  '西北偏北',
];
const pointsEn = [
  'N',
  'NNE',
  'NE',
  'ENE',
  'E',
  'ESE',
  'SE',
  'SSE',
  'S',
  'SSW',
  'SW',
  'WSW',
  'W',
  'WNW',
  'NW',
  'NNW',
];

/**
 * The 16-point compass name of a wind direction (degrees clockwise from north, where the wind comes
 * from): 225° is 西南风 / SW. A wind is named for where it comes from, so 西南风 blows to the north-east.
 */
export function compassPoint(deg: number, lang: 'zh' | 'en'): string {
  const index = Math.round((((deg % 360) + 360) % 360) / 22.5) % 16;
  return lang === 'zh' ? `${pointsZh[index]}风` : pointsEn[index]!;
}
