import { regulatedObjectInputSchema, type RegulatedObject, type RegulatedObjectInput } from '@anjian/domain';
import type { PointKind } from '../composables/use-objects.ts';

/** What the regulated-object form edits, for the point kinds; empty string / null = not given. */
export interface ObjectDraft {
  kind: PointKind;
  name: string;
  enterpriseId: string;
  county: string;
  lon: number | null;
  lat: number | null;
  locationApproximate: boolean;
  notes: string;
  level: number | null;
  units: string[];
  grade: number | null;
  damHeightM: number | null;
  capacityWanM3: number | null;
  overhead: boolean;
  status: string;
  mineral: string;
  capacityWanTa: number | null;
  heightM: number | null;
}

export function emptyObjectDraft(kind: PointKind = 'major_hazard_source', county = ''): ObjectDraft {
  return {
    kind,
    name: '',
    enterpriseId: '',
    county,
    lon: null,
    lat: null,
    locationApproximate: false,
    notes: '',
    level: null,
    units: [],
    grade: null,
    damHeightM: null,
    capacityWanM3: null,
    overhead: false,
    status: 'operating',
    mineral: '',
    capacityWanTa: null,
    heightM: null,
  };
}

const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);

export function objectDraftFrom(object: RegulatedObject & { kind: PointKind }): ObjectDraft {
  const a = object.attributes;
  return {
    ...emptyObjectDraft(object.kind, object.county),
    name: object.name,
    enterpriseId: object.enterpriseId ?? '',
    lon: object.location.lon,
    lat: object.location.lat,
    locationApproximate: object.locationApproximate,
    notes: typeof a.notes === 'string' ? a.notes : '',
    level: num(a.level),
    units: Array.isArray(a.units) ? a.units.map(String) : [],
    grade: num(a.grade),
    damHeightM: num(a.damHeightM),
    capacityWanM3: num(a.capacityWanM3),
    overhead: a.overhead === true,
    status: typeof a.status === 'string' ? a.status : 'operating',
    mineral: typeof a.mineral === 'string' ? a.mineral : '',
    capacityWanTa: num(a.capacityWanTa),
    heightM: num(a.heightM),
  };
}

function kindFields(d: ObjectDraft): Record<string, unknown> {
  const optional = (key: string, value: number | null) => (value === null ? {} : { [key]: value });
  switch (d.kind) {
    case 'major_hazard_source':
      return { level: d.level, units: d.units.map((u) => u.trim()).filter(Boolean) };
    case 'tailings_pond':
      return {
        grade: d.grade,
        ...optional('damHeightM', d.damHeightM),
        ...optional('capacityWanM3', d.capacityWanM3),
        overhead: d.overhead,
        status: d.status,
      };
    case 'underground_mine':
    case 'open_pit_mine':
      return { mineral: d.mineral.trim(), ...optional('capacityWanTa', d.capacityWanTa), status: d.status };
    case 'waste_dump':
      return { ...optional('heightM', d.heightM), status: d.status };
  }
}

/** The draft through the shared schema: the request body, or the fields it refuses (top-level names). */
export function objectDraftToInput(
  d: ObjectDraft,
): { ok: true; value: RegulatedObjectInput } | { ok: false; fields: string[] } {
  const candidate = {
    kind: d.kind,
    name: d.name.trim(),
    enterpriseId: d.enterpriseId,
    county: d.county,
    location: { lon: d.lon, lat: d.lat },
    locationApproximate: d.locationApproximate,
    ...(d.notes.trim() ? { notes: d.notes.trim() } : {}),
    ...kindFields(d),
  };
  const parsed = regulatedObjectInputSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, fields: [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? '')))] };
}
