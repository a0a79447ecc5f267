import type { SameShape } from '../../i18n/same-shape.ts';

/** Messages of the dual prevention area, under the `dualPrevention.` prefix. English must have the same keys. */
export const dualPreventionZh = {
  title: '双重预防',
};

export const dualPreventionEn: SameShape<typeof dualPreventionZh> = {
  title: 'Dual prevention',
};
