import { z } from 'zod';
import { gb6441AccidentTypeCodes } from '../../emergency/accidents/accident-types.ts';
import { riskColours } from './risk-level.ts';
import { isoInstant } from '../../common/dates.schema.ts';

/**
 * The enterprise's risk register (风险分级管控): risk units (area, facility, activity, post), the
 * risk points in each with the accident types identified, their assessment by LEC or LS, and the
 * control measures with the level that controls them (standards.md §2).
 */
export const riskUnitKinds = ['area', 'facility', 'activity', 'post'] as const;
export const controlMeasureKinds = ['engineering', 'management', 'training', 'ppe', 'emergency'] as const;
export const controlLevels = ['company', 'workshop', 'team', 'post'] as const;

/** A polygon on the enterprise's uploaded site plan, in image pixels: [[x, y], …], closed or not. */
const sitePlanPolygonSchema = z
  .array(z.tuple([z.number().min(0).max(100_000), z.number().min(0).max(100_000)]))
  .min(3)
  .max(500)
  .describe('Outline on the site plan image, [x, y] pixels from the top left');

export const riskUnitInputSchema = z
  .object({
    enterpriseId: z.uuid(),
    name: z.string().trim().min(1).max(128).describe('e.g. 液氯储罐区, 脱硫工段, 动火作业, 司炉工岗位'),
    kind: z.enum(riskUnitKinds).describe('area, facility, activity or post (区域/设施/作业活动/岗位)'),
    location: z.string().trim().max(200).optional(),
    sitePlanPolygon: sitePlanPolygonSchema.optional(),
  })
  .strict();

const lecScores = z
  .object({ method: z.literal('lec'), l: z.number(), e: z.number(), c: z.number() })
  .strict();
const lsScores = z.object({ method: z.literal('ls'), l: z.number(), s: z.number() }).strict();

export const riskPointInputSchema = z
  .object({
    name: z.string().trim().min(1).max(128).describe('The hazard source or activity step (危险源/风险点)'),
    accidentTypes: z
      .array(z.enum(gb6441AccidentTypeCodes))
      .min(1)
      .max(20)
      .describe('Accident types that could follow (GB 6441-1986 codes 01–20)'),
    assessment: z
      .discriminatedUnion('method', [lecScores, lsScores])
      .describe('LEC (D = L × E × C, standard score sets) or LS (R = L × S, each 1–5)'),
    measures: z
      .array(
        z.object({ kind: z.enum(controlMeasureKinds), text: z.string().trim().min(1).max(500) }).strict(),
      )
      .min(1)
      .max(30)
      .describe('Control measures: engineering, management, training, PPE, emergency'),
    controlLevel: z.enum(controlLevels).describe('Who controls it: company, workshop, team or post'),
    responsiblePerson: z.string().trim().min(1).max(64),
  })
  .strict();

export const riskPointSchema = riskPointInputSchema.extend({
  id: z.uuid(),
  unitId: z.uuid(),
  value: z.number().describe('D (LEC) or R (LS)'),
  level: z.number().int().min(1).max(4).describe('1 重大 (red) … 4 低 (blue)'),
  colour: z.enum(riskColours),
  assessedAt: isoInstant(),
  assessedBy: z.string(),
});

export const riskUnitSchema = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  county: z.string(),
  name: z.string(),
  kind: z.enum(riskUnitKinds),
  location: z.string().nullable(),
  sitePlanPolygon: sitePlanPolygonSchema.nullable(),
  level: z.number().int().min(1).max(4).nullable().describe('Highest (most severe) level of its points'),
  colour: z.enum(riskColours).nullable(),
  points: z.array(riskPointSchema),
});

export type RiskUnitInput = z.infer<typeof riskUnitInputSchema>;
export type RiskPointInput = z.infer<typeof riskPointInputSchema>;
export type RiskUnit = z.infer<typeof riskUnitSchema>;
export type RiskPoint = z.infer<typeof riskPointSchema>;
