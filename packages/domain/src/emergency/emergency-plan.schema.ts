import { z } from 'zod';
import { pageQuerySchema } from '../common/pagination.schema.ts';
import { countyCodeSchema } from '../registry/enterprise.schema.ts';
import { planReviewStatuses } from './plan-review.ts';
import { isoDate } from '../common/dates.schema.ts';

/** 应急预案: who issues it (市级/县级/部门/企业) and what it is (综合/专项/部门/现场处置方案). */
export const emergencyPlanLevels = ['city', 'county', 'department', 'enterprise'] as const;
export const emergencyPlanTypes = ['comprehensive', 'special', 'department', 'on_site'] as const;
/** 《国家突发公共事件总体应急预案》: 响应由高到低分为 Ⅰ、Ⅱ、Ⅲ、Ⅳ 级. */
export const responseLevels = ['I', 'II', 'III', 'IV'] as const;

const planDate = isoDate();

export const emergencyPlanInputSchema = z
  .object({
    name: z.string().trim().min(2).max(200),
    level: z.enum(emergencyPlanLevels),
    type: z.enum(emergencyPlanTypes),
    county: countyCodeSchema
      .optional()
      .describe('The county that owns the plan; absent for a city-level plan (市级预案)'),
    department: z.string().trim().max(128).optional().describe('Issuing department or enterprise name'),
    accidentTypes: z.array(z.string().trim().min(1).max(32)).max(20).default([]),
    responseLevels: z
      .array(
        z
          .object({
            level: z.enum(responseLevels),
            criteria: z.string().trim().min(2).max(1000).describe('启动条件'),
          })
          .strict(),
      )
      .max(4)
      .default([])
      .describe('Response levels I–IV with their activation criteria, each level once'),
    attachments: z.array(z.uuid()).max(20).default([]).describe('Upload ids (the plan text, maps, lists)'),
    issuedOn: planDate.describe('发布日期'),
    revisedOn: planDate.optional().describe('Last revision; the issue date when never revised'),
    reviewDueOn: planDate
      .optional()
      .describe(
        'Next evaluation due; default three years after the last revision (应急管理部令第2号 第三十五条)',
      ),
    summary: z.string().trim().max(4000).optional(),
  })
  .strict();
export type EmergencyPlanInput = z.infer<typeof emergencyPlanInputSchema>;

export const emergencyPlanSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  level: z.enum(emergencyPlanLevels),
  type: z.enum(emergencyPlanTypes),
  county: z.string().nullable(),
  department: z.string().nullable(),
  accidentTypes: z.array(z.string()),
  responseLevels: z.array(z.object({ level: z.enum(responseLevels), criteria: z.string() })),
  attachments: z.array(z.uuid()),
  issuedOn: planDate,
  revisedOn: planDate,
  reviewDueOn: planDate,
  reviewStatus: z.enum(planReviewStatuses).describe('overdue, due within 30 or 90 days, or current'),
  daysToReview: z.number().int().describe('Negative when overdue'),
  summary: z.string().nullable(),
  drills: z
    .array(z.object({ id: z.uuid(), title: z.string(), heldOn: planDate, status: z.string() }))
    .describe('Drills of this plan, newest first'),
  demo: z.boolean(),
});
export type EmergencyPlan = z.infer<typeof emergencyPlanSchema>;

export const emergencyPlanListQuerySchema = pageQuerySchema.extend({
  level: z.enum(emergencyPlanLevels).optional(),
  type: z.enum(emergencyPlanTypes).optional(),
  county: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  q: z.string().trim().max(64).optional(),
  review: z
    .enum(['due', 'overdue'])
    .optional()
    .describe('due = overdue or due within 90 days; overdue = past the review date'),
});
