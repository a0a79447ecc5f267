import { z } from 'zod';
import { chinaCalendarDay } from '../../common/china-time.ts';

/**
 * Scheduled checks of the hidden-hazard routine (隐患排查: 一企一标准, 一岗一清单): each check list
 * has a frequency, and one task falls due per period, counted in China Standard Time. Weeks start
 * on Monday (ISO 8601), as Chinese calendars do.
 */
export const checkFrequencies = ['daily', 'weekly', 'monthly', 'quarterly'] as const;
export type CheckFrequency = (typeof checkFrequencies)[number];

const DAY_MS = 86_400_000;

const cstDate = chinaCalendarDay;

const iso = (day: Date) => day.toISOString().slice(0, 10);

/** The period `at` falls in: a stable key (one task per list and key) and its last day. */
export function checkPeriod(
  frequency: CheckFrequency,
  at: Date,
): { key: string; start: string; due: string } {
  const day = cstDate(at);
  const year = day.getUTCFullYear();
  const month = day.getUTCMonth();
  switch (frequency) {
    case 'daily':
      return { key: iso(day), start: iso(day), due: iso(day) };
    case 'weekly': {
      const weekday = (day.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
      const monday = new Date(day.getTime() - weekday * DAY_MS);
      const thursday = new Date(monday.getTime() + 3 * DAY_MS);
      const weekYear = thursday.getUTCFullYear();
      const firstThursday = new Date(Date.UTC(weekYear, 0, 4));
      const firstMonday = new Date(firstThursday.getTime() - ((firstThursday.getUTCDay() + 6) % 7) * DAY_MS);
      const week = Math.round((monday.getTime() - firstMonday.getTime()) / (7 * DAY_MS)) + 1;
      return {
        key: `${weekYear}-W${String(week).padStart(2, '0')}`,
        start: iso(monday),
        due: iso(new Date(monday.getTime() + 6 * DAY_MS)),
      };
    }
    case 'monthly':
      return {
        key: `${year}-${String(month + 1).padStart(2, '0')}`,
        start: iso(new Date(Date.UTC(year, month, 1))),
        due: iso(new Date(Date.UTC(year, month + 1, 0))),
      };
    case 'quarterly': {
      const quarter = Math.floor(month / 3);
      return {
        key: `${year}-Q${quarter + 1}`,
        start: iso(new Date(Date.UTC(year, quarter * 3, 1))),
        due: iso(new Date(Date.UTC(year, quarter * 3 + 3, 0))),
      };
    }
  }
}

export const checkItemSchema = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,32}$/)
      .describe('Stable id of the item within the list'),
    text: z.string().trim().min(2).max(500).describe('What to check, e.g. 液氯储罐区氯气报警仪是否完好'),
    basis: z.string().trim().max(200).optional().describe('Legal or standard basis'),
  })
  .strict();

export const checkListInputSchema = z
  .object({
    enterpriseId: z.uuid(),
    name: z.string().trim().min(2).max(128).describe('e.g. 液氯储罐区日常检查表'),
    target: z.string().trim().min(1).max(128).describe('The post or location checked (岗位/部位)'),
    frequency: z.enum(checkFrequencies),
    responsiblePerson: z.string().trim().min(1).max(64),
    items: z
      .array(checkItemSchema)
      .min(1)
      .max(200)
      .refine((items) => new Set(items.map((i) => i.id)).size === items.length, {
        message: 'item ids must be unique',
      }),
    active: z.boolean().default(true),
  })
  .strict();

export const checkResultSchema = z
  .object({
    itemId: z.string().max(32),
    result: z.enum(['pass', 'fail', 'na']).describe('pass, fail (opens a hidden hazard) or not applicable'),
    note: z.string().trim().max(1000).optional(),
    photos: z
      .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/))
      .max(10)
      .default([]),
    category: z
      .string()
      .regex(/^(0[1-9]|1\d|20)$/)
      .optional()
      .describe('For a failed item: the accident type it could cause (GB 6441 code); default 20 其他伤害'),
  })
  .strict();

export const checkCompletionSchema = z
  .object({ results: z.array(checkResultSchema).min(1).max(200) })
  .strict()
  .describe('Every item of the list, once');

export type CheckListInput = z.infer<typeof checkListInputSchema>;
export type CheckCompletion = z.infer<typeof checkCompletionSchema>;
