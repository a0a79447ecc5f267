import { z } from 'zod';
import { pageQuerySchema } from '../common/pagination.schema.ts';
import { countyCodeSchema, lonLatSchema, YUXI_BOUNDS } from './enterprise.schema.ts';
import { isoInstant } from '../common/dates.schema.ts';
import { codedIssue } from '../errors/coded-issue.ts';

/**
 * The regulated objects of the plan's 专栏 5, 6 and 10, each located and (but for parks) owned by an
 * enterprise; and the natural-hazard sites (issue 18, decision 0006) that a responsible unit — a
 * county or township government or a department — answers for instead of an enterprise.
 */
export const regulatedObjectKinds = [
  'major_hazard_source',
  'tailings_pond',
  'underground_mine',
  'open_pit_mine',
  'waste_dump',
  'pipeline',
  'park',
  'geo_hazard_site',
  'forest_fire_area',
] as const;
export const regulatedObjectKindSchema = z.enum(regulatedObjectKinds);
export type RegulatedObjectKind = z.infer<typeof regulatedObjectKindSchema>;

const position = z
  .tuple([
    z
      .number()
      .min(YUXI_BOUNDS.minLon - 1)
      .max(YUXI_BOUNDS.maxLon + 1),
    z
      .number()
      .min(YUXI_BOUNDS.minLat - 1)
      .max(YUXI_BOUNDS.maxLat + 1),
  ])
  .describe('[lon, lat] WGS-84');
const lineString = z
  .object({ type: z.literal('LineString'), coordinates: z.array(position).min(2).max(20_000) })
  .strict();
const multiLineString = z
  .object({
    type: z.literal('MultiLineString'),
    coordinates: z.array(z.array(position).min(2)).min(1).max(500),
  })
  .strict();
const ring = z
  .array(position)
  .min(4)
  .max(20_000)
  .refine(
    (r) => r.length > 0 && r[0]?.[0] === r.at(-1)?.[0] && r[0]?.[1] === r.at(-1)?.[1],
    codedIssue('registry.ring_not_closed'),
  );
const polygon = z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1).max(100) }).strict();
const multiPolygon = z
  .object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1).max(100) })
  .strict();

export const lineGeometrySchema = z.discriminatedUnion('type', [lineString, multiLineString]);
export const areaGeometrySchema = z.discriminatedUnion('type', [polygon, multiPolygon]);
export type LineGeometry = z.infer<typeof lineGeometrySchema>;
export type AreaGeometry = z.infer<typeof areaGeometrySchema>;

/** Kinds attributed to a responsible unit, never to an enterprise (decision 0006). */
export const naturalHazardSiteKinds = ['geo_hazard_site', 'forest_fire_area'] as const;
export type NaturalHazardSiteKind = (typeof naturalHazardSiteKinds)[number];
export function isNaturalHazardSiteKind(kind: string): kind is NaturalHazardSiteKind {
  return (naturalHazardSiteKinds as readonly string[]).includes(kind);
}

/** 地质灾害隐患点的灾种 (DZ/T 0286 and the county's 隐患点 register). */
export const geoHazardTypes = [
  'landslide',
  'debris_flow',
  'collapse',
  'ground_subsidence',
  'ground_fissure',
] as const;
/** 灾害规模等级: 小型、中型、大型、特大型. */
export const geoHazardScales = ['small', 'medium', 'large', 'giant'] as const;

const operatingStatus = z.enum(['operating', 'construction', 'suspended', 'closed']);

const base = {
  name: z.string().trim().min(2).max(128),
  enterpriseId: z.uuid().describe('Owner or operator'),
  county: countyCodeSchema,
  location: lonLatSchema.describe('Representative point (for lines and areas: where to put the marker)'),
  locationApproximate: z.boolean().default(false),
  notes: z.string().max(1000).optional(),
};

const siteBase = {
  name: base.name,
  responsibleUnit: z
    .string()
    .trim()
    .min(2)
    .max(128)
    .describe('责任单位: the county or township government or the department answering for the site'),
  county: countyCodeSchema,
  township: z.string().trim().max(64).optional().describe('乡镇（街道）'),
  location: base.location,
  locationApproximate: base.locationApproximate,
  threatenedPeople: z.number().int().min(0).max(1_000_000).default(0).describe('威胁人数'),
  notes: base.notes,
};

export const regulatedObjectInputSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('major_hazard_source'),
      ...base,
      level: z.number().int().min(1).max(4).describe('GB 18218-2018 grade, 1 (highest) to 4'),
      units: z
        .array(z.string().trim().min(1).max(128))
        .max(50)
        .default([])
        .describe('Production or storage units'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('tailings_pond'),
      ...base,
      grade: z.number().int().min(1).max(5).describe('等别 一等 (1) … 五等 (5)'),
      damHeightM: z.number().min(0).max(500).optional().describe('Total dam height, m'),
      capacityWanM3: z.number().min(0).max(1_000_000).optional().describe('Total capacity, 10⁴ m³'),
      overhead: z.boolean().default(false).describe('头顶库: people or facilities within 1 km downstream'),
      status: z
        .enum(['operating', 'construction', 'suspended', 'closed', 'decommissioned'])
        .default('operating'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('underground_mine'),
      ...base,
      mineral: z.string().trim().min(1).max(64),
      capacityWanTa: z.number().min(0).max(100_000).optional().describe('Design capacity, 10⁴ t/a'),
      status: operatingStatus.default('operating'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('open_pit_mine'),
      ...base,
      mineral: z.string().trim().min(1).max(64),
      capacityWanTa: z.number().min(0).max(100_000).optional(),
      status: operatingStatus.default('operating'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('waste_dump'),
      ...base,
      heightM: z.number().min(0).max(1000).optional().describe('Dump height, m'),
      status: operatingStatus.default('operating'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('pipeline'),
      ...base,
      medium: z.enum(['refined_oil', 'natural_gas', 'crude_oil', 'other']),
      lengthKm: z.number().min(0).max(10_000).optional(),
      geometry: lineGeometrySchema,
      highConsequenceSegments: z
        .array(
          z
            .object({
              name: z.string().trim().min(1).max(128),
              kind: z.enum(['people_dense', 'other']),
              geometry: lineString,
            })
            .strict(),
        )
        .max(200)
        .default([])
        .describe('高后果区 segments'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('park'),
      ...base,
      enterpriseId: z
        .uuid()
        .optional()
        .describe('Parks have no owning enterprise; the managing body may be given'),
      parkKind: z.enum(['development_zone', 'chemical_park', 'industrial_park']),
      geometry: areaGeometrySchema,
    })
    .strict(),
  z
    .object({
      kind: z.literal('geo_hazard_site'),
      ...siteBase,
      hazardType: z.enum(geoHazardTypes).describe('灾种: 滑坡, 泥石流, 崩塌, 地面塌陷, 地裂缝'),
      scale: z.enum(geoHazardScales).default('small').describe('规模等级'),
      threatenedHouseholds: z.number().int().min(0).max(100_000).default(0).describe('威胁户数'),
      threatenedPropertyWanYuan: z.number().min(0).max(10_000_000).optional().describe('威胁财产, 万元'),
      monitor: z.string().trim().max(64).optional().describe('群测群防员'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('forest_fire_area'),
      ...siteBase,
      areaHa: z.number().min(0).max(10_000_000).optional().describe('面积, 公顷'),
      fireRiskGrade: z.number().int().min(1).max(3).describe('森林火险区等级: 1 (Ⅰ级, highest) … 3 (Ⅲ级)'),
      geometry: areaGeometrySchema.optional(),
    })
    .strict(),
]);

export type RegulatedObjectInput = z.infer<typeof regulatedObjectInputSchema>;

export const regulatedObjectSchema = z.object({
  id: z.uuid(),
  kind: regulatedObjectKindSchema,
  name: z.string(),
  enterpriseId: z.uuid().nullable(),
  enterpriseName: z.string().nullable(),
  county: z.string(),
  location: z.object({ lon: z.number(), lat: z.number() }),
  locationApproximate: z.boolean(),
  attributes: z.record(z.string(), z.unknown()).describe('The kind-specific fields'),
  geometry: z.unknown().nullable().describe('GeoJSON geometry of lines and areas'),
  demo: z.boolean(),
  createdAt: isoInstant(),
  updatedAt: isoInstant(),
});
export type RegulatedObject = z.infer<typeof regulatedObjectSchema>;

export const regulatedObjectListQuerySchema = pageQuerySchema.extend({
  kind: regulatedObjectKindSchema.optional(),
  county: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  enterpriseId: z.uuid().optional(),
  q: z.string().trim().max(64).optional(),
});
export type RegulatedObjectListQuery = z.infer<typeof regulatedObjectListQuerySchema>;
