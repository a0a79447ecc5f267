import { z } from 'zod';
import { alarmThresholdLevels } from './monitoring-terms.ts';
import {
  monitoringPointCodeSchema,
  monitoringPointTypeSchema,
  warningColourSchema,
} from './monitoring-point.schema.ts';

/*
 * Alarm rules as versioned data (ARCHITECTURE.md §4; after ThingsBoard's alarm rules, with the
 * format versioned from day one — model-codebases.md §5). A rule applies to one point or to every
 * point of a type; a point-scoped rule replaces a type-scoped rule of the same id for that point.
 */

export const alarmRuleKinds = ['threshold', 'duration', 'rate_of_change', 'stuck', 'no_data'] as const;

const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;

export const alarmScheduleWindowSchema = z
  .object({
    days: z
      .array(z.int().min(1).max(7))
      .min(1)
      .max(7)
      .describe('ISO weekdays, 1 = Monday … 7 = Sunday, of the day the window starts'),
    start: z.string().regex(hhmm, 'HH:MM').describe('Start, HH:MM China Standard Time, inclusive'),
    end: z
      .string()
      .refine((value) => hhmm.test(value) || value === '24:00', 'HH:MM or 24:00')
      .describe('End, exclusive; not after start means the window runs past midnight'),
  })
  .strict()
  .refine((window) => window.start !== window.end, { message: 'start and end must differ', path: ['end'] });

export const alarmScheduleSchema = z
  .object({ windows: z.array(alarmScheduleWindowSchema).min(1).max(14) })
  .strict()
  .describe('When the rule is armed (Asia/Shanghai). Leaving the schedule clears its alarm');

export const alarmRuleIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, 'lower-case letters, digits, _ . - (at most 64)')
  .describe('Rule id, stable across versions, e.g. combustible_gas.H');

export const alarmRuleScopeSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('point'), point: monitoringPointCodeSchema }).strict(),
    z.object({ kind: z.literal('type'), type: monitoringPointTypeSchema }).strict(),
  ])
  .describe('One point, or every point of a type');

const base = {
  id: alarmRuleIdSchema,
  version: z.int().min(1).describe('Raised on every change; the state records the version it used'),
  scope: alarmRuleScopeSchema,
  enabled: z.boolean().optional().describe('false disarms the rule; default true'),
  schedule: alarmScheduleSchema.optional().describe('Omitted: armed all the time'),
  description: z.string().trim().max(200).optional(),
};

const level = z
  .enum(alarmThresholdLevels)
  .describe('HH/H/L/LL set point, or blue/yellow/orange/red limit, of the point');
const value = z.number().optional().describe('Overrides the point’s threshold at this level');
const deadband = z
  .number()
  .min(0)
  .optional()
  .describe('Clears only this far back inside the threshold; default: the point’s deadband');
const colour = warningColourSchema.nullable().optional();

export const thresholdAlarmRuleSchema = z
  .object({
    ...base,
    kind: z.literal('threshold'),
    level,
    value,
    deadband,
    colour: colour.describe('Overrides the colour of the level'),
  })
  .strict()
  .describe('Fires when a reading reaches (set point) or passes (graded limit) the threshold');

export const durationAlarmRuleSchema = z
  .object({
    ...base,
    kind: z.literal('duration'),
    level,
    value,
    deadband,
    holdSeconds: z.int().min(1).max(604_800).describe('How long the threshold must be passed, e.g. 60'),
    colour: colour.describe('Overrides the colour of the level'),
  })
  .strict()
  .describe('Fires when the threshold has been passed without a break for at least holdSeconds');

export const rateOfChangeAlarmRuleSchema = z
  .object({
    ...base,
    kind: z.literal('rate_of_change'),
    direction: z.enum(['rise', 'fall', 'either']),
    limitPerMinute: z.number().positive().describe('Change per minute, in the point’s unit, that alarms'),
    windowSeconds: z.int().min(1).max(86_400).describe('Over how long the change is measured'),
    deadband: z.number().min(0).optional().describe('Clears below limitPerMinute − deadband'),
    colour: colour.describe('Warning colour; null: an operating alarm that does not colour the site'),
  })
  .strict()
  .describe('Fires when the value changes by limitPerMinute or more per minute over the window');

export const stuckAlarmRuleSchema = z
  .object({
    ...base,
    kind: z.literal('stuck'),
    epsilon: z.number().min(0).describe('Largest change that still counts as unchanged'),
    intervals: z.int().min(2).max(10_000).describe('For how many expected intervals'),
    colour: colour.describe('Default null: a device fault, not a site warning'),
  })
  .strict()
  .describe('Fires when the value has stayed within ± epsilon for intervals × the expected interval');

export const noDataAlarmRuleSchema = z
  .object({
    ...base,
    kind: z.literal('no_data'),
    missedIntervals: z.int().min(1).max(10_000).describe('Default 3'),
    colour: colour.describe('Default null: a device fault, not a site warning'),
  })
  .strict()
  .describe('Fires when no usable reading arrived for missedIntervals × the expected interval');

export const alarmRuleSchema = z
  .discriminatedUnion('kind', [
    thresholdAlarmRuleSchema,
    durationAlarmRuleSchema,
    rateOfChangeAlarmRuleSchema,
    stuckAlarmRuleSchema,
    noDataAlarmRuleSchema,
  ])
  .describe('An alarm rule (报警规则), one version of it');

export type AlarmScheduleInput = z.infer<typeof alarmScheduleSchema>;
export type AlarmRuleScope = z.infer<typeof alarmRuleScopeSchema>;
export type AlarmRule = z.infer<typeof alarmRuleSchema>;
export type AlarmRuleKind = (typeof alarmRuleKinds)[number];
export type ThresholdAlarmRule = z.infer<typeof thresholdAlarmRuleSchema>;
export type DurationAlarmRule = z.infer<typeof durationAlarmRuleSchema>;
export type RateOfChangeAlarmRule = z.infer<typeof rateOfChangeAlarmRuleSchema>;
export type StuckAlarmRule = z.infer<typeof stuckAlarmRuleSchema>;
export type NoDataAlarmRule = z.infer<typeof noDataAlarmRuleSchema>;
