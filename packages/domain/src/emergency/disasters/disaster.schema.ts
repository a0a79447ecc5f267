import { z } from 'zod';
import { isoInstant } from '../../common/dates.schema.ts';
import { countyCodeSchema } from '../../registry/enterprise.schema.ts';
import { disasterReportStages } from './disaster-rules.ts';

const people = z.number().int().min(0).max(10_000_000);
const houses = z.number().int().min(0).max(10_000_000);
const decimal = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,9}(\.\d{1,4})?$/, what);

/** The figures of one township, as totals to the report's time (never increments). */
export const disasterFiguresSchema = z
  .object({
    affected: people.describe('受灾人口 (人次)'),
    relocated: people.describe('紧急转移安置人口'),
    needingAid: people.describe('需紧急生活救助人口'),
    deaths: people.describe('因灾死亡'),
    missing: people.describe('因灾失踪'),
    housesCollapsed: houses.describe('倒塌房屋 (间)'),
    housesSeverelyDamaged: houses.describe('严重损坏房屋 (间)'),
    housesDamaged: houses.describe('一般损坏房屋 (间)'),
    cropsHectares: decimal('hectares').describe('农作物受灾面积 (公顷), a decimal string'),
    directLossWan: decimal('万元').describe('直接经济损失 (万元), a decimal string'),
  })
  .strict();
export type DisasterFigures = z.infer<typeof disasterFiguresSchema>;

/** The figure fields in the order of the reporting layout (快报表). */
export const disasterFigureFields = [
  'affected',
  'relocated',
  'needingAid',
  'deaths',
  'missing',
  'housesCollapsed',
  'housesSeverelyDamaged',
  'housesDamaged',
  'cropsHectares',
  'directLossWan',
] as const satisfies readonly (keyof DisasterFigures)[];
export type DisasterFigureField = (typeof disasterFigureFields)[number];

export const disasterEventInputSchema = z
  .object({
    kind: z
      .string()
      .trim()
      .min(1)
      .max(32)
      .describe('A kind from the configured list (GET …/disasters/rules)'),
    name: z.string().trim().min(2).max(100),
    county: countyCodeSchema,
    occurredAt: isoInstant(),
    townships: z
      .array(z.string().regex(/^\d{9}$/))
      .max(40)
      .default([])
      .describe('Affected townships (统计用区划代码, 9 digits) known so far'),
    description: z.string().trim().max(4000).default(''),
  })
  .strict();
export type DisasterEventInput = z.infer<typeof disasterEventInputSchema>;

export const disasterReportInputSchema = z
  .object({
    township: z.string().regex(/^\d{9}$/),
    stage: z.enum(disasterReportStages),
    reportedAt: isoInstant().optional().describe('As of when the figures hold; default now'),
    reporter: z.string().trim().min(1).max(64).describe('Who reported (name and unit)'),
    figures: disasterFiguresSchema,
    note: z.string().trim().max(2000).optional().describe('Explanation (required for a fall or a big jump)'),
  })
  .strict();
export type DisasterReportInput = z.infer<typeof disasterReportInputSchema>;

export const disasterReportSchema = z.object({
  id: z.uuid(),
  township: z.string(),
  stage: z.enum(disasterReportStages),
  reportedAt: isoInstant(),
  recordedAt: isoInstant(),
  reporter: z.string(),
  recordedBy: z.string(),
  figures: disasterFiguresSchema,
  note: z.string().nullable(),
});
export type DisasterReport = z.infer<typeof disasterReportSchema>;

export const disasterDeadlineSchema = z.object({
  stage: z.enum(disasterReportStages),
  township: z.string().nullable(),
  dueAt: isoInstant().nullable().describe('null: not due yet (核报 waits for the disaster to be stable)'),
  doneAt: isoInstant().nullable(),
  overdue: z.boolean(),
});
export type DisasterDeadline = z.infer<typeof disasterDeadlineSchema>;

export const disasterTownshipSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  latest: disasterReportSchema.nullable().describe('The current figures: the latest report'),
  history: z.array(disasterReportSchema).describe('Every report, oldest first; none is ever overwritten'),
});

export const disasterEventSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  name: z.string(),
  county: z.string(),
  occurredAt: isoInstant(),
  description: z.string(),
  stabilisedAt: isoInstant().nullable(),
  createdBy: z.string(),
  demo: z.boolean(),
  townshipCount: z.number().int(),
  totals: disasterFiguresSchema,
  lastReportAt: isoInstant().nullable(),
});
export type DisasterEvent = z.infer<typeof disasterEventSchema>;

export const disasterDetailSchema = disasterEventSchema.extend({
  townships: z.array(disasterTownshipSchema),
  deadlines: z.array(disasterDeadlineSchema),
});
export type DisasterDetail = z.infer<typeof disasterDetailSchema>;
