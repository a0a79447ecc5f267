import type { MonitoringPointDefinition } from '@anjian/domain';
import { DomainError } from '@anjian/domain';
import type { Db } from '../../platform/db.ts';

/** The site a point belongs to, as the point rows copy it. */
export interface PointSite {
  id: string;
  enterprise_id: string | null;
  county: string;
}

function pointColumns(input: MonitoringPointDefinition, site: PointSite) {
  return [
    input.code,
    input.name,
    site.id,
    site.enterprise_id,
    site.county,
    input.type,
    input.unit,
    input.gas ?? null,
    input.range.min,
    input.range.max,
    input.expectedIntervalSeconds,
    input.thresholds ? JSON.stringify(input.thresholds) : null,
    input.deadband ?? null,
    input.location ?? null,
  ];
}

function codeTaken(error: { code?: string }): never {
  if (error.code === '23505') throw new DomainError('monitoring.point_code_taken');
  throw error;
}

/** Writes of monitoring points (the reads are in monitoring.repository.ts). */
export function createPointsRepository(db: Db) {
  return {
    async insertPoint(input: MonitoringPointDefinition, site: PointSite, at: Date): Promise<string> {
      const result = await db
        .query<{ id: string }>(
          `INSERT INTO monitoring_points (code, name, object_id, enterprise_id, county, type, unit, gas, range_min,
             range_max, expected_interval_seconds, thresholds, deadband, location, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15) RETURNING id`,
          [...pointColumns(input, site), at],
        )
        .catch(codeTaken);
      return result.rows[0]!.id;
    },

    async updatePoint(
      id: string,
      input: MonitoringPointDefinition,
      site: PointSite,
      at: Date,
    ): Promise<void> {
      await db
        .query(
          `UPDATE monitoring_points SET code = $2, name = $3, object_id = $4, enterprise_id = $5, county = $6, type = $7,
             unit = $8, gas = $9, range_min = $10, range_max = $11, expected_interval_seconds = $12, thresholds = $13,
             deadband = $14, location = $15, version = version + 1, updated_at = $16
           WHERE id = $1`,
          [id, ...pointColumns(input, site), at],
        )
        .catch(codeTaken);
    },

    async disablePoint(id: string, at: Date): Promise<void> {
      await db.query('UPDATE monitoring_points SET disabled_at = $2, updated_at = $2 WHERE id = $1', [
        id,
        at,
      ]);
    },
  };
}

export type PointsRepository = ReturnType<typeof createPointsRepository>;
