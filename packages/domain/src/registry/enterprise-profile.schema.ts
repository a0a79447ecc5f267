import { z } from 'zod';

/**
 * 一企一档: how many records each section of an enterprise's file holds, for the tab labels. A
 * section the caller's permissions do not cover is null (its tab is not shown), never 0.
 */
export const enterpriseProfileSections = [
  'riskUnits',
  'hazards',
  'checkTasks',
  'inspections',
  'documents',
  'cases',
  'creditListings',
  'monitoringPoints',
  'alarms',
  'majorHazardUnits',
  'incidents',
  'whistleReports',
  'licences',
  'history',
] as const;
export type EnterpriseProfileSection = (typeof enterpriseProfileSections)[number];

export const enterpriseProfileSchema = z.object({
  enterpriseId: z.uuid(),
  counts: z.object(
    Object.fromEntries(
      enterpriseProfileSections.map((section) => [section, z.number().int().nullable()]),
    ) as Record<EnterpriseProfileSection, z.ZodNullable<z.ZodNumber>>,
  ),
  openHazards: z.number().int().nullable().describe('Hidden hazards not yet closed or dismissed'),
  activeAlarms: z.number().int().nullable().describe('Alarms firing, acknowledged or being handled'),
  riskLevel: z
    .number()
    .int()
    .min(1)
    .max(4)
    .nullable()
    .describe('Highest level of its assessed risk points: 1 重大 … 4 低; null when none is assessed'),
  grading: z
    .object({
      score: z.string().describe('100-point grading score, two decimals'),
      level: z.number().int().min(1).max(4),
      gradedAt: z.iso.datetime({ offset: true }),
    })
    .nullable()
    .describe('The latest 100-point grading, when graded'),
  creditListed: z
    .boolean()
    .nullable()
    .describe('On the 失信 list now (listed, published or awaiting credit repair)'),
});

export type EnterpriseProfile = z.infer<typeof enterpriseProfileSchema>;
