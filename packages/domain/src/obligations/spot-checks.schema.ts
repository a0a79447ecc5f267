import { z } from 'zod';
import { codedIssue } from '../errors/coded-issue.ts';
import { isoDate } from '../common/dates.schema.ts';
import { pageQuerySchema } from '../common/pagination.schema.ts';
import { countyCodeSchema } from '../registry/enterprise.schema.ts';
import {
  agencyCreditKinds,
  spotCheckResults,
  spotCheckSeverities,
  spotCheckSubjects,
} from './obligation-terms.ts';

/**
 * The bureau's spot check (抽查): reports an agency issued in a period, or 三同时 projects whose
 * completion self-acceptance passed in a period, drawn at random (N or a percentage, the seed
 * recorded) or chosen by id (a re-check), within the caller's scope and an optional county.
 */
export const spotCheckDrawInputSchema = z
  .object({
    subject: z.enum(spotCheckSubjects),
    from: isoDate().describe('Reports issued / acceptances passed on or after'),
    to: isoDate(),
    county: countyCodeSchema.optional(),
    count: z.number().int().min(1).max(500).optional(),
    percent: z.number().int().min(1).max(100).optional(),
    seed: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/)
      .optional()
      .describe('32 bytes in hex; left out, the server draws one. Recorded, so the draw can be re-run'),
    chosenIds: z.array(z.uuid()).min(1).max(100).optional().describe('Chosen instead of drawn'),
  })
  .strict()
  .refine((d) => d.from <= d.to, { ...codedIssue('obligations.dates_out_of_order'), path: ['to'] })
  .refine((d) => [d.count, d.percent, d.chosenIds].filter((v) => v !== undefined).length === 1, {
    ...codedIssue('obligations.spot_check_size'),
    path: ['count'],
  })
  .refine((d) => !(d.chosenIds && d.seed), { ...codedIssue('obligations.spot_check_size'), path: ['seed'] });
export type SpotCheckDrawInput = z.infer<typeof spotCheckDrawInputSchema>;

export const spotCheckFindingSchema = z
  .object({
    problem: z.string().trim().min(1).max(40).describe('A code of the configured problem types'),
    severity: z.enum(spotCheckSeverities),
    note: z.string().trim().max(500).optional(),
  })
  .strict();

export const spotCheckRecordInputSchema = z
  .object({
    checkedOn: isoDate(),
    inspectors: z.string().trim().min(1).max(120),
    findings: z.array(spotCheckFindingSchema).max(10),
    result: z.enum(spotCheckResults),
    rectification: z.string().trim().max(1000).optional().describe('整改要求; required when failed'),
    decision: z.string().trim().max(1000).optional(),
  })
  .strict()
  .refine((r) => r.result === 'pass' || r.findings.length > 0 || (r.rectification ?? '') !== '', {
    ...codedIssue('obligations.spot_check_fail_reason'),
    path: ['findings'],
  });
export type SpotCheckRecordInput = z.infer<typeof spotCheckRecordInputSchema>;

export const spotCheckItemSchema = z.object({
  id: z.uuid(),
  spotCheckId: z.uuid(),
  rank: z.number().int(),
  subject: z.enum(spotCheckSubjects),
  reportId: z.uuid().nullable(),
  projectId: z.uuid().nullable(),
  title: z.string().describe('The report title or the project name'),
  reference: z.string().describe('The report number, or empty for a project'),
  agencyId: z.uuid().nullable(),
  agencyName: z.string().nullable(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  county: z.string(),
  subjectDate: z.string().describe('The report’s issue date or the acceptance date'),
  checkedOn: z.string().nullable(),
  inspectors: z.string().nullable(),
  findings: z.array(
    z.object({ problem: z.string(), severity: z.enum(spotCheckSeverities), note: z.string().nullable() }),
  ),
  result: z.enum(spotCheckResults).nullable().describe('null until recorded'),
  rectification: z.string().nullable(),
  decision: z.string().nullable(),
  demo: z.boolean(),
});
export type SpotCheckItem = z.infer<typeof spotCheckItemSchema>;

export const spotCheckSchema = z.object({
  id: z.uuid(),
  subject: z.enum(spotCheckSubjects),
  from: z.string(),
  to: z.string(),
  county: z.string().nullable(),
  mode: z.enum(['random', 'chosen']),
  seed: z.string().nullable().describe('The recorded seed of a random draw'),
  count: z.number().int().nullable(),
  percent: z.number().int().nullable(),
  poolSize: z.number().int().describe('Reports or projects the draw was made from'),
  itemCount: z.number().int().describe('Drawn items in the caller’s scope'),
  checkedCount: z.number().int(),
  failedCount: z.number().int(),
  drawnAt: z.string(),
  demo: z.boolean(),
});
export type SpotCheck = z.infer<typeof spotCheckSchema>;

export const spotCheckDetailSchema = spotCheckSchema.extend({ items: z.array(spotCheckItemSchema) });
export type SpotCheckDetail = z.infer<typeof spotCheckDetailSchema>;

export const spotCheckListQuerySchema = pageQuerySchema
  .extend({ subject: z.enum(spotCheckSubjects).optional() })
  .strict();

export const spotCheckItemListQuerySchema = pageQuerySchema
  .extend({
    spotCheckId: z.uuid().optional(),
    subject: z.enum(spotCheckSubjects).optional(),
    result: z.enum([...spotCheckResults, 'pending']).optional(),
  })
  .strict();

export const spotCheckProblemSchema = z.object({
  code: z.string(),
  zh: z.string(),
  en: z.string(),
  minor: z.object({ kind: z.enum(agencyCreditKinds), points: z.number().int() }),
  serious: z.object({ kind: z.enum(agencyCreditKinds), points: z.number().int() }),
  unverified: z.boolean(),
});

export const agencyCreditRecordSchema = z.object({
  id: z.uuid(),
  kind: z.enum(agencyCreditKinds),
  points: z.number().int(),
  problem: z.string(),
  severity: z.enum(spotCheckSeverities),
  reportNumber: z.string(),
  recordedOn: z.string(),
  demo: z.boolean(),
});
export type AgencyCreditRecord = z.infer<typeof agencyCreditRecordSchema>;
