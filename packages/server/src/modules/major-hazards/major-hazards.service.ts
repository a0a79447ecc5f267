import {
  DomainError,
  resolveGb18218Substance,
  type MajorHazardInventoryRow,
  type MajorHazardSummary,
  type MajorHazardUnit,
  type MajorHazardUnitInput,
  type MajorHazardUnitListQuery,
  type MajorHazardUnitUpdate,
  type Page,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db, type Queryable } from '../../platform/db.ts';
import { scopeAllows } from '../../platform/scope-sql.ts';
import type { EnterpriseLookup, EnterpriseRecord } from '../registry/index.ts';
import { identifyUnit } from './identify-unit.ts';
import type { RegistrySync } from './major-hazard-registry-sync.ts';
import type { InventoryItemRecord, MajorHazardsRepository, UnitRecord } from './major-hazards.repository.ts';

export function presentInventory(items: readonly InventoryItemRecord[]): MajorHazardInventoryRow[] {
  return items.map((item) => {
    const substance = resolveGb18218Substance(item.substanceCode);
    const names =
      substance.kind === 'table1'
        ? { nameZh: substance.row.nameZh, nameEn: substance.row.nameEn, cas: [...substance.row.cas] }
        : {
            nameZh: `${substance.row.hazardClassZh}（${substance.row.conditionZh}）`,
            nameEn: `${substance.row.hazardClassEn} (${substance.row.conditionEn})`,
            cas: [],
          };
    return {
      substance: item.substance,
      code: substance.code,
      table: substance.kind === 'table1' ? 1 : 2,
      ...names,
      quantityTonnes: item.quantityTonnes,
      criticalQuantityTonnes: substance.row.criticalQuantityTonnes,
      betaCategory: item.betaCategory,
    };
  });
}

export function presentUnit(record: UnitRecord): MajorHazardUnit {
  return {
    id: record.id,
    enterpriseId: record.enterpriseId,
    enterpriseName: record.enterpriseName,
    county: record.county,
    name: record.name,
    kind: record.kind,
    locationText: record.locationText,
    location: record.location,
    exposedPopulation: record.exposedPopulation,
    inventory: presentInventory(record.inventory),
    identification: record.identification,
    registryObjectId: record.registryObjectId,
    version: record.version,
    demo: record.demo,
    updatedAt: record.updatedAt.toISOString(),
    updatedBy: record.updatedBy,
  };
}

/** Who declares: the signed-in user, or the demo loader. */
export interface Declarant {
  id: string | null;
  name: string;
  scope: AuthContext['scope'];
}

export function createMajorHazardsService(deps: {
  db: Db;
  clock: Clock;
  units: MajorHazardsRepository;
  enterprises: EnterpriseLookup;
  registry: RegistrySync;
}) {
  const { db, clock, units, enterprises, registry } = deps;

  async function visibleUnit(scope: AuthContext['scope'], id: string): Promise<UnitRecord> {
    const unit = await units.findById(id, scope);
    if (!unit) throw new DomainError('major_hazard.unit_not_found');
    return unit;
  }

  async function writableUnit(actor: Declarant, id: string): Promise<UnitRecord> {
    const unit = await visibleUnit(actor.scope, id);
    if (!scopeAllows(actor.scope, unit.county, unit.enterpriseId))
      throw new DomainError('registry.scope_outside_caller');
    return unit;
  }

  async function checkName(enterpriseId: string, name: string, exceptId: string | null) {
    if (await units.nameTaken(enterpriseId, name, exceptId))
      throw new DomainError('major_hazard.unit_name_taken');
  }

  /** Writes the unit, its history entry and its registry object in one transaction. */
  async function save(
    actor: Declarant,
    enterprise: EnterpriseRecord,
    input: MajorHazardUnitUpdate,
    existing: UnitRecord | null,
    demo: boolean,
  ): Promise<string> {
    const { identification, inventory, declared } = identifyUnit(input);
    const at = clock.now();
    const write = {
      name: input.name,
      kind: input.kind,
      locationText: input.locationText ?? null,
      location: input.location ?? null,
      exposedPopulation: input.exposedPopulation,
      inventory,
      identification,
      updatedBy: actor.name,
    };
    return inTransaction(db, writeUnit).catch((error: unknown) => {
      // Two declarations of one name at once: the partial unique index decides.
      if ((error as { constraint?: string }).constraint === 'major_hazard_units_name')
        throw new DomainError('major_hazard.unit_name_taken');
      throw error;
    });

    async function writeUnit(tx: Queryable): Promise<string> {
      const id = existing
        ? existing.id
        : await units.insert(tx, { enterpriseId: enterprise.id, county: enterprise.county, demo }, write, at);
      const version = existing ? await units.update(tx, existing.id, write, at) : 1;
      await units.appendHistory(tx, {
        unitId: id,
        version,
        at,
        actorId: actor.id,
        actorName: actor.name,
        change: existing ? 'updated' : 'declared',
        exposedPopulation: input.exposedPopulation,
        inventory: declared,
        identification,
      });
      await registry.afterChange(
        tx,
        {
          id,
          name: input.name,
          location: write.location,
          registryObjectId: existing?.registryObjectId ?? null,
          demo: existing?.demo ?? demo,
          version,
          identification,
        },
        enterprise,
        at,
      );
      return id;
    }
  }

  return {
    async list(auth: AuthContext, query: MajorHazardUnitListQuery): Promise<Page<MajorHazardUnit>> {
      const page = await units.list(query, auth.scope);
      return { ...page, items: page.items.map(presentUnit) };
    },

    async get(auth: AuthContext, id: string): Promise<MajorHazardUnit> {
      return presentUnit(await visibleUnit(auth.scope, id));
    },

    async inventory(auth: AuthContext, id: string) {
      const unit = await visibleUnit(auth.scope, id);
      return {
        unitId: unit.id,
        unitName: unit.name,
        enterpriseId: unit.enterpriseId,
        enterpriseName: unit.enterpriseName,
        location: unit.location,
        items: presentInventory(unit.inventory),
      };
    },

    async history(auth: AuthContext, id: string) {
      await visibleUnit(auth.scope, id);
      return { items: await units.history(id) };
    },

    /** Counts from the registry's major hazard sources, so every page shows the same figures. */
    async summary(auth: AuthContext): Promise<MajorHazardSummary> {
      const declared = await units.summary(auth.scope);
      const sources = await registry.sources(auth.scope);
      const counties = [...new Set([...declared.rows.map((r) => r.county), ...sources.map((s) => s.county)])];
      const levelOf = (source: (typeof sources)[number]) => {
        const level = Number(source.attributes.level);
        return level >= 1 && level <= 4 ? level : null;
      };
      return {
        rows: counties.sort().map((county) => {
          const here = sources.filter((s) => s.county === county);
          const count = (level: number) => here.filter((s) => levelOf(s) === level).length;
          return {
            county,
            level1: count(1),
            level2: count(2),
            level3: count(3),
            level4: count(4),
            declaredUnits: declared.rows.find((r) => r.county === county)?.declaredUnits ?? 0,
            undeclared: here.filter((s) => !s.declared).length,
          };
        }),
        undeclared: sources
          .filter((s) => !s.declared)
          .map((s) => ({
            objectId: s.id,
            name: s.name,
            enterpriseId: s.enterpriseId,
            enterpriseName: s.enterpriseName,
            county: s.county,
            level: levelOf(s),
            demo: s.demo,
          })),
      };
    },

    async declare(actor: Declarant, input: MajorHazardUnitInput, demo = false): Promise<MajorHazardUnit> {
      const enterprise = await enterprises.findById(input.enterpriseId, actor.scope);
      if (!enterprise) throw new DomainError('enterprise.not_found');
      if (!scopeAllows(actor.scope, enterprise.county, enterprise.id))
        throw new DomainError('registry.scope_outside_caller');
      await checkName(enterprise.id, input.name, null);
      const { enterpriseId: _enterpriseId, ...declaration } = input;
      const id = await save(actor, enterprise, declaration, null, demo);
      return presentUnit((await units.findById(id, null))!);
    },

    async update(actor: Declarant, id: string, input: MajorHazardUnitUpdate): Promise<MajorHazardUnit> {
      const existing = await writableUnit(actor, id);
      await checkName(existing.enterpriseId, input.name, id);
      const enterprise = (await enterprises.findById(existing.enterpriseId, null))!;
      await save(actor, enterprise, input, existing, existing.demo);
      return presentUnit((await units.findById(id, null))!);
    },

    /** Retires a unit (it is no longer declared); its history and registry object stay, marked. */
    async retire(actor: Declarant, id: string): Promise<void> {
      const existing = await writableUnit(actor, id);
      const at = clock.now();
      await inTransaction(db, async (tx) => {
        const version = await units.retire(tx, id, at, actor.name);
        await units.appendHistory(tx, {
          unitId: id,
          version,
          at,
          actorId: actor.id,
          actorName: actor.name,
          change: 'retired',
          exposedPopulation: existing.exposedPopulation,
          inventory: existing.inventory.map((item) => ({
            substance: item.substance,
            quantityTonnes: item.quantityTonnes,
            ...(item.betaCategory ? { betaCategory: item.betaCategory } : {}),
          })),
          identification: existing.identification,
        });
        await registry.afterRetire(tx, { ...existing, version }, at);
      });
    },
  };
}

export type MajorHazardsService = ReturnType<typeof createMajorHazardsService>;
