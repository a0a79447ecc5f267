import type { CameraStatus } from '@anjian/domain';

/** The tag colour of each online status. */
export const statusTones: Record<CameraStatus, 'success' | 'danger' | 'info'> = {
  online: 'success',
  offline: 'danger',
  unknown: 'info',
};

/** An online rate (0–1, or none) as a percentage with one decimal. */
export function percent(rate: number | null): string | null {
  return rate === null ? null : `${(rate * 100).toFixed(1)}%`;
}
