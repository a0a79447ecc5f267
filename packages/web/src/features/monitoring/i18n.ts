import type { SameShape } from '../../i18n/same-shape.ts';
import { monitoringConfigEn, monitoringConfigZh } from './components/config/config-messages.ts';
import { monitoringLiveEn, monitoringLiveZh } from './components/live/live-messages.ts';
import {
  monitoringMajorHazardEn,
  monitoringMajorHazardZh,
} from '../major-hazards/components/major-hazard-messages.ts';

/** Messages of the monitoring area, under the `monitoring.` prefix. English must have the same keys. */
export const monitoringZh = {
  title: '监测预警',
  ...monitoringLiveZh,
  ...monitoringMajorHazardZh,
  ...monitoringConfigZh,
};

export const monitoringEn: SameShape<typeof monitoringZh> = {
  title: 'Monitoring',
  ...monitoringLiveEn,
  ...monitoringMajorHazardEn,
  ...monitoringConfigEn,
};
