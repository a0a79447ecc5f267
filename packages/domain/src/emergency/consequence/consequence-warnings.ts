/**
 * Warnings that a consequence result carries when its inputs or its answer lie outside the limits
 * the model was fitted for (consequence-models.md §1.4, §1.6, §1.7, §5). A warning never stops the
 * calculation: the commander still gets a screening number, flagged.
 */
export const consequenceWarningCodes = [
  'dense_gas',
  'possibly_dense_gas',
  'low_wind',
  'within_100_m',
  'beyond_10_km',
  'beyond_model_range',
  'threshold_tier_missing',
  'release_shorter_than_travel_time',
  'scaled_distance_out_of_range',
  'reflection_double_counted',
  'within_1_5_pool_diameters',
  'point_source_near_field',
  'under_fireball',
] as const;

export type ConsequenceWarningCode = (typeof consequenceWarningCodes)[number];

export interface ConsequenceWarning {
  readonly code: ConsequenceWarningCode;
  readonly zh: string;
  readonly en: string;
  /** The numbers behind the warning (distances in m, speeds in m/s …). */
  readonly details: Readonly<Record<string, string | number | boolean | null>>;
}

type Details = Readonly<Record<string, string | number | boolean | null>>;
type Texts = { zh: (d: Details) => string; en: (d: Details) => string };

const texts: Record<ConsequenceWarningCode, Texts> = {
  dense_gas: {
    zh: (d) => `${d.chemicalZh ?? '该物质'}泄漏后多为重气，高斯模型会低估近地面浓度和影响距离，仅作初步估算`,
    en: (d) =>
      `${d.chemicalEn ?? 'This chemical'} usually forms a dense cloud; a Gaussian model underestimates ` +
      'ground-level concentrations and distances. Treat the result as a screening estimate',
  },
  possibly_dense_gas: {
    zh: (d) => `${d.chemicalZh ?? '该物质'}以液化或低温状态泄漏时形成重气云，此时高斯模型不适用`,
    en: (d) =>
      `${d.chemicalEn ?? 'This chemical'} forms a dense cloud when released as a liquefied or refrigerated ` +
      'liquid; the Gaussian model does not apply then',
  },
  low_wind: {
    zh: (d) => `风速 ${d.windSpeedMPerS} m/s 低于 1 m/s，高斯模型在静风和微风下不可靠`,
    en: (d) =>
      `Wind speed ${d.windSpeedMPerS} m/s is below 1 m/s; the Gaussian model is unreliable in calm air`,
  },
  within_100_m: {
    zh: (d) =>
      `${d.what ?? '结果'} 距离 ${d.distanceM} m 小于 100 m，扩散参数拟合范围为 100 m～10 km，近距离为外推值`,
    en: (d) =>
      `${d.what ?? 'The result'} lies at ${d.distanceM} m, inside 100 m; the dispersion coefficients ` +
      'were fitted for 100 m to 10 km, so this is an extrapolation',
  },
  beyond_10_km: {
    zh: (d) =>
      `${d.what ?? '结果'} 距离 ${d.distanceM} m 超过 10 km，超出扩散参数拟合范围，且地形和风场变化不可忽略`,
    en: (d) =>
      `${d.what ?? 'The result'} reaches ${d.distanceM} m, beyond 10 km: outside the fitted range, ` +
      'and terrain and wind changes can no longer be ignored',
  },
  beyond_model_range: {
    zh: (d) => `${d.what ?? '区域'} 在 ${d.distanceM} m 处仍超过阈值，超出模型计算范围，实际距离更远`,
    en: (d) =>
      `${d.what ?? 'The zone'} still exceeds its threshold at ${d.distanceM} m, the end of the model ` +
      'range; the real distance is larger',
  },
  threshold_tier_missing: {
    zh: (d) => `${d.chemicalZh ?? '该物质'}没有第 ${d.tier} 级阈值（AEGL/ERPG/IDLH），该区域未计算`,
    en: (d) =>
      `${d.chemicalEn ?? 'The chemical'} has no tier-${d.tier} threshold (AEGL/ERPG/IDLH); that zone is omitted`,
  },
  release_shorter_than_travel_time: {
    zh: (d) =>
      `泄漏持续 ${d.durationS} s，短于气云到达 ${d.distanceM} m 所需的 ${d.travelTimeS} s，连续羽流假设偏保守，可改用烟团模型`,
    en: (d) =>
      `The release lasts ${d.durationS} s, less than the ${d.travelTimeS} s the cloud needs to reach ` +
      `${d.distanceM} m; the steady plume overstates the far field, consider the puff model`,
  },
  scaled_distance_out_of_range: {
    zh: (d) => `比例距离 ${d.scaledDistance} 超出 ${d.curve} 曲线适用范围 ${d.min}～${d.max}`,
    en: (d) =>
      `Scaled distance ${d.scaledDistance} is outside the ${d.curve} curve's range ${d.min} to ${d.max}`,
  },
  reflection_double_counted: {
    zh: () => 'TNT 当量已含地面反射系数 1.8，又使用了地面爆炸超压曲线，地面反射被重复计算，结果偏大',
    en: () =>
      'The TNT mass already includes the ground-reflection factor 1.8 and a surface-burst curve adds it ' +
      'again: reflection is counted twice and overpressures are overstated',
  },
  within_1_5_pool_diameters: {
    zh: (d) =>
      `距离 ${d.distanceM} m 在 1.5 倍池径（${d.limitM} m）以内，点源模型不适用，该处可能被火焰直接吞没`,
    en: (d) =>
      `${d.distanceM} m is within 1.5 pool diameters (${d.limitM} m): the point-source model does not ` +
      'apply and the flame may engulf that point',
  },
  point_source_near_field: {
    zh: (d) => `距离 ${d.distanceM} m 小于 5 倍池径（${d.limitM} m），点源模型在此范围内误差较大`,
    en: (d) =>
      `${d.distanceM} m is within 5 pool diameters (${d.limitM} m), where the point-source model is ` +
      'inaccurate; a solid-flame model is better there',
  },
  under_fireball: {
    zh: (d) => `距离 ${d.distanceM} m 在火球半径 ${d.radiusM} m 以内，位于火球正下方，按最大热通量计`,
    en: (d) =>
      `${d.distanceM} m is inside the fireball radius (${d.radiusM} m), under the fireball; the maximum ` +
      'flux is reported there',
  },
};

/** A warning with its Chinese and English text. */
export function consequenceWarning(code: ConsequenceWarningCode, details: Details = {}): ConsequenceWarning {
  const text = texts[code];
  return { code, zh: text.zh(details), en: text.en(details), details };
}

/** The warnings without repeats of the same code and details. */
export function uniqueWarnings(warnings: readonly ConsequenceWarning[]): ConsequenceWarning[] {
  const seen = new Set<string>();
  return warnings.filter((warning) => {
    const key = `${warning.code}:${JSON.stringify(warning.details)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Rounds a distance for a warning text: whole metres, or 3 significant figures below 10 m. */
export function roundForText(value: number): number {
  return Math.abs(value) >= 10 ? Math.round(value) : Number(value.toPrecision(3));
}
