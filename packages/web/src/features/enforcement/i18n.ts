import type { SameShape } from '../../i18n/same-shape.ts';

/** Messages of the enforcement area, under the `enforcement.` prefix. English must have the same keys. */
export const enforcementZh = {
  title: '执法检查',
};

export const enforcementEn: SameShape<typeof enforcementZh> = {
  title: 'Enforcement',
};
