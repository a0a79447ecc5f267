import { z } from 'zod';
import { pageQuerySchema } from '../common/pagination.schema.ts';
import { lonLatSchema } from '../registry/enterprise.schema.ts';
import {
  majorHazardItemSchema,
  majorHazardRequestSchema,
  majorHazardResponseSchema,
} from './major-hazard.schema.ts';
import { isoInstant } from '../common/dates.schema.ts';

/**
 * An enterprise's declaration of its GB 18218-2018 units (重大危险源辨识与分级申报): each production or
 * storage unit with its inventory. The server identifies and grades every unit on each change with
 * the same calculator as POST /api/v1/calc/major-hazard.
 */
export const majorHazardUnitKinds = ['production', 'storage'] as const;
export const majorHazardUnitKindSchema = z
  .enum(majorHazardUnitKinds)
  .describe('生产单元 (production) or 储存单元 (storage), GB 18218-2018 §3.3/§3.4');

export const majorHazardUnitInputSchema = z
  .object({
    enterpriseId: z.uuid().describe('The declaring enterprise; an enterprise account may name only its own'),
    name: z.string().trim().min(2).max(128).describe('e.g. 液氯储罐区, 合成氨装置'),
    kind: majorHazardUnitKindSchema,
    locationText: z.string().trim().max(200).optional().describe('Where the unit is inside the plant'),
    location: lonLatSchema
      .optional()
      .describe('Position of the unit; the enterprise’s own position is used when absent'),
    exposedPopulation: majorHazardRequestSchema.shape.exposedPopulation,
    inventory: z
      .array(majorHazardItemSchema)
      .min(1)
      .max(200)
      .describe('Hazardous chemicals in the unit, each with its design maximum quantity (设计最大量)'),
  })
  .strict();

export const majorHazardUnitUpdateSchema = majorHazardUnitInputSchema.omit({ enterpriseId: true });

export const majorHazardInventoryRowSchema = z.object({
  substance: z.string().describe('The substance as declared (name, CAS, row code or category code)'),
  code: z.string().describe('Row used: T1-nn for Table 1, the category code for Table 2'),
  table: z.literal([1, 2]),
  nameZh: z.string(),
  nameEn: z.string(),
  cas: z.array(z.string()),
  quantityTonnes: z.string().describe('Design maximum quantity q in tonnes, exact'),
  criticalQuantityTonnes: z.string().describe('Q in tonnes'),
  betaCategory: z.string().nullable().describe('Table 2 category given for β, if any'),
});

export const majorHazardUnitSchema = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  county: z.string(),
  name: z.string(),
  kind: majorHazardUnitKindSchema,
  locationText: z.string().nullable(),
  location: z.object({ lon: z.number(), lat: z.number() }).nullable(),
  exposedPopulation: z.number().int(),
  inventory: z.array(majorHazardInventoryRowSchema),
  identification: majorHazardResponseSchema.describe('S, α, R, level and the steps, as last computed'),
  registryObjectId: z
    .uuid()
    .nullable()
    .describe('The registry major hazard source this unit keeps up to date, once it has been one'),
  version: z.number().int().describe('Raised on every change; each version is kept in the history'),
  demo: z.boolean(),
  updatedAt: isoInstant(),
  updatedBy: z.string(),
});

export const majorHazardUnitListQuerySchema = pageQuerySchema.extend({
  enterpriseId: z.uuid().optional(),
  county: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  isMajor: z.enum(['true', 'false']).optional().describe('true: only units that are major hazard sources'),
  level: z.coerce.number().int().min(1).max(4).optional(),
  q: z.string().trim().max(64).optional().describe('Unit or enterprise name contains'),
});

export const majorHazardUnitHistoryEntrySchema = z.object({
  version: z.number().int(),
  at: isoInstant(),
  actor: z.string(),
  change: z.enum(['declared', 'updated', 'retired']),
  s: z.string(),
  isMajor: z.boolean(),
  r: z.string().nullable(),
  level: z.number().int().nullable(),
  exposedPopulation: z.number().int(),
  inventory: z.array(majorHazardItemSchema),
});

/**
 * Major hazard sources by county and grade. One source of truth: the registry's major hazard
 * sources (the one-map and the objects list count the same rows); each is either a declared unit
 * (its grade kept in step by the declaration) or counted and listed as 未申报.
 */
export const majorHazardSummarySchema = z.object({
  rows: z.array(
    z.object({
      county: z.string(),
      level1: z.number().int(),
      level2: z.number().int(),
      level3: z.number().int(),
      level4: z.number().int(),
      declaredUnits: z.number().int().describe('Active declared units, major or not'),
      undeclared: z
        .number()
        .int()
        .describe('Registry major hazard sources no declared unit stands for (未申报)'),
    }),
  ),
  undeclared: z
    .array(
      z.object({
        objectId: z.uuid().describe('The registry object (regulated object of kind major_hazard_source)'),
        name: z.string(),
        enterpriseId: z.uuid().nullable(),
        enterpriseName: z.string().nullable(),
        county: z.string(),
        level: z.number().int().min(1).max(4).nullable().describe('Grade recorded in the registry'),
        demo: z.boolean(),
      }),
    )
    .describe('Registry major hazard sources not yet declared (未申报), shown as such on the sources page'),
});

export type MajorHazardUnitInput = z.infer<typeof majorHazardUnitInputSchema>;
export type MajorHazardUnitUpdate = z.infer<typeof majorHazardUnitUpdateSchema>;
export type MajorHazardUnit = z.infer<typeof majorHazardUnitSchema>;
export type MajorHazardInventoryRow = z.infer<typeof majorHazardInventoryRowSchema>;
export type MajorHazardUnitListQuery = z.infer<typeof majorHazardUnitListQuerySchema>;
export type MajorHazardUnitHistoryEntry = z.infer<typeof majorHazardUnitHistoryEntrySchema>;
export type MajorHazardSummary = z.infer<typeof majorHazardSummarySchema>;
