import { z } from 'zod';
import { gb6441AccidentTypeCodes } from './accidents/accident-types.ts';
import { pageQuerySchema } from '../common/pagination.schema.ts';
import { countyCodeSchema } from '../registry/enterprise.schema.ts';
import { isoDate } from '../common/dates.schema.ts';

/** 演练情景库: a scenario a drill plays out. City-wide scenarios have no county. */
export const drillScenarioInputSchema = z
  .object({
    name: z.string().trim().min(2).max(200),
    county: countyCodeSchema.optional().describe('Absent for a scenario of the whole city'),
    accidentType: z.enum(gb6441AccidentTypeCodes).optional(),
    description: z.string().trim().min(5).max(4000),
    objectives: z.array(z.string().trim().min(2).max(300)).max(20).default([]).describe('演练目标'),
  })
  .strict();
export type DrillScenarioInput = z.infer<typeof drillScenarioInputSchema>;

export const drillScenarioSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  county: z.string().nullable(),
  accidentType: z.string().nullable(),
  description: z.string(),
  objectives: z.array(z.string()),
  drillCount: z.number().int().describe('Drills that used this scenario'),
  demo: z.boolean(),
});
export type DrillScenario = z.infer<typeof drillScenarioSchema>;

export const drillForms = ['tabletop', 'functional', 'full_scale'] as const; // 桌面推演 / 单项(功能) / 综合(实战)
export const drillStatuses = ['planned', 'held', 'cancelled'] as const;
export const drillRatings = ['excellent', 'good', 'adequate', 'poor'] as const;
export const findingStatuses = ['open', 'done'] as const;

export const drillFindingInputSchema = z
  .object({
    text: z.string().trim().min(2).max(1000).describe('A problem found and the action to fix it'),
    owner: z.string().trim().min(1).max(64).describe('Responsible unit or person'),
    deadline: isoDate(),
    status: z.enum(findingStatuses).default('open'),
  })
  .strict();
export type DrillFindingInput = z.infer<typeof drillFindingInputSchema>;

export const drillInputSchema = z
  .object({
    title: z.string().trim().min(2).max(200),
    county: countyCodeSchema,
    heldOn: isoDate().describe('The date held, or planned'),
    status: z.enum(drillStatuses).default('planned'),
    form: z.enum(drillForms),
    scenarioId: z.uuid().optional(),
    planId: z.uuid().optional(),
    organiser: z.string().trim().min(1).max(128),
    location: z.string().trim().max(200).optional(),
    participants: z.number().int().min(0).max(1_000_000).default(0),
    evaluation: z.string().trim().max(4000).optional().describe('评估意见'),
    rating: z.enum(drillRatings).optional(),
  })
  .strict();
export type DrillInput = z.infer<typeof drillInputSchema>;

export const drillFindingSchema = z.object({
  id: z.uuid(),
  text: z.string(),
  owner: z.string(),
  deadline: isoDate(),
  status: z.enum(findingStatuses),
  overdue: z.boolean().describe('Open and past its deadline'),
});

export const drillSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  county: z.string(),
  heldOn: isoDate(),
  status: z.enum(drillStatuses),
  form: z.enum(drillForms),
  scenarioId: z.uuid().nullable(),
  scenarioName: z.string().nullable(),
  planId: z.uuid().nullable(),
  planName: z.string().nullable(),
  organiser: z.string(),
  location: z.string().nullable(),
  participants: z.number().int(),
  evaluation: z.string().nullable(),
  rating: z.enum(drillRatings).nullable(),
  findings: z.array(drillFindingSchema),
  demo: z.boolean(),
});
export type Drill = z.infer<typeof drillSchema>;

export const drillListQuerySchema = pageQuerySchema.extend({
  county: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(drillStatuses).optional(),
  planId: z.uuid().optional(),
  q: z.string().trim().max(64).optional(),
});

export const drillStatisticsQuerySchema = z.object({
  from: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .optional()
    .describe('First year; default five years back'),
  to: z.coerce.number().int().min(2000).max(2100).optional().describe('Last year; default this year'),
  county: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});

export const drillStatisticsSchema = z.object({
  years: z.array(
    z.object({
      year: z.number().int(),
      drills: z.number().int(),
      participants: z.number().int(),
      byCounty: z.array(
        z.object({ county: z.string(), drills: z.number().int(), participants: z.number().int() }),
      ),
    }),
  ),
  total: z.object({ drills: z.number().int(), participants: z.number().int() }),
});
export type DrillStatistics = z.infer<typeof drillStatisticsSchema>;
