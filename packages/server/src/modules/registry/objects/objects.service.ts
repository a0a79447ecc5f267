import {
  DomainError,
  type Page,
  type RegulatedObject,
  type RegulatedObjectInput,
  type RegulatedObjectKind,
  type RegulatedObjectListQuery,
} from '@anjian/domain';
import type { Clock } from '../../../platform/clock.ts';
import { inTransaction, type Db } from '../../../platform/db.ts';
import { scopeAllows } from '../../../platform/scope-sql.ts';
import type { EnterprisesRepository } from '../enterprises/enterprises.repository.ts';
import type { Actor } from '../enterprises/enterprises.service.ts';
import type { ObjectRecord, ObjectsRepository, ObjectWrite } from './objects.repository.ts';

export function presentObject(record: ObjectRecord): RegulatedObject {
  return {
    id: record.id,
    kind: record.kind,
    name: record.name,
    enterpriseId: record.enterpriseId,
    enterpriseName: record.enterpriseName,
    county: record.county,
    location: record.location,
    locationApproximate: record.locationApproximate,
    attributes: record.attributes,
    geometry: record.geometry ?? null,
    demo: record.demo,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** The owning enterprise of an input; the natural-hazard sites have none (decision 0006). */
function enterpriseOf(input: RegulatedObjectInput): string | null {
  return 'enterpriseId' in input ? (input.enterpriseId ?? null) : null;
}

/** Splits the validated input into the common columns and the kind's own attributes. */
export function toObjectWrite(input: RegulatedObjectInput, demo: boolean): ObjectWrite {
  const { kind, name, county, location, locationApproximate, notes, ...rest } = input;
  const {
    geometry,
    enterpriseId: _owner,
    ...attributes
  } = rest as Record<string, unknown> & {
    geometry?: unknown;
    enterpriseId?: unknown;
  };
  return {
    kind,
    name,
    enterpriseId: enterpriseOf(input),
    county,
    location,
    locationApproximate,
    attributes: notes ? { ...attributes, notes } : attributes,
    geometry: geometry ?? null,
    demo,
  };
}

export function createObjectsService(deps: {
  db: Db;
  clock: Clock;
  objects: ObjectsRepository;
  enterprises: EnterprisesRepository;
}) {
  const { clock, objects, enterprises } = deps;

  async function checkWrite(actor: Actor, input: RegulatedObjectInput): Promise<void> {
    const enterpriseId = enterpriseOf(input);
    if (!scopeAllows(actor.scope, input.county, enterpriseId))
      throw new DomainError('registry.scope_outside_caller');
    if (enterpriseId && !(await enterprises.findById(enterpriseId, actor.scope))) {
      throw new DomainError('object.enterprise_not_found');
    }
  }

  async function visible(actor: Actor, id: string): Promise<ObjectRecord> {
    const record = await objects.findById(id, actor.scope);
    if (!record) throw new DomainError('object.not_found');
    return record;
  }

  return {
    async list(actor: Actor, query: RegulatedObjectListQuery): Promise<Page<RegulatedObject>> {
      const page = await objects.list(query, actor.scope);
      return { ...page, items: page.items.map(presentObject) };
    },

    async get(actor: Actor, id: string): Promise<RegulatedObject> {
      return presentObject(await visible(actor, id));
    },

    async create(actor: Actor, input: RegulatedObjectInput): Promise<RegulatedObject> {
      await checkWrite(actor, input);
      const id = await inTransaction(deps.db, (tx) =>
        objects.insert(tx, toObjectWrite(input, false), clock.now()),
      );
      return presentObject((await objects.findById(id, null))!);
    },

    async replace(actor: Actor, id: string, input: RegulatedObjectInput): Promise<RegulatedObject> {
      const existing = await visible(actor, id);
      await checkWrite(actor, input);
      await objects.update(id, toObjectWrite(input, existing.demo), clock.now());
      return presentObject((await objects.findById(id, null))!);
    },

    async remove(actor: Actor, id: string): Promise<void> {
      const existing = await visible(actor, id);
      if (!scopeAllows(actor.scope, existing.county, existing.enterpriseId))
        throw new DomainError('registry.scope_outside_caller');
      await objects.remove(id);
    },

    async layer(actor: Actor, kinds: readonly RegulatedObjectKind[], county: string | undefined) {
      return (await objects.layer(kinds, actor.scope, county)).map(presentObject);
    },
  };
}

export type ObjectsService = ReturnType<typeof createObjectsService>;
