import { z } from 'zod';
import { countyCodeSchema } from '../registry/enterprise.schema.ts';
import { isoDate, isoInstant } from '../common/dates.schema.ts';

/** 值班表 and 值班日志. A roster without a county is the city bureau's own. */
export const dutyShifts = ['day', 'night', 'all_day'] as const;

const phone = z.string().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|1\d{2,4})$/, 'a phone number');

export const dutyShiftInputSchema = z
  .object({
    county: countyCodeSchema.optional().describe('Absent for the city bureau'),
    date: isoDate(),
    shift: z.enum(dutyShifts),
    leader: z.string().trim().min(1).max(64).describe('带班领导'),
    officer: z.string().trim().min(1).max(64).describe('值班员'),
    phone: phone.describe('Duty phone'),
  })
  .strict();
export type DutyShiftInput = z.infer<typeof dutyShiftInputSchema>;

export const dutyShiftSchema = z.object({
  id: z.uuid(),
  county: z.string().nullable(),
  date: isoDate(),
  shift: z.enum(dutyShifts),
  leader: z.string(),
  officer: z.string(),
  phone: z.string(),
  demo: z.boolean(),
});
export type DutyShift = z.infer<typeof dutyShiftSchema>;

export const dutyRosterQuerySchema = z.object({
  from: isoDate(),
  to: isoDate(),
  county: z
    .string()
    .regex(/^(\d{6}|city)$/)
    .optional()
    .describe('A county code, or city for the city bureau’s own roster'),
});

export const dutyLogInputSchema = z
  .object({
    county: countyCodeSchema.optional().describe('Absent for the city bureau'),
    at: isoInstant().optional().describe('When it happened; default now'),
    text: z.string().trim().min(2).max(4000),
    incidentId: z.uuid().optional(),
  })
  .strict();
export type DutyLogInput = z.infer<typeof dutyLogInputSchema>;

export const dutyLogEntrySchema = z.object({
  id: z.uuid(),
  county: z.string().nullable(),
  at: isoInstant(),
  author: z.string(),
  text: z.string(),
  incidentId: z.uuid().nullable(),
  incidentLocation: z.string().nullable(),
  demo: z.boolean(),
});
export type DutyLogEntry = z.infer<typeof dutyLogEntrySchema>;

export const dutyLogQuerySchema = z.object({
  from: isoDate().optional(),
  to: isoDate().optional(),
  county: z
    .string()
    .regex(/^(\d{6}|city)$/)
    .optional(),
  incidentId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
