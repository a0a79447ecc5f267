import { chinaDate } from '@anjian/domain';
import type { Db } from '../packages/server/src/platform/db.ts';
import { createEnterprisesRepository } from '../packages/server/src/modules/registry/enterprises/enterprises.repository.ts';
import {
  syntheticEnterprises,
  seededRandom,
} from '../packages/server/src/modules/demo/synthetic-registry.ts';

/** The two registry sizes the bench measures: the plan's city, and a province ten times its size. */
export const REGISTRY_SIZES = {
  city: { enterprises: 37_000, objects: 5_000 },
  province: { enterprises: 370_000, objects: 50_000 },
} as const;
export type RegistryScale = keyof typeof REGISTRY_SIZES;

const CHUNK = 10_000;
const BATCH = 5_000;
const KINDS = ['major_hazard_source', 'tailings_pond', 'underground_mine', 'waste_dump'];

/**
 * Synthetic enterprises (with licences) and regulated objects, generated and inserted chunk by
 * chunk so that the province's 370,000 never sit in memory at once; ANALYZE at the end.
 */
export async function loadRegistry(db: Db, size: { enterprises: number; objects: number }): Promise<void> {
  const enterprises = createEnterprisesRepository(db);
  const random = seededRandom(5000);
  const today = chinaDate(new Date());
  for (let start = 0; start < size.enterprises; start += CHUNK) {
    const count = Math.min(CHUNK, size.enterprises - start);
    const rows = syntheticEnterprises(count, { seed: 37 + start, startSerial: 1 + start, today });
    const ids: string[] = [];
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      // A real registry was changed over years, in no order of serial: each batch gets a time
      // of its own in the last three, or the newest rows would be the highest serials and a
      // search's matches would bunch up at one end of the list's order.
      const at = new Date(Date.now() - Math.floor(random() * 1095 * 86_400_000));
      const inserted = await enterprises.insertMany(
        db,
        batch.map((r) => r.enterprise),
        at,
      );
      await enterprises.insertLicences(
        db,
        batch.flatMap((r) =>
          r.licences.map((l) => ({ ...l, enterpriseId: inserted.get(r.enterprise.creditCode)! })),
        ),
      );
      ids.push(...batch.map((r) => inserted.get(r.enterprise.creditCode)!));
    }
    // Objects in proportion to the chunk, each owned by one of its enterprises.
    const objects =
      Math.round(((start + count) * size.objects) / size.enterprises) -
      Math.round((start * size.objects) / size.enterprises);
    const columns: unknown[][] = [[], [], [], [], [], []];
    for (let i = 0; i < objects; i++) {
      const index = Math.floor(random() * rows.length);
      const owner = rows[index]!.enterprise;
      columns[0]!.push(KINDS[i % KINDS.length]);
      columns[1]!.push(`演示对象${start + i}`);
      columns[2]!.push(ids[index]);
      columns[3]!.push(owner.county);
      columns[4]!.push(owner.location!.lon);
      columns[5]!.push(owner.location!.lat);
    }
    await db.query(
      `INSERT INTO regulated_objects (kind, name, enterprise_id, county, lon, lat, attributes, demo, created_at, updated_at)
       SELECT k, n, e::uuid, c, lo, la, '{}', true, now(), now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[]) AS u(k, n, e, c, lo, la)`,
      columns,
    );
  }
  await db.query('ANALYZE');
}
