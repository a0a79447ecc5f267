import { regulatedObjectInputSchema, type RegulatedObject, type RegulatedObjectInput } from '@anjian/domain';
import type { PointKind } from '../composables/use-objects.ts';

/** Kinds a responsible unit answers for instead of an enterprise (decision 0006). */
export const isResponsibleUnitKind = (kind: string): kind is 'geo_hazard_site' | 'forest_fire_area' =>
  kind === 'geo_hazard_site' || kind === 'forest_fire_area';

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
  /** Natural-hazard sites (decision 0006): who answers for them, and who lives near them. */
  responsibleUnit: string;
  township: string;
  threatenedPeople: number | null;
  threatenedHouseholds: number | null;
  hazardType: string;
  scale: string;
  monitor: string;
  areaHa: number | null;
  fireRiskGrade: number | null;
  /** A forest-fire risk area's outline, kept as imported (the form does not draw it). */
  geometry: unknown;
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
    responsibleUnit: '',
    township: '',
    threatenedPeople: null,
    threatenedHouseholds: null,
    hazardType: 'landslide',
    scale: 'small',
    monitor: '',
    areaHa: null,
    fireRiskGrade: null,
    geometry: null,
  };
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

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
    responsibleUnit: text(a.responsibleUnit),
    township: text(a.township),
    threatenedPeople: num(a.threatenedPeople),
    threatenedHouseholds: num(a.threatenedHouseholds),
    hazardType: text(a.hazardType) || 'landslide',
    scale: text(a.scale) || 'small',
    monitor: text(a.monitor),
    areaHa: num(a.areaHa),
    fireRiskGrade: num(a.fireRiskGrade),
    geometry: object.geometry ?? null,
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
    case 'geo_hazard_site':
      return {
        ...siteFields(d),
        hazardType: d.hazardType,
        scale: d.scale,
        ...optional('threatenedHouseholds', d.threatenedHouseholds),
        ...(d.monitor.trim() ? { monitor: d.monitor.trim() } : {}),
      };
    case 'forest_fire_area':
      return {
        ...siteFields(d),
        ...optional('areaHa', d.areaHa),
        fireRiskGrade: d.fireRiskGrade,
        ...(d.geometry ? { geometry: d.geometry } : {}),
      };
  }
}

/** What every natural-hazard site carries: its responsible unit, township and the people at risk. */
function siteFields(d: ObjectDraft): Record<string, unknown> {
  return {
    responsibleUnit: d.responsibleUnit.trim(),
    ...(d.township.trim() ? { township: d.township.trim() } : {}),
    ...(d.threatenedPeople === null ? {} : { threatenedPeople: d.threatenedPeople }),
  };
}

/** The draft through the shared schema: the request body, or the fields it refuses (top-level names). */
export function objectDraftToInput(
  d: ObjectDraft,
): { ok: true; value: RegulatedObjectInput } | { ok: false; fields: string[] } {
  const candidate = {
    kind: d.kind,
    name: d.name.trim(),
    // A natural-hazard site answers to its responsible unit, never to an enterprise.
    ...(isResponsibleUnitKind(d.kind) ? {} : { enterpriseId: d.enterpriseId }),
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
