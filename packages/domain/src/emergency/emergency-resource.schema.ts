import { z } from 'zod';
import { pageQuerySchema } from '../common/pagination.schema.ts';
import { countyCodeSchema, lonLatSchema } from '../registry/enterprise.schema.ts';
import { isoDate } from '../common/dates.schema.ts';

/**
 * The emergency libraries (应急资源, 专栏 16): rescue teams, warehouses with their materials,
 * experts, and the places a commander needs on the map (shelters, hospitals, schools).
 */
export const emergencyResourceKinds = [
  'team',
  'warehouse',
  'expert',
  'shelter',
  'hospital',
  'school',
] as const;
export const emergencyResourceKindSchema = z.enum(emergencyResourceKinds);
export type EmergencyResourceKind = z.infer<typeof emergencyResourceKindSchema>;

const phone = z.string().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|1\d{2,4})$/, 'a phone number');
const base = {
  name: z.string().trim().min(2).max(128),
  county: countyCodeSchema,
  location: lonLatSchema.describe('Base or site location, WGS-84'),
  address: z.string().trim().max(256).optional(),
  contactName: z.string().trim().max(64).optional(),
  contactPhone: phone
    .optional()
    .describe('Duty phone; masked unless the caller may see personal information'),
  notes: z.string().max(1000).optional(),
};

export const emergencyResourceInputSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('team'),
      ...base,
      teamType: z.enum(['professional', 'part_time', 'social']).describe('专职 / 兼职 / 社会救援力量'),
      specialties: z
        .array(z.enum(['hazmat', 'mine', 'fire', 'water', 'earthquake', 'medical', 'electric', 'general']))
        .min(1)
        .max(8)
        .describe('hazmat = 危化品, mine = 矿山, water = 水上, …'),
      members: z.number().int().min(0).max(100_000),
      equipment: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
      status: z.enum(['standby', 'deployed', 'unavailable']).default('standby'),
    })
    .strict(),
  z.object({ kind: z.literal('warehouse'), ...base, owner: z.string().trim().max(128).optional() }).strict(),
  z
    .object({
      kind: z.literal('expert'),
      ...base,
      fields: z
        .array(z.string().trim().min(1).max(64))
        .min(1)
        .max(10)
        .describe('e.g. 危险化学品, 非煤矿山, 尾矿库'),
      availability: z.enum(['available', 'busy', 'away']).default('available'),
    })
    .strict(),
  z
    .object({ kind: z.literal('shelter'), ...base, capacity: z.number().int().min(0).max(1_000_000) })
    .strict(),
  z
    .object({ kind: z.literal('hospital'), ...base, beds: z.number().int().min(0).max(100_000).optional() })
    .strict(),
  z
    .object({ kind: z.literal('school'), ...base, pupils: z.number().int().min(0).max(100_000).optional() })
    .strict(),
]);
export type EmergencyResourceInput = z.infer<typeof emergencyResourceInputSchema>;

export const emergencyMaterialSchema = z
  .object({
    name: z.string().trim().min(1).max(64).describe('e.g. 正压式空气呼吸器, 吸附棉, 沙袋'),
    unit: z.string().trim().min(1).max(16).describe('个, 套, 吨, 米 …'),
    quantity: z.number().min(0).max(1e9),
    minimumStock: z.number().min(0).max(1e9).optional(),
    expiresOn: isoDate().optional(),
  })
  .strict();
export type EmergencyMaterial = z.infer<typeof emergencyMaterialSchema>;

export const emergencyResourceSchema = z.object({
  id: z.uuid(),
  kind: emergencyResourceKindSchema,
  name: z.string(),
  county: z.string(),
  location: z.object({ lon: z.number(), lat: z.number() }),
  address: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  attributes: z.record(z.string(), z.unknown()),
  materials: z
    .array(
      emergencyMaterialSchema.extend({
        belowMinimum: z.boolean(),
        expired: z.boolean(),
        expiringSoon: z.boolean().describe('Expires within 30 days'),
      }),
    )
    .describe('Stock of a warehouse; empty for other kinds'),
  demo: z.boolean(),
});
export type EmergencyResource = z.infer<typeof emergencyResourceSchema>;

export const emergencyResourceListQuerySchema = pageQuerySchema.extend({
  kind: emergencyResourceKindSchema.optional(),
  county: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  q: z.string().trim().max(64).optional(),
});

export const nearbyQuerySchema = z.object({
  lon: z.coerce.number().min(101).max(103.5),
  lat: z.coerce.number().min(23).max(25.3),
  radiusM: z.coerce.number().int().min(100).max(100_000).default(5000).describe('Search radius, metres'),
  kinds: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value) return [...emergencyResourceKinds];
      const kinds = value.split(',');
      if (kinds.some((k) => !(emergencyResourceKinds as readonly string[]).includes(k)))
        ctx.addIssue({ code: 'custom', message: 'unknown kind' });
      return kinds as EmergencyResourceKind[];
    })
    .describe('Comma-separated kinds; all when absent'),
  material: z
    .string()
    .trim()
    .max(64)
    .optional()
    .describe('Only warehouses holding this material (name contains)'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** A material that needs attention: below its minimum stock, expired or expiring within 30 days. */
export const materialAlertSchema = emergencyMaterialSchema.extend({
  warehouseId: z.uuid(),
  warehouseName: z.string(),
  county: z.string(),
  owner: z.string().nullable(),
  belowMinimum: z.boolean(),
  expired: z.boolean(),
  expiringSoon: z.boolean(),
  demo: z.boolean(),
});
export type MaterialAlert = z.infer<typeof materialAlertSchema>;

/** Days before expiry from which a material is flagged. */
export const MATERIAL_EXPIRY_WARNING_DAYS = 30;
