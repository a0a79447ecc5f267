import { z } from 'zod';
import { isoInstant } from '../common/dates.schema.ts';

/**
 * An incident's consequence zones as the command recorded them (plume footprint, blast and heat
 * circles, the evacuation circle), kept with the inputs they were computed from. Each recording is a
 * new version; the latest is what the teams' phones show and what "cameras in the zones" searches.
 */

const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);
const lonLat = z.tuple([lon, lat]);
const bilingual = z.object({ zh: z.string().min(1).max(200), en: z.string().min(1).max(200) }).strict();

export const zoneShapeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('polygon'), ring: z.array(lonLat).min(4).max(2000) }).strict(),
  z
    .object({ kind: z.literal('circle'), centre: lonLat, radiusM: z.number().positive().max(200_000) })
    .strict(),
]);
export type StoredZoneShape = z.infer<typeof zoneShapeSchema>;

export const incidentZoneSchema = z
  .object({
    key: z.string().min(1).max(64),
    label: bilingual,
    colour: z.enum(['red', 'orange', 'yellow']),
    /** Downwind length (plume) or radius (circle), metres. */
    extentM: z.number().min(0).max(200_000),
    shape: zoneShapeSchema,
  })
  .strict();
export type IncidentZone = z.infer<typeof incidentZoneSchema>;

/** What the consequence calculator's inputs may hold: a small JSON object (kept as it was sent). */
const inputsSchema = z
  .record(z.string(), z.unknown())
  .refine((value) => JSON.stringify(value).length <= 20_000, { message: 'inputs too large' });

export const incidentZoneSetInputSchema = z
  .object({
    model: z
      .object({ id: z.string().min(1).max(64), zh: z.string().max(200), en: z.string().max(200) })
      .strict(),
    inputs: inputsSchema,
    /** The source (the incident's site as computed), [lon, lat]. */
    centre: lonLat,
    zones: z.array(incidentZoneSchema).max(20),
    evacuationRadiusM: z.number().min(0).max(200_000),
    /** The line written to the incident's timeline (and the teams' instructions); generated if absent. */
    summary: z.string().trim().min(1).max(2000).optional(),
  })
  .strict();
export type IncidentZoneSetInput = z.infer<typeof incidentZoneSetInputSchema>;

export const incidentZoneSetSchema = incidentZoneSetInputSchema.omit({ summary: true }).extend({
  version: z.number().int().positive(),
  computedAt: isoInstant(),
  computedBy: z.string(),
});
export type IncidentZoneSet = z.infer<typeof incidentZoneSetSchema>;

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres (haversine): the measure the server's nearby searches use. */
export function haversineM(a: readonly [number, number], b: readonly [number, number]): number {
  const dLat = rad(b[1] - a[1]);
  const dLon = rad(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Whether a point lies in a zone: even-odd ray casting for a polygon (zones span a few kilometres,
 * so degrees as plane coordinates are exact enough), great-circle distance for a circle.
 */
export function pointInZoneShape(point: readonly [number, number], shape: StoredZoneShape): boolean {
  if (shape.kind === 'circle') return haversineM(point, shape.centre) <= shape.radiusM;
  const ring = shape.ring;
  const [x, y] = point;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The farthest any zone reaches from the centre, metres: the radius that holds every zone. */
export function zoneSetReachM(set: Pick<IncidentZoneSetInput, 'centre' | 'zones'>): number {
  let reach = 0;
  for (const zone of set.zones) {
    const shape = zone.shape;
    if (shape.kind === 'circle')
      reach = Math.max(reach, haversineM(set.centre, shape.centre) + shape.radiusM);
    else for (const vertex of shape.ring) reach = Math.max(reach, haversineM(set.centre, vertex));
  }
  return Math.ceil(reach);
}

/** The keys of the zones holding a point, in the set's order (most severe first). */
export function zonesHolding(point: readonly [number, number], zones: readonly IncidentZone[]): string[] {
  return zones.filter((zone) => pointInZoneShape(point, zone.shape)).map((zone) => zone.key);
}
