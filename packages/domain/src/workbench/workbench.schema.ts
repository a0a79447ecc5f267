import { z } from 'zod';

/**
 * The workbench (工作台): what a user has to do today and the key figures of their data scope.
 * A figure the caller's permissions do not cover is null (the page leaves it out), never 0.
 */
export const workbenchTodoKeys = [
  'hazardsAwaitingMe',
  'overdueRectifications',
  'alarmsAwaitingAck',
  'reportsDue',
  'inspectionsAssigned',
] as const;
export type WorkbenchTodoKey = (typeof workbenchTodoKeys)[number];

export const workbenchFigureKeys = [
  'enterprises',
  'openHazards',
  'activeAlarms',
  'inspectionsCompleted',
  'openIncidents',
] as const;
export type WorkbenchFigureKey = (typeof workbenchFigureKeys)[number];

export const WORKBENCH_TREND_DAYS = 30;

export const workbenchFigureSchema = z.object({
  total: z.number().int().describe('The figure now, in the caller’s scope'),
  trend: z
    .array(z.number().int())
    .length(WORKBENCH_TREND_DAYS)
    .describe('New records per day (Beijing dates), oldest first, ending today'),
});

export const workbenchNotificationSchema = z.object({
  id: z.uuid(),
  titleZh: z.string(),
  titleEn: z.string(),
  link: z.string().nullable().describe('The page the notification is about'),
  createdAt: z.iso.datetime({ offset: true }),
  read: z.boolean(),
});

export const workbenchSchema = z.object({
  today: z.string().describe('Beijing date the figures are counted for, YYYY-MM-DD'),
  todo: z.object(
    Object.fromEntries(workbenchTodoKeys.map((key) => [key, z.number().int().nullable()])) as Record<
      WorkbenchTodoKey,
      z.ZodNullable<z.ZodNumber>
    >,
  ),
  figures: z.object(
    Object.fromEntries(workbenchFigureKeys.map((key) => [key, workbenchFigureSchema.nullable()])) as Record<
      WorkbenchFigureKey,
      z.ZodNullable<typeof workbenchFigureSchema>
    >,
  ),
  includesDemo: z
    .boolean()
    .describe("Whether the figures count demo (演示) records of the caller's scope; the page labels them"),
  notifications: z.object({
    unread: z.number().int(),
    recent: z.array(workbenchNotificationSchema).describe('The five newest, newest first'),
  }),
});

export type WorkbenchFigure = z.infer<typeof workbenchFigureSchema>;
export type Workbench = z.infer<typeof workbenchSchema>;
