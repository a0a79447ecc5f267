import type { SameShape } from '../../i18n/same-shape.ts';

/** Messages of the monitoring area, under the `monitoring.` prefix. English must have the same keys. */
export const monitoringZh = {
  title: '监测预警',
};

export const monitoringEn: SameShape<typeof monitoringZh> = {
  title: 'Monitoring',
};
