import { z } from 'zod';
import { indicatorSummarySchema } from '../statistics/statistics.schema.ts';
import { planTargetSchema } from './plan-targets.ts';

/**
 * The leaders' cockpit (领导驾驶舱) and the big screen (大屏): every figure of the viewer's scope in
 * one answer, so the first paint is one round trip. A figure the caller's permissions do not cover
 * is null (the page leaves it out), never 0.
 */

/** Alarm colours of the four-colour scheme, most severe first (the order the screens show them). */
export const cockpitAlarmColours = ['red', 'orange', 'yellow', 'blue'] as const;
export type CockpitAlarmColour = (typeof cockpitAlarmColours)[number];

/** Days of the big screen's trend lines (new alarms, hazards, incidents per day). */
export const COCKPIT_TREND_DAYS = 30;
/** At most this many markers of each kind on the map; the list behind the count has them all. */
export const COCKPIT_MAP_LIMIT = 500;
/** The rolling event list's length. */
export const COCKPIT_EVENT_LIMIT = 20;

export const cockpitAlarmCountsSchema = z.object({
  red: z.number().int(),
  orange: z.number().int(),
  yellow: z.number().int(),
  blue: z.number().int(),
  total: z.number().int().describe('All open alarms, coloured or not'),
});

export const cockpitFiguresSchema = z.object({
  accidentsThisMonth: z.number().int().nullable().describe('Incidents that occurred this Beijing month'),
  openMajorHazards: z.number().int().nullable().describe('重大事故隐患 not yet closed'),
  supervisedHazards: z.number().int().nullable().describe('Open hidden hazards under 挂牌督办'),
  liveAlarms: cockpitAlarmCountsSchema.nullable(),
  inspectionsThisMonth: z.number().int().nullable().describe('Inspections completed this Beijing month'),
  incidentsInProgress: z.number().int().nullable(),
});

export const cockpitTrendSchema = z.object({
  days: z.array(z.string()).length(COCKPIT_TREND_DAYS).describe('Beijing dates, oldest first'),
  alarms: z.array(z.number().int()).nullable(),
  hazards: z.array(z.number().int()).nullable(),
  incidents: z.array(z.number().int()).nullable(),
});

export const cockpitMapAlarmSchema = z.object({
  id: z.uuid(),
  colour: z.enum(cockpitAlarmColours).nullable(),
  lon: z.number(),
  lat: z.number(),
  enterpriseName: z.string().nullable(),
  raisedAt: z.iso.datetime({ offset: true }),
});

export const cockpitMapIncidentSchema = z.object({
  id: z.uuid(),
  lon: z.number(),
  lat: z.number(),
  location: z.string(),
  occurredAt: z.iso.datetime({ offset: true }),
});

export const cockpitEventKinds = ['alarm', 'hazard', 'incident'] as const;
export type CockpitEventKind = (typeof cockpitEventKinds)[number];

export const cockpitEventSchema = z.object({
  kind: z.enum(cockpitEventKinds),
  id: z.uuid(),
  at: z.iso.datetime({ offset: true }),
  county: z.string(),
  subject: z.string().describe('The enterprise’s name, or the place of an incident'),
  grade: z.string().nullable().describe('Alarm colour, hazard level (general/major) or null'),
});

export const cockpitSchema = z.object({
  today: z.string().describe('Beijing date the figures are counted for, YYYY-MM-DD'),
  month: z.string().describe('Beijing month of the monthly figures, YYYY-MM'),
  includesDemo: z.boolean().describe('Whether the figures count demo (演示) records; the page labels them'),
  indicators: indicatorSummarySchema.nullable(),
  targets: z
    .array(planTargetSchema)
    .describe('The plan’s other targets measured by other modules (online rate, major hazards, drills)'),
  figures: cockpitFiguresSchema,
  trend: cockpitTrendSchema,
  map: z.object({
    alarms: z.array(cockpitMapAlarmSchema).nullable(),
    incidents: z.array(cockpitMapIncidentSchema).nullable(),
  }),
  events: z.array(cockpitEventSchema).describe('The newest alarms, hazards and incidents, newest first'),
});

export type CockpitAlarmCounts = z.infer<typeof cockpitAlarmCountsSchema>;
export type CockpitFigures = z.infer<typeof cockpitFiguresSchema>;
export type CockpitTrend = z.infer<typeof cockpitTrendSchema>;
export type CockpitMapAlarm = z.infer<typeof cockpitMapAlarmSchema>;
export type CockpitMapIncident = z.infer<typeof cockpitMapIncidentSchema>;
export type CockpitEvent = z.infer<typeof cockpitEventSchema>;
export type Cockpit = z.infer<typeof cockpitSchema>;

/** The stream's event names: the page re-reads the cockpit when one arrives. */
export const cockpitStreamEvents = ['alarm', 'hazard', 'incident', 'statistics'] as const;
export type CockpitStreamEvent = (typeof cockpitStreamEvents)[number];
