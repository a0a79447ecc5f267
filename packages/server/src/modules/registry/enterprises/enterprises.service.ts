import {
  DomainError,
  findCounty,
  findTownship,
  licenceReminder,
  maskPhone,
  type DataScope,
  type Enterprise,
  type EnterpriseHistoryEntry,
  type EnterpriseInput,
  type EnterpriseListQuery,
  type EnterpriseUpdate,
  type FieldProblem,
  type Page,
} from '@anjian/domain';
import type { AuthContext } from '../../../platform/access.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { FieldCipher } from '../../../platform/crypto.ts';
import { daysBetween } from '../../../platform/dates.ts';
import { chinaDate } from '@anjian/domain';
import { inTransaction, type Db, type Queryable } from '../../../platform/db.ts';
import { scopeAllows } from '../../../platform/scope-sql.ts';
import type { DictionariesRepository } from '../dictionaries/dictionaries.repository.ts';
import type { MapView } from './enterprise-map.ts';
import { createEnterpriseMapLayer } from './enterprise-map-layer.ts';
import type {
  ContactRole,
  EnterpriseFilter,
  EnterpriseRecord,
  EnterprisesRepository,
  EnterpriseWrite,
  SealedContact,
} from './enterprises.repository.ts';

interface Deps {
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
  enterprises: EnterprisesRepository;
  dictionaries: DictionariesRepository;
}

const CONTACT_ROLES: readonly ContactRole[] = ['legalRepresentative', 'principal', 'safetyManager'];
type Contact = { name: string; phone?: string | undefined };

export interface Actor {
  id: string | null;
  name: string;
  scope: DataScope;
  revealPersonalData: boolean;
}

export function actorOf(auth: AuthContext): Actor {
  return {
    id: auth.userId,
    name: auth.username,
    scope: auth.scope,
    revealPersonalData: auth.permissions.has('pi:view'),
  };
}

/** What a change looks like in the history: plain values, phones masked, lists joined. */
function describe(
  record: EnterpriseWrite & { licences?: { type: string; number: string; validUntil: string }[] },
  cipher: FieldCipher,
) {
  const contact = (c: SealedContact | undefined) =>
    c ? `${c.name}${c.phoneEnc ? ` ${maskPhone(cipher.decrypt(c.phoneEnc))}` : ''}` : null;
  return {
    name: record.name,
    creditCode: record.creditCode,
    county: record.county,
    township: record.township,
    address: record.address,
    location: record.location ? `${record.location.lon},${record.location.lat}` : null,
    locationApproximate: String(record.locationApproximate),
    industryCode: record.industryCode,
    sectors: record.sectors.join(',') || null,
    scale: record.scale,
    employees: record.employees === null ? null : String(record.employees),
    legalRepresentative: contact(record.contacts.legalRepresentative),
    principal: contact(record.contacts.principal),
    safetyManager: contact(record.contacts.safetyManager),
    status: record.status,
    keyTags: record.keyTags.join(',') || null,
    responsibleDepartment: record.responsibleDepartment,
    licences: record.licences?.map((l) => `${l.type}:${l.number}:${l.validUntil}`).join(';') || null,
  } as Record<string, string | null>;
}

export function createEnterprisesService(deps: Deps) {
  const { clock, cipher, enterprises, dictionaries } = deps;
  const mapLayer = createEnterpriseMapLayer({
    db: deps.db,
    clock,
    allPoints: (filter, scope, today) => enterprises.mapPointsJson(filter, scope, today),
  });

  function sealContact(
    contact: Contact | undefined,
    previous: SealedContact | undefined,
  ): SealedContact | undefined {
    if (!contact) return undefined;
    if (contact.phone === undefined) return { name: contact.name, phoneEnc: null };
    // Re-sealing an unchanged phone would make every save look like a change in the history.
    if (previous?.phoneEnc && cipher.decrypt(previous.phoneEnc) === contact.phone)
      return { name: contact.name, phoneEnc: previous.phoneEnc };
    return { name: contact.name, phoneEnc: cipher.encrypt(contact.phone) };
  }

  function present(record: EnterpriseRecord, actor: Actor): Enterprise {
    const today = chinaDate(clock.now());
    const contact = (c: SealedContact | undefined) => {
      if (!c) return null;
      const phone = c.phoneEnc ? cipher.decrypt(c.phoneEnc) : null;
      return { name: c.name, phone: phone && !actor.revealPersonalData ? maskPhone(phone) : phone };
    };
    return {
      id: record.id,
      name: record.name,
      creditCode: record.creditCode,
      county: record.county,
      countyName: findCounty(record.county)?.nameZh ?? record.county,
      township: record.township,
      townshipName: record.township ? (findTownship(record.township)?.nameZh ?? null) : null,
      address: record.address,
      location: record.location,
      locationApproximate: record.locationApproximate,
      industryCode: record.industryCode,
      sectors: record.sectors,
      scale: record.scale,
      employees: record.employees,
      legalRepresentative: contact(record.contacts.legalRepresentative),
      principal: contact(record.contacts.principal),
      safetyManager: contact(record.contacts.safetyManager),
      licences: record.licences.map((licence) => {
        const daysLeft = daysBetween(today, licence.validUntil);
        return { ...licence, daysLeft, reminder: licenceReminder(daysLeft) };
      }),
      status: record.status,
      keyTags: record.keyTags,
      responsibleDepartment: record.responsibleDepartment,
      objectCount: record.objectCount,
      demo: record.demo,
      createdAt: record.createdAt.toISOString(),
      updatedAt: record.updatedAt.toISOString(),
    };
  }

  /**
   * Sectors, licence types and the department must be active dictionary entries. Each field's
   * message is replaced by its catalogue message in the caller's language.
   */
  async function checkDictionary(
    input: Pick<EnterpriseInput, 'sectors' | 'licences'> & { responsibleDepartment?: string | undefined },
  ) {
    const dictionary = await dictionaries.list();
    const active = (name: keyof typeof dictionary) =>
      new Set(dictionary[name].filter((d) => d.active).map((d) => d.code));
    const sectors = active('sector');
    const licenceTypes = active('licence_type');
    const departments = active('department');
    const fields: FieldProblem[] = [];
    input.sectors?.forEach((sector, i) => {
      if (!sectors.has(sector))
        fields.push({ path: `sectors.${i}`, code: 'registry.sector_unknown', message: sector });
    });
    input.licences?.forEach((licence, i) => {
      if (!licenceTypes.has(licence.type))
        fields.push({
          path: `licences.${i}.type`,
          code: 'registry.licence_type_unknown',
          message: licence.type,
        });
    });
    if (input.responsibleDepartment && !departments.has(input.responsibleDepartment)) {
      fields.push({
        path: 'responsibleDepartment',
        code: 'registry.department_unknown',
        message: input.responsibleDepartment,
      });
    }
    if (fields.length > 0) throw new DomainError('enterprise.unknown_dictionary_value', { fields });
  }

  function toWrite(
    input: EnterpriseInput,
    previous: EnterpriseRecord | null,
    demo: boolean,
  ): EnterpriseWrite {
    const contacts: EnterpriseWrite['contacts'] = {};
    for (const role of CONTACT_ROLES) {
      const sealed = sealContact(input[role], previous?.contacts[role]);
      if (sealed) contacts[role] = sealed;
    }
    return {
      name: input.name,
      creditCode: input.creditCode,
      county: input.county,
      township: input.township ?? null,
      address: input.address ?? null,
      location: input.location ?? null,
      locationApproximate: input.locationApproximate ?? false,
      industryCode: input.industryCode ?? null,
      sectors: [...new Set(input.sectors)],
      scale: input.scale ?? null,
      employees: input.employees ?? null,
      contacts,
      status: input.status,
      keyTags: [...new Set(input.keyTags)],
      responsibleDepartment: input.responsibleDepartment ?? null,
      demo,
    };
  }

  /** The current record as a full input, so that a partial update can be merged onto it. */
  function toInput(record: EnterpriseRecord): EnterpriseInput {
    const contact = (c: SealedContact | undefined): Contact | undefined =>
      c ? { name: c.name, phone: c.phoneEnc ? cipher.decrypt(c.phoneEnc) : undefined } : undefined;
    return {
      name: record.name,
      creditCode: record.creditCode,
      county: record.county,
      township: record.township ?? undefined,
      address: record.address ?? undefined,
      location: record.location ?? undefined,
      locationApproximate: record.locationApproximate,
      industryCode: record.industryCode ?? undefined,
      sectors: record.sectors,
      scale: record.scale ?? undefined,
      employees: record.employees ?? undefined,
      legalRepresentative: contact(record.contacts.legalRepresentative),
      principal: contact(record.contacts.principal),
      safetyManager: contact(record.contacts.safetyManager),
      licences: record.licences.map(({ type, number, validUntil }) => ({ type, number, validUntil })),
      status: record.status,
      keyTags: record.keyTags,
      responsibleDepartment: record.responsibleDepartment ?? undefined,
    };
  }

  async function save(
    tx: Queryable,
    actor: Actor,
    input: EnterpriseInput,
    existing: EnterpriseRecord | null,
    options: { demo?: boolean } = {},
  ): Promise<{ id: string; outcome: 'created' | 'updated' | 'unchanged' }> {
    const now = clock.now();
    const write = toWrite(input, existing, existing?.demo ?? options.demo ?? false);
    if (!existing) {
      const id = await enterprises.insert(tx, write, now);
      await enterprises.replaceLicences(tx, id, input.licences);
      await enterprises.appendHistory(
        tx,
        id,
        actor,
        [{ field: 'created', oldValue: null, newValue: input.name }],
        now,
      );
      return { id, outcome: 'created' };
    }
    const before = describe({ ...existing, licences: existing.licences }, cipher);
    const after = describe({ ...write, licences: input.licences }, cipher);
    const changes = Object.keys(after)
      .filter((field) => before[field] !== after[field])
      .map((field) => ({ field, oldValue: before[field] ?? null, newValue: after[field] ?? null }));
    if (changes.length === 0) return { id: existing.id, outcome: 'unchanged' };
    await enterprises.update(tx, existing.id, write, now);
    if (changes.some((c) => c.field === 'licences'))
      await enterprises.replaceLicences(tx, existing.id, input.licences);
    await enterprises.appendHistory(tx, existing.id, actor, changes, now);
    return { id: existing.id, outcome: 'updated' };
  }

  function checkScope(actor: Actor, county: string, enterpriseId: string | null) {
    if (!scopeAllows(actor.scope, county, enterpriseId))
      throw new DomainError('registry.scope_outside_caller');
  }

  async function visible(actor: Actor, id: string): Promise<EnterpriseRecord> {
    const record = await enterprises.findById(id, actor.scope);
    if (!record) throw new DomainError('enterprise.not_found');
    return record;
  }

  return {
    present,
    checkDictionary,
    save,
    toInput,

    async list(
      actor: Actor,
      query: EnterpriseListQuery,
    ): Promise<Page<Enterprise> & { totalExact: boolean }> {
      const page = await enterprises.list(query, actor.scope, chinaDate(clock.now()));
      return { ...page, items: page.items.map((record) => present(record, actor)) };
    },

    async *iterate(actor: Actor, filter: EnterpriseFilter): AsyncGenerator<Enterprise[]> {
      for await (const batch of enterprises.iterate(filter, actor.scope, chinaDate(clock.now()))) {
        yield batch.map((record) => present(record, actor));
      }
    },

    async get(actor: Actor, id: string): Promise<Enterprise> {
      return present(await visible(actor, id), actor);
    },

    async history(actor: Actor, id: string): Promise<EnterpriseHistoryEntry[]> {
      await visible(actor, id);
      return (await enterprises.history(id)).map((entry) => ({ ...entry, at: entry.at.toISOString() }));
    },

    async create(actor: Actor, input: EnterpriseInput): Promise<Enterprise> {
      checkScope(actor, input.county, null);
      await checkDictionary(input);
      const id = await inTransaction(deps.db, async (tx) => {
        if ((await enterprises.findByCreditCodes([input.creditCode], tx)).size > 0) {
          throw new DomainError('enterprise.credit_code_taken');
        }
        return (await save(tx, actor, input, null)).id;
      }).catch((error: unknown) => {
        if ((error as { code?: string }).code === '23505')
          throw new DomainError('enterprise.credit_code_taken');
        throw error;
      });
      return present((await enterprises.findById(id, null))!, actor);
    },

    async update(actor: Actor, id: string, changes: EnterpriseUpdate): Promise<Enterprise> {
      const existing = await visible(actor, id);
      const merged: EnterpriseInput = { ...toInput(existing), ...stripUndefined(changes) };
      checkScope(actor, merged.county, existing.id);
      await checkDictionary(merged);
      await inTransaction(deps.db, (tx) => save(tx, actor, merged, existing)).catch((error: unknown) => {
        if ((error as { code?: string }).code === '23505')
          throw new DomainError('enterprise.credit_code_taken');
        throw error;
      });
      return present((await enterprises.findById(id, null))!, actor);
    },

    /** The one-map's enterprise layer as JSON text (points, or clusters of a large scope's view). */
    mapLayerJson(actor: Actor, filter: EnterpriseFilter, view?: MapView): Promise<string> {
      return mapLayer.layerJson(actor.scope, filter, view);
    },
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export type EnterprisesService = ReturnType<typeof createEnterprisesService>;
