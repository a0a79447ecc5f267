import { z } from 'zod';
import { teamTaskStatuses } from './teams/team-task-status.ts';
import { accidentLevels } from './accidents/accident-level.ts';
import { countyCodeSchema, industryCodeSchema, lonLatSchema } from '../registry/enterprise.schema.ts';
import { accidentSectors } from '../statistics/accident-sectors.ts';
import { isoInstant } from '../common/dates.schema.ts';
import { recordLabelSchema } from '../auth/security-labels.ts';

const headCount = z.number().int().min(0).max(100_000);
const lossWan = z
  .string()
  .regex(/^\d{1,9}(\.\d{1,4})?$/, 'a decimal number of 万元')
  .describe('Estimated direct economic loss, 万元, as a decimal string');

/** The initial report (首报) of a work-safety accident. */
export const incidentReportSchema = z
  .object({
    occurredAt: isoInstant(),
    notifiedAt: isoInstant()
      .optional()
      .describe(
        "When the unit's responsible person was told (国务院令第493号 §9: the unit's 1-hour limit counts from it); " +
          'default the accident time, never before it',
      ),
    county: countyCodeSchema,
    enterpriseId: z.uuid().optional(),
    location: z.string().trim().min(2).max(200),
    position: lonLatSchema.optional(),
    accidentType: z
      .string()
      .trim()
      .toUpperCase()
      .min(1)
      .max(16)
      .describe(
        'Accident type code of the GB 6441 version the accident date selects (China time): 01–20 of ' +
          'GB 6441-1986 before 2026-07-01, WSA1nnnn of GB 6441-2025 from then (configurable)',
      ),
    roadTraffic: z
      .boolean()
      .default(false)
      .describe('A road traffic accident (7-day window for later deaths)'),
    deaths: headCount,
    seriousInjuries: headCount,
    missing: headCount.default(0),
    directLossWan: lossWan.default('0'),
    description: z.string().trim().min(5).max(4000),
    reporter: z.string().trim().min(1).max(64).describe('Who reported (name and unit)'),
    sector: z
      .enum(accidentSectors)
      .optional()
      .describe("行业领域 for the statistics; default the one the enterprise's GB/T 4754 industry suggests"),
    industryCode: industryCodeSchema.optional().describe("GB/T 4754 class; default the enterprise's"),
    township: z.string().trim().max(64).optional().describe('乡镇（街道）'),
    securityLabel: recordLabelSchema
      .optional()
      .describe('Security label (密级); 内部 when not given, never above the reporter’s clearance'),
  })
  .strict();

/** A follow-up report (续报): new totals, not increments. */
export const incidentFollowUpSchema = z
  .object({
    at: isoInstant().optional().describe('When the figures became known; default now'),
    deaths: headCount.optional(),
    seriousInjuries: headCount.optional(),
    missing: headCount.optional(),
    directLossWan: lossWan.optional(),
    description: z.string().trim().min(2).max(4000),
  })
  .strict();

/** A dispatch task's statuses, in order (the rescue team's phone walks them: teams/team-task-status.ts). */
export const dispatchStatuses = teamTaskStatuses;

export const incidentSchema = z.object({
  id: z.uuid(),
  occurredAt: isoInstant(),
  notifiedAt: isoInstant().describe(
    "When the unit's responsible person was told; the unit's reporting hour counts from it",
  ),
  county: z.string(),
  enterpriseId: z.uuid().nullable(),
  enterpriseName: z.string().nullable(),
  location: z.string(),
  position: z.object({ lon: z.number(), lat: z.number() }).nullable(),
  accidentType: z.string(),
  accidentTypeVersion: z.string().describe('GB 6441 version of accidentType, e.g. GB6441-2025'),
  roadTraffic: z.boolean(),
  deaths: z.number().int(),
  seriousInjuries: z.number().int(),
  missing: z.number().int(),
  directLossWan: z.string(),
  level: z
    .enum(accidentLevels)
    .describe('Statutory class (国务院令第493号), recomputed on later casualties within the window'),
  originalLevel: z.enum(accidentLevels),
  reclassified: z.boolean(),
  casualtyWindowEndsAt: isoInstant(),
  description: z.string(),
  reporter: z.string(),
  status: z.enum(['open', 'closed']),
  securityLabel: recordLabelSchema,
  statistics: z
    .object({
      sector: z.enum(accidentSectors),
      industryCode: z.string().nullable(),
      township: z.string().nullable(),
      countsAsProduction: z.boolean().describe('Counted as a 生产安全事故 in the statistics'),
      reviewedBy: z.string().nullable().describe('Who decided whether it counts (null: not yet reviewed)'),
      reason: z.string().nullable(),
      reviewedAt: isoInstant().nullable(),
    })
    .describe('The statistical fields (统计分析)'),
  reporting: z.array(
    z.object({
      id: z.string(),
      toZh: z.string(),
      toEn: z.string(),
      latestAt: isoInstant(),
      sentAt: isoInstant().nullable(),
      overdue: z.boolean().describe('Not yet sent and past its latest lawful time'),
    }),
  ),
  followUpReportsPerDay: z.number().int(),
  tasks: z.array(
    z.object({
      id: z.uuid(),
      resourceId: z.uuid(),
      resourceName: z.string(),
      status: z.enum(dispatchStatuses),
      note: z.string().nullable(),
      updatedAt: isoInstant(),
      pushes: z
        .array(
          z.object({
            recipient: z.string().describe('The member’s name'),
            channel: z.enum(['sms', 'email']),
            status: z
              .enum(['pending', 'retrying', 'delivered', 'failed'])
              .describe(
                'pending: not tried yet; retrying: the last try failed, another is due; failed: given up',
              ),
            attempts: z.number().int(),
            deliveredAt: isoInstant().nullable(),
          }),
        )
        .describe('The dispatch push through the warning channels, per member and channel (应急联动)'),
    }),
  ),
  timeline: z.array(
    z.object({
      at: isoInstant(),
      actor: z.string(),
      kind: z.enum([
        'report',
        'follow_up',
        'reclassified',
        'report_sent',
        'dispatch',
        'task_status',
        'note',
        'team_report',
        'duty_log',
        'closed',
      ]),
      text: z.string(),
    }),
  ),
});

export type IncidentReport = z.infer<typeof incidentReportSchema>;
export type IncidentFollowUp = z.infer<typeof incidentFollowUpSchema>;
export type Incident = z.infer<typeof incidentSchema>;
