import { DomainError, type DataScope, type MajorHazardResult } from '@anjian/domain';
import type { Queryable } from '../../platform/db.ts';
import type { EnterpriseRecord, ObjectRecord, ObjectWrite, RegulatedObjectsPort } from '../registry/index.ts';
import type { MajorHazardsRepository } from './major-hazards.repository.ts';

/**
 * Keeps the registry's major hazard sources (regulated objects of kind major_hazard_source) in step
 * with the declarations. A unit that is a major hazard source has one registry object carrying its
 * level; a unit that stops being one, or is retired, marks its object so — the object is never
 * deleted here (monitoring points and the bureau's records hang on it).
 */
export type DeclarationStatus = 'major' | 'no_longer_major' | 'unit_retired';

export interface SyncedUnit {
  id: string;
  name: string;
  location: { lon: number; lat: number } | null;
  registryObjectId: string | null;
  demo: boolean;
  version: number;
  identification: MajorHazardResult;
}

export function createRegistrySync(deps: {
  db: Queryable;
  objects: RegulatedObjectsPort;
  units: MajorHazardsRepository;
}) {
  const { db, objects, units } = deps;

  function declaration(unit: SyncedUnit, status: DeclarationStatus, at: Date) {
    const { s, r, alpha, level } = unit.identification;
    return {
      unitId: unit.id,
      status,
      s,
      r,
      alpha,
      level,
      version: unit.version,
      declaredAt: at.toISOString(),
    };
  }

  function rewrite(record: ObjectRecord, attributes: Record<string, unknown>): ObjectWrite {
    return {
      kind: record.kind,
      name: record.name,
      enterpriseId: record.enterpriseId,
      county: record.county,
      location: record.location,
      locationApproximate: record.locationApproximate,
      attributes: { ...record.attributes, ...attributes },
      geometry: record.geometry ?? null,
      demo: record.demo,
    };
  }

  /**
   * An object the enterprise already has for this unit: its own link, else a major hazard source of
   * the same enterprise named like the unit (or listing it among its units) that no other unit keeps.
   */
  async function existingObject(tx: Queryable, unit: SyncedUnit, enterpriseId: string) {
    if (unit.registryObjectId) {
      const linked = await objects.findById(unit.registryObjectId, null);
      if (linked) return linked;
    }
    const page = await objects.list(
      { kind: 'major_hazard_source', enterpriseId, page: 1, pageSize: 200 },
      { kind: 'city' },
    );
    const named = page.items.filter(
      (item) =>
        item.name === unit.name ||
        (Array.isArray(item.attributes.units) && item.attributes.units.includes(unit.name)),
    );
    if (named.length === 0) return null;
    const taken = await units.linkedObjectIds(
      tx,
      named.map((item) => item.id),
    );
    return named.find((item) => !taken.has(item.id)) ?? null;
  }

  return {
    /**
     * The registry's major hazard sources in `scope`, each with whether an active declared unit
     * stands for it (retiring a unit unlinks its object).
     */
    async sources(scope: DataScope): Promise<(ObjectRecord & { declared: boolean })[]> {
      const all: ObjectRecord[] = [];
      for (let page = 1; ; page++) {
        const batch = await objects.list({ kind: 'major_hazard_source', page, pageSize: 200 }, scope);
        all.push(...batch.items);
        if (all.length >= batch.total || batch.items.length === 0) break;
      }
      const linked = await units.linkedObjectIds(
        db,
        all.map((item) => item.id),
      );
      return all.map((item) => ({ ...item, declared: linked.has(item.id) }));
    },

    /** After a declaration or change: create, update or mark the unit's registry object. */
    async afterChange(
      tx: Queryable,
      unit: SyncedUnit,
      enterprise: EnterpriseRecord,
      at: Date,
    ): Promise<void> {
      const existing = await existingObject(tx, unit, enterprise.id);
      const { level } = unit.identification;
      if (level === null) {
        if (existing)
          await objects.update(
            existing.id,
            rewrite(existing, { declaration: declaration(unit, 'no_longer_major', at) }),
            at,
            tx,
          );
        return;
      }
      const attributes = { level, units: [unit.name], declaration: declaration(unit, 'major', at) };
      if (existing) {
        const write = rewrite(existing, attributes);
        if (unit.location) write.location = unit.location;
        await objects.update(existing.id, write, at, tx);
        if (existing.id !== unit.registryObjectId) await units.linkRegistryObject(tx, unit.id, existing.id);
        return;
      }
      const location = unit.location ?? enterprise.location;
      if (!location) throw new DomainError('major_hazard.unit_location_required');
      const id = await objects.insert(
        tx,
        {
          kind: 'major_hazard_source',
          name: unit.name,
          enterpriseId: enterprise.id,
          county: enterprise.county,
          location,
          locationApproximate: unit.location ? false : true,
          attributes,
          geometry: null,
          demo: unit.demo,
        },
        at,
      );
      await units.linkRegistryObject(tx, unit.id, id);
    },

    /** A retired unit leaves its object in the registry, marked. */
    async afterRetire(tx: Queryable, unit: SyncedUnit, at: Date): Promise<void> {
      if (!unit.registryObjectId) return;
      const existing = await objects.findById(unit.registryObjectId, null);
      if (!existing) return;
      await objects.update(
        existing.id,
        rewrite(existing, { declaration: declaration(unit, 'unit_retired', at) }),
        at,
        tx,
      );
    },
  };
}

export type RegistrySync = ReturnType<typeof createRegistrySync>;
