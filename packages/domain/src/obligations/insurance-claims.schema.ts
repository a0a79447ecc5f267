import { z } from 'zod';
import { isoDate } from '../common/dates.schema.ts';
import { pageQuerySchema } from '../common/pagination.schema.ts';
import { countyCodeSchema } from '../registry/enterprise.schema.ts';
import { claimStatuses, preventionServiceKinds } from './insurance-claims.ts';

const yuan = (max: number) => z.number().min(0).max(max);

/** 安责险理赔: a claim on a policy for one incident (应急〔2025〕27号). Amounts in 元. */
export const claimInputSchema = z
  .object({
    policyId: z.uuid(),
    claimNumber: z.string().trim().min(3).max(60).describe('理赔案件号 (unique)'),
    incidentId: z.uuid().describe('The emergency incident the claim concerns (in the caller’s scope)'),
    reportedOn: isoDate().describe('报案日期'),
    deaths: z.number().int().min(0).max(10_000),
    injuries: z.number().int().min(0).max(10_000),
    claimedYuan: yuan(1_000_000_000).describe('索赔金额（元）'),
  })
  .strict();
export type ClaimInput = z.infer<typeof claimInputSchema>;

export const claimStepInputSchema = z
  .object({
    step: z.enum(['accepted', 'paid', 'rejected']),
    on: isoDate(),
    paidYuan: yuan(1_000_000_000).optional().describe('赔付金额（元）, required with paid'),
    reason: z.string().trim().min(2).max(500).optional().describe('拒赔理由, required with rejected'),
  })
  .strict();
export type ClaimStepInput = z.infer<typeof claimStepInputSchema>;

export const claimSchema = z.object({
  id: z.uuid(),
  policyId: z.uuid(),
  policyNumber: z.string(),
  insurer: z.string(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  county: z.string(),
  claimNumber: z.string(),
  incidentId: z.uuid(),
  incidentOn: z.string().describe('The incident’s day (Beijing)'),
  incidentLocation: z.string(),
  reportedOn: z.string(),
  deaths: z.number().int(),
  injuries: z.number().int(),
  claimedYuan: z.number(),
  paidYuan: z.number().nullable(),
  status: z.enum(claimStatuses),
  acceptedOn: z.string().nullable(),
  paidOn: z.string().nullable(),
  rejectedOn: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  nextSteps: z.array(z.enum(claimStatuses)).describe('The steps the claim can take now'),
  demo: z.boolean(),
});
export type Claim = z.infer<typeof claimSchema>;

const yearSchema = z.coerce.number().int().min(2000).max(2100);

export const claimListQuerySchema = pageQuerySchema
  .extend({
    county: countyCodeSchema.optional(),
    insurer: z.string().trim().max(80).optional(),
    status: z.enum(claimStatuses).optional(),
    year: yearSchema.optional().describe('Year the claim was reported'),
    enterpriseId: z.uuid().optional(),
    incidentId: z.uuid().optional(),
    q: z.string().trim().max(60).optional(),
  })
  .strict();

export const claimStatisticsQuerySchema = z
  .object({ year: yearSchema, county: countyCodeSchema.optional() })
  .strict();

export const claimStatisticsRowSchema = z.object({
  by: z.enum(['sector', 'county']),
  key: z.string().describe('A registry sector code or a county code'),
  claims: z.number().int(),
  paidYuan: z.number(),
});
export type ClaimStatisticsRow = z.infer<typeof claimStatisticsRowSchema>;

/** 事故预防服务: one visit of the insurer to an enterprise it insures, with its findings. */
export const preventionFindingInputSchema = z
  .object({
    description: z.string().trim().min(5).max(2000),
    openHazard: z.boolean().default(false).describe('Open a hidden hazard (source: the insurer’s service)'),
    hazardId: z.uuid().optional().describe('Or link an existing hidden hazard of the enterprise'),
  })
  .strict();

export const preventionServiceInputSchema = z
  .object({
    policyId: z.uuid().describe('The policy under which the insurer serves the enterprise'),
    servedOn: isoDate(),
    kind: z.enum(preventionServiceKinds),
    costYuan: yuan(100_000_000),
    summary: z.string().trim().max(2000).optional(),
    findings: z.array(preventionFindingInputSchema).max(50).default([]),
  })
  .strict();
export type PreventionServiceInput = z.infer<typeof preventionServiceInputSchema>;

export const preventionServiceSchema = z.object({
  id: z.uuid(),
  policyId: z.uuid(),
  policyNumber: z.string(),
  insurer: z.string(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  county: z.string(),
  servedOn: z.string(),
  kind: z.enum(preventionServiceKinds),
  costYuan: z.number(),
  summary: z.string().nullable(),
  findings: z.array(
    z.object({
      id: z.uuid(),
      description: z.string(),
      hazardId: z.uuid().nullable(),
      hazardOpened: z.boolean().describe('The hazard was opened from this finding (not linked)'),
    }),
  ),
  demo: z.boolean(),
});
export type PreventionService = z.infer<typeof preventionServiceSchema>;

export const preventionServiceListQuerySchema = pageQuerySchema
  .extend({
    county: countyCodeSchema.optional(),
    insurer: z.string().trim().max(80).optional(),
    kind: z.enum(preventionServiceKinds).optional(),
    year: yearSchema.optional(),
    enterpriseId: z.uuid().optional(),
    q: z.string().trim().max(60).optional(),
  })
  .strict();

export const preventionSpendingQuerySchema = z
  .object({ year: yearSchema, county: countyCodeSchema.optional() })
  .strict();

export const preventionYearSchema = z.object({
  insurer: z.string(),
  year: z.number().int(),
  premiumsYuan: z.number().describe('Premiums of the policies starting in the year'),
  spendingYuan: z.number(),
  capPercent: z.number(),
  spendingPercent: z.number().nullable(),
  overCap: z.boolean(),
  unservedEnterprises: z.array(z.string()).describe('Insured mandatory-sector enterprises with no service'),
  unservedFlagged: z.boolean(),
});
