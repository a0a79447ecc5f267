import { z } from 'zod';
import { codedIssue } from '../errors/coded-issue.ts';
import { isoDate } from '../common/dates.schema.ts';
import { pageQuerySchema } from '../common/pagination.schema.ts';
import { countyCodeSchema } from '../registry/enterprise.schema.ts';
import { coverageStatuses } from './insurance-coverage.ts';
import { licenceApplicationKinds, licenceSteps, projectSteps } from './obligation-terms.ts';

/** 安责险 policy (应急〔2025〕27号). Amounts in 元. */
export const policyInputSchema = z
  .object({
    enterpriseId: z.uuid(),
    insurer: z.string().trim().min(2).max(80),
    policyNumber: z.string().trim().min(4).max(60),
    startsOn: isoDate(),
    endsOn: isoDate(),
    insuredPersons: z.number().int().min(1).max(1_000_000),
    perPersonYuan: z.number().positive().max(100_000_000).describe('每人死亡伤残责任限额（元）'),
    premiumYuan: z.number().min(0).max(1_000_000_000).describe('保费（元）'),
  })
  .strict()
  .refine((p) => p.endsOn >= p.startsOn, {
    ...codedIssue('obligations.dates_out_of_order'),
    path: ['endsOn'],
  });
export type PolicyInput = z.infer<typeof policyInputSchema>;

export const policySchema = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  creditCode: z
    .string()
    .describe('统一社会信用代码 of the enterprise (the import finds the enterprise by it)'),
  county: z.string(),
  insurer: z.string(),
  policyNumber: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  insuredPersons: z.number().int(),
  perPersonYuan: z.number(),
  premiumYuan: z.number(),
  belowMinimum: z.boolean().describe('Cover per person below the minimum in force on the start date'),
  demo: z.boolean(),
});
export type Policy = z.infer<typeof policySchema>;

export const policyListQuerySchema = pageQuerySchema
  .extend({
    q: z.string().trim().max(60).optional(),
    enterpriseId: z.uuid().optional(),
    county: countyCodeSchema.optional(),
  })
  .strict();

export const coverageRowSchema = z.object({
  id: z.uuid().describe('The enterprise id'),
  enterpriseName: z.string(),
  county: z.string(),
  sectors: z.array(z.string()),
  employees: z.number().int().nullable(),
  status: z.enum(coverageStatuses),
  minimumYuan: z.number(),
  policyNumber: z.string().nullable(),
  endsOn: z.string().nullable(),
});
export type CoverageRow = z.infer<typeof coverageRowSchema>;

export const coverageQuerySchema = pageQuerySchema
  .extend({
    county: countyCodeSchema.optional(),
    status: z
      .enum(['gaps', ...coverageStatuses])
      .optional()
      .describe('gaps = uninsured, below minimum or expiring'),
    q: z.string().trim().max(60).optional(),
  })
  .strict();

export const licenceApplicationInputSchema = z
  .object({
    enterpriseId: z.uuid(),
    licenceType: z.string().trim().min(2).max(40).describe('A licence-type dictionary code'),
    kind: z.enum(licenceApplicationKinds),
    submittedOn: isoDate(),
    notes: z.string().trim().max(1000).optional(),
  })
  .strict();
export type LicenceApplicationInput = z.infer<typeof licenceApplicationInputSchema>;

export const licenceStepInputSchema = z
  .object({
    step: z.enum(['accepted', 'reviewed', 'decided']),
    on: isoDate(),
    approved: z.boolean().optional().describe('For the decision'),
    licenceNumber: z.string().trim().min(2).max(60).optional(),
    validUntil: isoDate().optional(),
    notes: z.string().trim().max(1000).optional(),
  })
  .strict()
  .refine((s) => s.step !== 'decided' || s.approved !== undefined, {
    ...codedIssue('obligations.decision_required'),
    path: ['approved'],
  });
export type LicenceStepInput = z.infer<typeof licenceStepInputSchema>;

export const licenceApplicationSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  county: z.string(),
  licenceType: z.string(),
  kind: z.enum(licenceApplicationKinds),
  step: z.enum(licenceSteps),
  submittedOn: z.string(),
  acceptedOn: z.string().nullable(),
  reviewedOn: z.string().nullable(),
  decidedOn: z.string().nullable(),
  approved: z.boolean().nullable(),
  licenceNumber: z.string().nullable(),
  validUntil: z.string().nullable(),
  notes: z.string().nullable(),
  acceptBy: z.string().describe('Last working day to accept (受理)'),
  decideBy: z.string().describe('Last working day to decide'),
  workingDays: z.object({ accept: z.number().int(), decide: z.number().int() }),
  provisional: z.boolean(),
  overdue: z.boolean(),
  nextStep: z.enum(licenceSteps).nullable(),
  demo: z.boolean(),
});
export type LicenceApplication = z.infer<typeof licenceApplicationSchema>;

export const licenceListQuerySchema = pageQuerySchema
  .extend({
    county: countyCodeSchema.optional(),
    step: z.enum(licenceSteps).optional(),
    q: z.string().trim().max(60).optional(),
    enterpriseId: z.uuid().optional(),
  })
  .strict();

export const projectNatures = ['new', 'rebuilt', 'expanded'] as const;
export const projectNatureNames: Record<(typeof projectNatures)[number], { zh: string; en: string }> = {
  new: { zh: '新建', en: 'New' },
  rebuilt: { zh: '改建', en: 'Rebuilt' },
  expanded: { zh: '扩建', en: 'Expanded' },
};

export const projectInputSchema = z
  .object({
    enterpriseId: z.uuid(),
    name: z.string().trim().min(2).max(120),
    nature: z.enum(projectNatures),
    productionStartedOn: isoDate().optional(),
  })
  .strict();
export type ProjectInput = z.infer<typeof projectInputSchema>;

export const projectStepInputSchema = z
  .object({
    step: z.enum(projectSteps),
    passed: z.boolean(),
    completedOn: isoDate(),
    agency: z.string().trim().max(120).optional().describe('The agency whose report the step rests on'),
    documents: z.array(z.string().trim().min(2).max(120)).max(20).default([]),
    decision: z.string().trim().max(1000).optional(),
  })
  .strict();
export type ProjectStepInput = z.infer<typeof projectStepInputSchema>;

export const projectSchema = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  county: z.string(),
  name: z.string(),
  nature: z.enum(projectNatures),
  productionStartedOn: z.string().nullable(),
  steps: z.array(
    z.object({
      step: z.enum(projectSteps),
      passed: z.boolean(),
      completedOn: z.string(),
      agency: z.string().nullable(),
      documents: z.array(z.string()),
      decision: z.string().nullable(),
    }),
  ),
  nextStep: z.enum(projectSteps).nullable(),
  complete: z.boolean(),
  producingWithoutAcceptance: z.boolean(),
  spotCheckFailed: z
    .boolean()
    .describe('The latest spot check of its self-acceptance failed (cleared when a re-check passes)'),
  demo: z.boolean(),
});
export type Project = z.infer<typeof projectSchema>;

export const projectListQuerySchema = pageQuerySchema
  .extend({
    county: countyCodeSchema.optional(),
    q: z.string().trim().max(60).optional(),
    enterpriseId: z.uuid().optional(),
  })
  .strict();
