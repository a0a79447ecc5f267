import { z } from 'zod';
import { gb6441AccidentTypeCodes } from './accidents/accident-types.ts';
import { pageQuerySchema } from '../common/pagination.schema.ts';
import { countyCodeSchema } from '../registry/enterprise.schema.ts';
import { isoDate } from '../common/dates.schema.ts';

/** 案例库: past accidents with their causes and the lessons drawn, for training and drills. */
export const emergencyCaseInputSchema = z
  .object({
    title: z.string().trim().min(4).max(200),
    occurredOn: isoDate(),
    county: countyCodeSchema.describe('Where it happened (or the county that keeps the case)'),
    place: z.string().trim().max(200).optional().describe('Place or enterprise, as published'),
    accidentType: z.enum(gb6441AccidentTypeCodes).describe('GB 6441-1986 accident type code'),
    deaths: z.number().int().min(0).max(100_000).default(0),
    seriousInjuries: z.number().int().min(0).max(100_000).default(0),
    directLossWan: z
      .string()
      .regex(/^\d{1,9}(\.\d{1,4})?$/, 'a decimal number of 万元')
      .optional(),
    summary: z.string().trim().min(5).max(4000).describe('经过'),
    causes: z.array(z.string().trim().min(2).max(500)).min(1).max(20).describe('直接原因和间接原因'),
    lessons: z.string().trim().min(2).max(4000).describe('教训与防范措施'),
    source: z.string().trim().max(300).optional().describe('Investigation report or publication'),
    incidentId: z.uuid().optional().describe('The incident record, when the case came from one'),
  })
  .strict();
export type EmergencyCaseInput = z.infer<typeof emergencyCaseInputSchema>;

export const emergencyCaseSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  occurredOn: isoDate(),
  county: z.string(),
  place: z.string().nullable(),
  accidentType: z.string(),
  deaths: z.number().int(),
  seriousInjuries: z.number().int(),
  directLossWan: z.string().nullable(),
  summary: z.string(),
  causes: z.array(z.string()),
  lessons: z.string(),
  source: z.string().nullable(),
  incidentId: z.uuid().nullable(),
  demo: z.boolean(),
});
export type EmergencyCase = z.infer<typeof emergencyCaseSchema>;

export const emergencyCaseListQuerySchema = pageQuerySchema.extend({
  county: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  accidentType: z.enum(gb6441AccidentTypeCodes).optional(),
  q: z.string().trim().max(64).optional().describe('Title, causes or lessons contain'),
});
