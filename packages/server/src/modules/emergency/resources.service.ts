import {
  DomainError,
  MATERIAL_EXPIRY_WARNING_DAYS,
  maskPhone,
  type MaterialAlert,
  type EmergencyMaterial,
  type EmergencyResource,
  type EmergencyResourceInput,
  type EmergencyResourceKind,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import { daysBetween } from '../../platform/dates.ts';
import { chinaDate } from '@anjian/domain';
import type { Db } from '../../platform/db.ts';
import { scopeAllows } from '../../platform/scope-sql.ts';
import type { ResourceRecord, ResourcesRepository, ResourceWrite } from './resources.repository.ts';

/**
 * Duty phones of teams and warehouses are for dispatch: shown whole to those who may dispatch. An
 * expert's phone is a private number: masked like enterprise contacts unless the caller holds pi:view.
 */
function revealsPhone(kind: EmergencyResourceKind, auth: AuthContext): boolean {
  if (auth.permissions.has('pi:view')) return true;
  return kind !== 'expert' && auth.permissions.has('emergency:write');
}

export function materialFlags(material: EmergencyMaterial, today: string) {
  const days = material.expiresOn === undefined ? null : daysBetween(today, material.expiresOn);
  return {
    belowMinimum: material.minimumStock !== undefined && material.quantity < material.minimumStock,
    expired: days !== null && days < 0,
    expiringSoon: days !== null && days >= 0 && days <= MATERIAL_EXPIRY_WARNING_DAYS,
  };
}

export function createResourcesService(deps: {
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
  resources: ResourcesRepository;
}) {
  const { clock, cipher, resources } = deps;

  function present(record: ResourceRecord, auth: AuthContext): EmergencyResource & { distanceM?: number } {
    const phone = record.contactPhoneSealed ? cipher.decrypt(record.contactPhoneSealed) : null;
    const today = chinaDate(clock.now());
    return {
      id: record.id,
      kind: record.kind,
      name: record.name,
      county: record.county,
      location: { lon: record.lon, lat: record.lat },
      address: record.address,
      contactName: record.contactName,
      contactPhone: phone && !revealsPhone(record.kind, auth) ? maskPhone(phone) : phone,
      attributes: record.attributes,
      materials: record.materials.map((m) => ({ ...m, ...materialFlags(m, today) })),
      demo: record.demo,
      ...(record.distanceM !== undefined ? { distanceM: Math.round(record.distanceM) } : {}),
    };
  }

  function toWrite(input: EmergencyResourceInput, previous: ResourceRecord | null): ResourceWrite {
    const { kind, name, county, location, address, contactName, contactPhone, ...attributes } = input;
    const unchanged =
      previous?.contactPhoneSealed &&
      contactPhone &&
      cipher.decrypt(previous.contactPhoneSealed) === contactPhone;
    return {
      kind,
      name,
      county,
      lon: location.lon,
      lat: location.lat,
      address: address ?? null,
      contactName: contactName ?? null,
      contactPhoneSealed: unchanged
        ? previous.contactPhoneSealed
        : contactPhone
          ? cipher.encrypt(contactPhone)
          : null,
      attributes,
      demo: previous?.demo ?? false,
    };
  }

  async function writable(auth: AuthContext, id: string): Promise<ResourceRecord> {
    const record = await resources.find(id, auth.scope);
    if (!record) throw new DomainError('emergency.resource_not_found');
    if (!scopeAllows(auth.scope, record.county, null)) throw new DomainError('registry.scope_outside_caller');
    return record;
  }

  return {
    async list(
      auth: AuthContext,
      filter: { kind?: string | undefined; county?: string | undefined; q?: string | undefined },
      page: { page: number; pageSize: number },
    ) {
      const result = await resources.list(auth.scope, filter, page);
      return { ...result, items: result.items.map((r) => present(r, auth)) };
    },

    async get(auth: AuthContext, id: string) {
      const record = await resources.find(id, auth.scope);
      if (!record) throw new DomainError('emergency.resource_not_found');
      return present(record, auth);
    },

    async nearby(
      auth: AuthContext,
      query: {
        lon: number;
        lat: number;
        radiusM: number;
        kinds: EmergencyResourceKind[];
        material?: string | undefined;
        limit: number;
      },
    ) {
      return (await resources.nearby(auth.scope, query)).map((r) => present(r, auth));
    },

    async create(auth: AuthContext, input: EmergencyResourceInput) {
      if (!scopeAllows(auth.scope, input.county, null))
        throw new DomainError('registry.scope_outside_caller');
      const id = await resources.insert(deps.db, toWrite(input, null), clock.now());
      return present((await resources.find(id, auth.scope))!, auth);
    },

    async replace(auth: AuthContext, id: string, input: EmergencyResourceInput) {
      const existing = await writable(auth, id);
      if (!scopeAllows(auth.scope, input.county, null))
        throw new DomainError('registry.scope_outside_caller');
      await resources.update(id, toWrite(input, existing), clock.now());
      return present((await resources.find(id, auth.scope))!, auth);
    },

    async remove(auth: AuthContext, id: string) {
      await writable(auth, id);
      await resources.remove(id);
    },

    /** Materials below their minimum, expired or expiring within 30 days, in the caller's scope. */
    async materialAlerts(auth: AuthContext, county?: string): Promise<MaterialAlert[]> {
      const today = chinaDate(clock.now());
      return (
        await resources.materialCandidates(auth.scope, today, MATERIAL_EXPIRY_WARNING_DAYS, county)
      ).map((m) => ({ ...m, ...materialFlags(m, today) }));
    },

    async setMaterials(auth: AuthContext, id: string, materials: EmergencyMaterial[]) {
      const existing = await writable(auth, id);
      if (existing.kind !== 'warehouse') throw new DomainError('emergency.not_a_warehouse');
      await resources.replaceMaterials(id, materials);
      return present((await resources.find(id, auth.scope))!, auth);
    },
  };
}

export type ResourcesService = ReturnType<typeof createResourcesService>;
