import type { DataScope } from '@anjian/domain';
import type { Db, Queryable } from '../../../platform/db.ts';
import { visible } from './allocation-rows.ts';

export interface BatchRow {
  id: string;
  quantity: number;
  expiresOn: string | null;
  minimumStock: number | null;
}

/** A warehouse-material's advisory lock key: every change of its stock takes this lock. */
const stockLockKey = (warehouseId: string, materialName: string, unit: string) =>
  `${warehouseId}|${materialName}|${unit}`;

/** Warehouses' stock of a material: batches, their locks, takes and puts, and where stock is. */
export function createAllocationStockRepository(db: Db) {
  return {
    /** A warehouse the caller may use: a warehouse-kind resource in the caller's counties. */
    async warehouse(
      source: Queryable,
      id: string,
      scope: DataScope,
    ): Promise<{ id: string; name: string; county: string } | null> {
      const params: unknown[] = [id];
      const rows = await source.query<{ id: string; name: string; county: string }>(
        `SELECT r.id, r.name, r.county FROM emergency_resources r WHERE r.id = $1 AND r.kind = 'warehouse'
           AND ${visible(scope, params, 'r.county')}`,
        params,
      );
      return rows.rows[0] ?? null;
    },

    /**
     * Serialises every change of one warehouse's stock of one material (transaction-scoped advisory
     * locks, taken in a sorted order by the caller so two issues never wait on each other in a circle).
     */
    async lockStock(
      source: Queryable,
      warehouseId: string,
      materialName: string,
      unit: string,
    ): Promise<void> {
      await source.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 46))', [
        stockLockKey(warehouseId, materialName, unit),
      ]);
    },

    async batches(
      source: Queryable,
      warehouseId: string,
      materialName: string,
      unit: string,
    ): Promise<BatchRow[]> {
      const rows = await source.query<{
        id: string;
        quantity: string;
        expires_on: string | null;
        minimum_stock: string | null;
      }>(
        `SELECT id, quantity, to_char(expires_on, 'YYYY-MM-DD') AS expires_on, minimum_stock FROM emergency_materials
         WHERE warehouse_id = $1 AND name = $2 AND unit = $3 ORDER BY id FOR UPDATE`,
        [warehouseId, materialName, unit],
      );
      return rows.rows.map((r) => ({
        id: r.id,
        quantity: Number(r.quantity),
        expiresOn: r.expires_on,
        minimumStock: r.minimum_stock === null ? null : Number(r.minimum_stock),
      }));
    },

    /** The batches of several warehouses, locked, in one round trip. */
    async batchesOf(
      source: Queryable,
      warehouseIds: readonly string[],
      materialName: string,
      unit: string,
    ): Promise<Map<string, BatchRow[]>> {
      const rows = await source.query<{
        id: string;
        warehouse_id: string;
        quantity: string;
        expires_on: string | null;
        minimum_stock: string | null;
      }>(
        `SELECT id, warehouse_id, quantity, to_char(expires_on, 'YYYY-MM-DD') AS expires_on, minimum_stock FROM emergency_materials
         WHERE warehouse_id = ANY ($1::uuid[]) AND name = $2 AND unit = $3 ORDER BY warehouse_id, id FOR UPDATE`,
        [warehouseIds, materialName, unit],
      );
      const found = new Map<string, BatchRow[]>(warehouseIds.map((id) => [id, []]));
      for (const r of rows.rows)
        found.get(r.warehouse_id)?.push({
          id: r.id,
          quantity: Number(r.quantity),
          expiresOn: r.expires_on,
          minimumStock: r.minimum_stock === null ? null : Number(r.minimum_stock),
        });
      return found;
    },

    /**
     * Takes several warehouse-materials' stock locks in the order given (callers sort it) and answers
     * the warehouses the caller may use among them (those missing or outside the scope are left out),
     * in one round trip. The locks are taken before any row is answered; the batches are read by the
     * next statement, so they are read after the locks.
     */
    async lockWarehouseStocks(
      source: Queryable,
      warehouseIds: readonly string[],
      materialName: string,
      unit: string,
      scope: DataScope,
    ) {
      const params: unknown[] = [
        warehouseIds.map((id) => stockLockKey(id, materialName, unit)),
        warehouseIds,
      ];
      const rows = await source.query<{ id: string; name: string; county: string }>(
        `WITH locked AS MATERIALIZED (
           SELECT count(pg_advisory_xact_lock(hashtextextended(k, 46))) AS n
           FROM (SELECT k FROM unnest($1::text[]) WITH ORDINALITY AS u(k, i) ORDER BY i) keys)
         SELECT r.id, r.name, r.county FROM locked, emergency_resources r
         WHERE locked.n >= 0 AND r.id = ANY ($2::uuid[]) AND r.kind = 'warehouse' AND ${visible(scope, params, 'r.county')}`,
        params,
      );
      return new Map(rows.rows.map((r) => [r.id, r]));
    },

    /** Takes from one batch; the CHECK (quantity ≥ 0) refuses anything that would go below zero. */
    async take(source: Queryable, batchId: string, quantity: number): Promise<void> {
      await source.query('UPDATE emergency_materials SET quantity = quantity - $2 WHERE id = $1', [
        batchId,
        quantity,
      ]);
    },

    /** Adds to the batch of that expiry, or a new batch carrying the material's minimum stock. */
    async put(
      source: Queryable,
      warehouseId: string,
      materialName: string,
      unit: string,
      quantity: number,
      expiresOn: string | null,
    ): Promise<void> {
      const updated = await source.query(
        `UPDATE emergency_materials SET quantity = quantity + $5
         WHERE id = (SELECT id FROM emergency_materials WHERE warehouse_id = $1 AND name = $2 AND unit = $3
                     AND expires_on IS NOT DISTINCT FROM $4::date ORDER BY id LIMIT 1)`,
        [warehouseId, materialName, unit, expiresOn, quantity],
      );
      if (updated.rowCount) return;
      await source.query(
        `INSERT INTO emergency_materials (warehouse_id, name, unit, quantity, minimum_stock, expires_on)
         VALUES ($1, $2, $3, $5, (SELECT max(minimum_stock) FROM emergency_materials WHERE warehouse_id = $1 AND name = $2 AND unit = $3), $4::date)`,
        [warehouseId, materialName, unit, expiresOn, quantity],
      );
    },

    async stock(source: Queryable, warehouseId: string, materialName: string, unit: string) {
      const rows = await source.query<{ stock: string; minimum_stock: string | null }>(
        `SELECT coalesce(sum(quantity), 0) AS stock, max(minimum_stock) AS minimum_stock FROM emergency_materials
         WHERE warehouse_id = $1 AND name = $2 AND unit = $3`,
        [warehouseId, materialName, unit],
      );
      const row = rows.rows[0]!;
      return {
        stock: Number(row.stock),
        minimumStock: row.minimum_stock === null ? null : Number(row.minimum_stock),
      };
    },

    /** Warehouses in the caller's counties holding unexpired stock of a material. */
    async sources(scope: DataScope, materialName: string, unit: string, today: string) {
      const params: unknown[] = [materialName, unit, today];
      const rows = await db.query<{
        warehouse_id: string;
        warehouse_name: string;
        county: string;
        available: string;
        earliest_expiry: string | null;
      }>(
        `SELECT r.id AS warehouse_id, r.name AS warehouse_name, r.county, sum(m.quantity) AS available,
           to_char(min(m.expires_on), 'YYYY-MM-DD') AS earliest_expiry
         FROM emergency_materials m JOIN emergency_resources r ON r.id = m.warehouse_id
         WHERE m.name = $1 AND m.unit = $2 AND (m.expires_on IS NULL OR m.expires_on >= $3::date) AND m.quantity > 0
           AND ${visible(scope, params, 'r.county')}
         GROUP BY r.id, r.name, r.county ORDER BY r.name, r.id`,
        params,
      );
      return rows.rows.map((r) => ({
        warehouseId: r.warehouse_id,
        warehouseName: r.warehouse_name,
        county: r.county,
        available: Number(r.available),
        earliestExpiry: r.earliest_expiry,
      }));
    },
  };
}
