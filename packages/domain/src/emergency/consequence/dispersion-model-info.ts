import type { BilingualText, ConsequenceModelInfo } from './consequence-model-info.ts';
import type { Terrain } from './dispersion-coefficients.ts';

const common: readonly BilingualText[] = [
  {
    zh: '风速、风向恒定，地形平坦开阔，不考虑建筑物、化学反应和沉降',
    en: 'Steady wind speed and direction, flat open terrain; no buildings, reactions or deposition',
  },
  {
    zh: '气体为中性浮力（非重气），地面全反射',
    en: 'Passive (neutrally buoyant) gas, total reflection at the ground',
  },
  {
    zh: '受体位于地面；扩散参数对应约 10 分钟平均浓度',
    en: 'Receptors at ground level; the coefficients give roughly 10-minute average concentrations',
  },
  {
    zh: '风速取 10 m 高度值，释放高度超过 10 m 时按 Irwin 幂律换算',
    en: 'Wind speed at 10 m, scaled to the release height above 10 m by the Irwin power law',
  },
];

const limits: readonly BilingualText[] = [
  {
    zh: '扩散参数适用于下风向 100 m～10 km',
    en: 'Dispersion coefficients fitted for 100 m to 10 km downwind',
  },
  { zh: '风速不低于 1 m/s', en: 'Wind speed of at least 1 m/s' },
  {
    zh: '不适用于重气（氯气、液化石油气、硫化氢、液氨等），此时仅为初步估算',
    en: 'Not for dense gases (chlorine, LPG, H2S, liquefied ammonia …): a screening estimate only',
  },
  { zh: '仅适用于泄漏后约 1 小时内', en: 'About the first hour after the release only' },
];

export function plumeModelInfo(terrain: Terrain): ConsequenceModelInfo {
  return {
    id: `gaussian_plume_briggs_${terrain}`,
    zh: `高斯烟羽模型（连续泄漏，Briggs ${terrain === 'rural' ? '农村' : '城市'}扩散参数）`,
    en: `Gaussian plume (continuous release), Briggs ${terrain} dispersion coefficients`,
    source:
      'Briggs (1973) as tabulated by CCPS (1999) and Crowl & Louvar Table 5-2; Pasquill (1961) stability table (NOAA READY); consequence-models.md §1.2–1.4',
    assumptions: [
      {
        zh: '点源连续恒定泄漏，已达稳态',
        en: 'Continuous point release at a constant rate, steady state reached',
      },
      ...common,
    ],
    limits,
  };
}

export const puffModelInfo: ConsequenceModelInfo = {
  id: 'gaussian_puff_ccps',
  zh: '高斯烟团模型（瞬时泄漏）',
  en: 'Gaussian puff (instantaneous release)',
  source:
    'CCPS (1999) / Crowl & Louvar Table 5-3 puff coefficients, σx = σy; consequence-models.md §1.3, §1.5',
  assumptions: [
    {
      zh: '瞬时点源泄漏，烟团中心随风以风速移动',
      en: 'Instantaneous point release; the puff centre moves with the wind',
    },
    {
      zh: '烟团扩散参数不区分城市与农村',
      en: 'The puff coefficients do not distinguish urban and rural terrain',
    },
    {
      zh: '以烟团经过时的峰值浓度与阈值比较（对 60 分钟 AEGL 偏保守）',
      en: 'The peak concentration as the puff passes is compared with the threshold (conservative for 60-min AEGLs)',
    },
    ...common,
  ],
  limits,
};

export const footprintAssumptions: readonly BilingualText[] = [
  {
    zh: '经纬度由局部等距圆柱投影换算（地球平均半径 6371008.8 m），10 km 内误差小于 0.1%',
    en: 'Metres are converted to longitude/latitude by a local equirectangular approximation (mean Earth radius 6 371 008.8 m), error below 0.1 % within 10 km',
  },
  {
    zh: '区域形状为阈值等浓度线：半宽 y = σy·√(2 ln(C轴线/C阈值))，未包含风向摆动范围',
    en: 'Zone shape is the threshold isopleth, half-width y = σy·√(2 ln(C_axis/C*)); no wind-direction uncertainty envelope',
  },
];
