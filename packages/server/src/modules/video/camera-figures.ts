import type { DataScope } from '@anjian/domain';
import type { Db } from '../../platform/db.ts';
import { scopeCondition } from '../../platform/scope-sql.ts';

/**
 * What other modules may count of the camera register (the plan's 专栏16: enterprises' cameras on
 * the bureau's platform): the enterprises with at least one registered camera, and the cameras.
 */
export interface CameraFigures {
  equipped(scope: DataScope): Promise<{ enterprises: number; cameras: number }>;
}

export function createCameraFigures(db: Db): CameraFigures {
  return {
    async equipped(scope) {
      const params: unknown[] = [];
      const where = scopeCondition(scope, { county: 'county', enterprise: 'enterprise_id' }, params);
      const rows = await db.query<{ enterprises: number; cameras: number }>(
        `SELECT count(DISTINCT enterprise_id)::int AS enterprises, count(*)::int AS cameras
           FROM video_cameras WHERE ${where}`,
        params,
      );
      return rows.rows[0] ?? { enterprises: 0, cameras: 0 };
    },
  };
}
