import type { SameShape } from '../../i18n/same-shape.ts';

/** Messages of the emergency area, under the `emergency.` prefix. English must have the same keys. */
export const emergencyZh = {
  title: '应急管理',
};

export const emergencyEn: SameShape<typeof emergencyZh> = {
  title: 'Emergency',
};
