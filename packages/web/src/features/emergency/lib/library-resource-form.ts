import {
  emergencyMaterialSchema,
  emergencyResourceInputSchema,
  type EmergencyResource,
} from '@anjian/domain';
import { linesOf } from './library-format.ts';

/**
 * The create / edit form of a team, warehouse or expert (资源库) as typed, turned into the API body
 * (POST/PUT /emergency/resources, PUT …/materials) and checked with the same schemas as the server,
 * each problem named by the form field it belongs to and a message key under
 * `emergency.library.resources.problems`.
 */
export type LibraryResourceKind = 'team' | 'warehouse' | 'expert';

export const teamSpecialties = [
  'hazmat',
  'mine',
  'fire',
  'water',
  'earthquake',
  'medical',
  'electric',
  'general',
] as const;
export const teamTypes = ['professional', 'part_time', 'social'] as const;
export const teamStatuses = ['standby', 'deployed', 'unavailable'] as const;
export const expertAvailabilities = ['available', 'busy', 'away'] as const;

/** Common expert fields offered in the picker (stored as typed, in Chinese like the records). */
export const expertFieldSuggestions = [
  '危险化学品',
  '非煤矿山',
  '尾矿库',
  '烟花爆竹',
  '工贸安全',
  '消防',
  '医疗救护',
  '地质灾害',
] as const;

export interface MaterialRow {
  name: string;
  unit: string;
  quantity: number | null;
  minimumStock: number | null;
  /** YYYY-MM-DD or ''. */
  expiresOn: string;
}

export interface ResourceForm {
  kind: LibraryResourceKind;
  name: string;
  county: string;
  lon: number | null;
  lat: number | null;
  address: string;
  contactName: string;
  contactPhone: string;
  notes: string;
  teamType: (typeof teamTypes)[number];
  specialties: (typeof teamSpecialties)[number][];
  members: number | null;
  /** One item a line. */
  equipment: string;
  status: (typeof teamStatuses)[number];
  owner: string;
  fields: string[];
  availability: (typeof expertAvailabilities)[number];
  materials: MaterialRow[];
}

export function blankResourceForm(kind: LibraryResourceKind): ResourceForm {
  return {
    kind,
    name: '',
    county: '',
    lon: null,
    lat: null,
    address: '',
    contactName: '',
    contactPhone: '',
    notes: '',
    teamType: 'professional',
    specialties: [],
    members: 0,
    equipment: '',
    status: 'standby',
    owner: '',
    fields: [],
    availability: 'available',
    materials: [],
  };
}

export const blankMaterialRow = (): MaterialRow => ({
  name: '',
  unit: '',
  quantity: 0,
  minimumStock: null,
  expiresOn: '',
});

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const list = (value: unknown) => (Array.isArray(value) ? value.filter((v) => typeof v === 'string') : []);
const oneOf = <T extends string>(options: readonly T[], value: unknown, fallback: T): T =>
  options.includes(value as T) ? (value as T) : fallback;

/** A masked phone (138****5678) cannot be sent back; the officer types it again in full. */
export const isMaskedPhone = (phone: string) => phone.includes('*');

export function resourceFormOf(resource: EmergencyResource, kind: LibraryResourceKind): ResourceForm {
  const a = resource.attributes;
  return {
    ...blankResourceForm(kind),
    name: resource.name,
    county: resource.county,
    lon: resource.location.lon,
    lat: resource.location.lat,
    address: resource.address ?? '',
    contactName: resource.contactName ?? '',
    contactPhone: resource.contactPhone ?? '',
    notes: text(a.notes),
    teamType: oneOf(teamTypes, a.teamType, 'professional'),
    specialties: list(a.specialties).filter((s): s is (typeof teamSpecialties)[number] =>
      (teamSpecialties as readonly string[]).includes(s),
    ),
    members: typeof a.members === 'number' ? a.members : 0,
    equipment: list(a.equipment).join('\n'),
    status: oneOf(teamStatuses, a.status, 'standby'),
    owner: text(a.owner),
    fields: list(a.fields),
    availability: oneOf(expertAvailabilities, a.availability, 'available'),
    materials: resource.materials.map((m) => ({
      name: m.name,
      unit: m.unit,
      quantity: m.quantity,
      minimumStock: m.minimumStock ?? null,
      expiresOn: m.expiresOn ?? '',
    })),
  };
}

const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** The body of POST/PUT /emergency/resources; optional fields left empty are absent. */
export function resourceInputOf(form: ResourceForm): Record<string, unknown> {
  const base = {
    kind: form.kind,
    name: form.name.trim(),
    county: form.county,
    location: { lon: form.lon, lat: form.lat },
    address: optional(form.address),
    contactName: optional(form.contactName),
    contactPhone: optional(form.contactPhone),
    notes: optional(form.notes),
  };
  const own =
    form.kind === 'team'
      ? {
          teamType: form.teamType,
          specialties: form.specialties,
          members: form.members,
          equipment: linesOf(form.equipment),
          status: form.status,
        }
      : form.kind === 'warehouse'
        ? { owner: optional(form.owner) }
        : { fields: form.fields.map((f) => f.trim()).filter(Boolean), availability: form.availability };
  return Object.fromEntries(Object.entries({ ...base, ...own }).filter(([, v]) => v !== undefined));
}

/** The body of PUT /emergency/resources/:id/materials. */
export function materialsInputOf(rows: readonly MaterialRow[]): { items: Record<string, unknown>[] } {
  return {
    items: rows.map((row) =>
      Object.fromEntries(
        Object.entries({
          name: row.name.trim(),
          unit: row.unit.trim(),
          quantity: row.quantity,
          minimumStock: row.minimumStock ?? undefined,
          expiresOn: optional(row.expiresOn),
        }).filter(([, v]) => v !== undefined),
      ),
    ),
  };
}

/** Problem message keys, under `emergency.library.resources.problems`. */
export type ResourceProblem =
  | 'nameLength'
  | 'countyRequired'
  | 'lonRequired'
  | 'latRequired'
  | 'lonOutside'
  | 'latOutside'
  | 'phoneInvalid'
  | 'phoneMasked'
  | 'specialtiesRequired'
  | 'membersInvalid'
  | 'equipmentTooLong'
  | 'fieldsRequired'
  | 'tooLong'
  | 'materialName'
  | 'materialUnit'
  | 'materialQuantity'
  | 'materialMinimum'
  | 'materialExpiry'
  | 'invalid';

/** Field path (`name`, `lon`, `materials.2.unit`) → the first problem found there. */
export type ResourceProblems = Record<string, ResourceProblem>;

const fieldProblem: Record<string, ResourceProblem> = {
  name: 'nameLength',
  county: 'countyRequired',
  contactPhone: 'phoneInvalid',
  specialties: 'specialtiesRequired',
  members: 'membersInvalid',
  equipment: 'equipmentTooLong',
  fields: 'fieldsRequired',
  address: 'tooLong',
  contactName: 'tooLong',
  notes: 'tooLong',
  owner: 'tooLong',
};

const materialProblem: Record<string, ResourceProblem> = {
  name: 'materialName',
  unit: 'materialUnit',
  quantity: 'materialQuantity',
  minimumStock: 'materialMinimum',
  expiresOn: 'materialExpiry',
};

export function resourceFormProblems(form: ResourceForm): ResourceProblems {
  const problems: ResourceProblems = {};
  const note = (path: string, problem: ResourceProblem) => {
    problems[path] ??= problem;
  };
  if (form.lon === null || !Number.isFinite(form.lon)) note('lon', 'lonRequired');
  if (form.lat === null || !Number.isFinite(form.lat)) note('lat', 'latRequired');
  if (isMaskedPhone(form.contactPhone)) note('contactPhone', 'phoneMasked');
  const parsed = emergencyResourceInputSchema.safeParse(resourceInputOf(form));
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const [head, sub] = issue.path.map(String);
      if (head === 'location') {
        if (sub === 'lon' && !problems.lon) note('lon', 'lonOutside');
        if (sub === 'lat' && !problems.lat) note('lat', 'latOutside');
      } else note(head ?? 'form', fieldProblem[head ?? ''] ?? 'invalid');
    }
  if (form.kind === 'warehouse')
    form.materials.forEach((row, index) => {
      const body = materialsInputOf([row]).items[0];
      const checked = emergencyMaterialSchema.safeParse(body);
      if (!checked.success)
        for (const issue of checked.error.issues) {
          const field = String(issue.path[0] ?? '');
          note(`materials.${index}.${field}`, materialProblem[field] ?? 'invalid');
        }
    });
  return problems;
}
