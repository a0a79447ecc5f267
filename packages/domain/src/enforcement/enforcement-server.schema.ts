import { z } from 'zod';
import { countyCodeSchema, industryCodeSchema } from '../registry/enterprise.schema.ts';
import { hiddenHazardCategorySchema } from '../dual-prevention/hazards/hidden-hazard.schema.ts';
import { drawModeSchema, riskWeightFormulaSchema } from './draw.schema.ts';
import { enforcementDocumentTypeCodes } from './document-types.ts';
import { isoDate, isoInstant } from '../common/dates.schema.ts';

/*
 * Requests of the enforcement server (/api/v1/enforcement, docs/enforcement.md) beside the draw,
 * case, discretion and credit-list schemas: roster, plans, checklist library, inspections and their
 * offline submissions, documents.
 */

const dateSchema = isoDate();
const divisionSchema = z
  .string()
  .regex(/^5304\d{2}$/, 'a Yuxi division code')
  .describe('530400 for the city, or a county code');
const uploadIdSchema = z.uuid().describe('Id from POST /api/v1/uploads');

export const enforcementCategorySchema = z
  .object({
    code: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,31}$/)
      .describe('e.g. key 重点, general 一般'),
    nameZh: z.string().trim().min(1).max(50),
    nameEn: z.string().trim().min(1).max(100),
    description: z.string().trim().max(500).optional(),
    sortOrder: z.int().min(0).max(1000).default(0),
    active: z.boolean().default(true),
  })
  .strict();

export const enterpriseCategoryAssignmentSchema = z
  .object({ categoryCode: z.string().min(1).max(32) })
  .strict();

export const inspectorInputSchema = z
  .object({
    name: z.string().trim().min(2).max(50),
    certificateNo: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{4,32}$/)
      .describe('执法证号'),
    certificateExpiry: dateSchema.describe('Certificate valid until (YYYY-MM-DD)'),
    county: divisionSchema,
    specialties: z.array(z.string().trim().min(1).max(32)).max(20).default([]).describe('Sector codes'),
    userId: z.uuid().nullable().default(null).describe('The account the inspector signs in with'),
    active: z.boolean().default(true),
  })
  .strict();

export const conflictInputSchema = z
  .object({
    enterpriseId: z.uuid(),
    relation: z
      .string()
      .trim()
      .min(2)
      .max(200)
      .describe('The relation declared (回避事由), e.g. 近亲属任该企业安全负责人'),
  })
  .strict();

export const planInputSchema = z
  .object({
    county: divisionSchema,
    kind: z.enum(['annual', 'monthly']),
    year: z.int().min(2000).max(2100),
    month: z.int().min(1).max(12).optional(),
    title: z.string().trim().min(2).max(200),
    targets: z
      .array(
        z
          .object({
            categoryCode: z.string().min(1).max(32),
            county: countyCodeSchema,
            count: z.int().min(0).max(100_000),
          })
          .strict(),
      )
      .max(500)
      .describe('Target inspections by category and county (三级巡查)'),
    focus: z
      .array(z.object({ enterpriseId: z.uuid(), reason: z.string().trim().min(2).max(200) }).strict())
      .max(1000)
      .default([])
      .describe('Focus list (重点检查名单)'),
  })
  .strict()
  .refine((p) => (p.kind === 'monthly') === (p.month !== undefined), {
    message: 'a monthly plan has a month, an annual plan none',
    path: ['month'],
  });

/** Body of `POST /api/v1/enforcement/draws`: filters of the pool and the draw's parameters. */
export const enforcementDrawRequestSchema = z
  .object({
    title: z.string().trim().min(2).max(200),
    county: divisionSchema.describe('Bureau running the draw: 530400 city, or a county'),
    planId: z.uuid().optional(),
    mode: drawModeSchema.default('uniform'),
    enterpriseCount: z.int().min(1).max(10_000),
    inspectorsPerEnterprise: z.int().min(2).max(10).default(2),
    exclusionPeriodDays: z.int().min(0).max(3660).default(365),
    pool: z
      .object({
        countyCodes: z.array(countyCodeSchema).max(9).optional(),
        industryCodes: z.array(industryCodeSchema).max(50).optional(),
        riskLevels: z
          .array(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]))
          .max(4)
          .optional(),
        categoryCodes: z.array(z.string().min(1).max(32)).max(20).optional(),
        sectors: z.array(z.string().min(1).max(32)).max(20).optional(),
      })
      .strict()
      .default({}),
    inspectorIds: z.array(z.uuid()).min(2).max(500).optional(),
    riskWeightFormula: riskWeightFormulaSchema.optional(),
  })
  .strict();

export const checklistItemInputSchema = z
  .object({
    sector: z
      .string()
      .trim()
      .min(1)
      .max(32)
      .describe("Regulatory sector code, or 'general' for every enterprise"),
    code: z.string().trim().min(1).max(32),
    text: z.string().trim().min(4).max(500).describe('检查内容'),
    legalBasis: z.string().trim().min(2).max(500).describe('检查依据 (law and article)'),
    hazardCategory: hiddenHazardCategorySchema,
    suggestedPenaltyClause: z.string().trim().max(500).optional().describe('处罚依据 suggested'),
    sortOrder: z.int().min(0).max(10_000).default(0),
    active: z.boolean().default(true),
  })
  .strict();

export const adHocInspectionSchema = z
  .object({
    enterpriseId: z.uuid(),
    inspectorIds: z.array(z.uuid()).min(2).max(10).describe('Roster ids; at least two (执法人员不少于两人)'),
    plannedDate: dateSchema.optional(),
    sectors: z
      .array(z.string().min(1).max(32))
      .max(20)
      .optional()
      .describe("Checklist sectors; the enterprise's when left out"),
  })
  .strict();

export const inspectionItemResultSchema = z
  .object({
    itemId: z.uuid(),
    result: z.enum(['pass', 'fail', 'na']),
    note: z.string().trim().max(2000).optional(),
    photoIds: z.array(uploadIdSchema).max(20).default([]),
    deadline: dateSchema.optional().describe('Failed items: the rectification deadline (整改期限)'),
  })
  .strict();

/** Body of `POST /api/v1/enforcement/inspections/:id/submit` (offline queue; docs/enforcement.md). */
export const inspectionSubmissionSchema = z
  .object({
    clientSubmissionId: z.uuid().describe('Generated on the device; the same id is answered once'),
    results: z.array(inspectionItemResultSchema).max(500),
    signatureUploadId: uploadIdSchema.optional().describe("The enterprise's signature (PNG drawn on screen)"),
    notes: z.string().trim().max(4000).optional(),
    finishedAt: isoInstant().describe('When the inspector finished, on the device'),
    final: z.boolean().default(true).describe('false: per-item results only, the inspection stays open'),
  })
  .strict();

export const enforcementDocumentRequestSchema = z
  .object({
    type: z.enum(enforcementDocumentTypeCodes),
    inspectionId: z.uuid().optional(),
    caseId: z.uuid().optional(),
    reviewOpinion: z.string().trim().max(2000).optional().describe('整改复查意见书: the opinion'),
  })
  .strict()
  .refine((d) => (d.inspectionId === undefined) !== (d.caseId === undefined), {
    message: 'name either an inspection or a case',
    path: ['inspectionId'],
  });

export type EnforcementCategoryInput = z.output<typeof enforcementCategorySchema>;
export type InspectorInput = z.output<typeof inspectorInputSchema>;
export type PlanInput = z.output<typeof planInputSchema>;
export type EnforcementDrawRequest = z.output<typeof enforcementDrawRequestSchema>;
export type ChecklistItemInput = z.output<typeof checklistItemInputSchema>;
export type AdHocInspectionInput = z.output<typeof adHocInspectionSchema>;
export type InspectionSubmission = z.output<typeof inspectionSubmissionSchema>;
export type EnforcementDocumentRequest = z.output<typeof enforcementDocumentRequestSchema>;
