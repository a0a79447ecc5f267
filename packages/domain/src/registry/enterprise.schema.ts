import { z } from 'zod';
import { creditCodeSchema } from './credit-code/credit-code.schema.ts';
import { yuxiCountyCodes } from './divisions/yuxi-divisions.ts';
import { pageQuerySchema } from '../common/pagination.schema.ts';
import { findTownship } from './yuxi-townships.ts';
import { keySupervisionTags } from './registry-dictionaries.ts';
import { isoDate, isoInstant } from '../common/dates.schema.ts';
import { checkIndustryCode } from './industry-code.ts';
import { codedIssue } from '../errors/coded-issue.ts';

/** Yuxi lies within about 101.2–103.3 E, 23.2–25.1 N; a point outside is a typo, not an enterprise. */
export const YUXI_BOUNDS = { minLon: 101.0, maxLon: 103.5, minLat: 23.0, maxLat: 25.3 } as const;

export const lonLatSchema = z
  .object({
    lon: z.number().min(YUXI_BOUNDS.minLon).max(YUXI_BOUNDS.maxLon).describe('Longitude, WGS-84 / CGCS2000'),
    lat: z.number().min(YUXI_BOUNDS.minLat).max(YUXI_BOUNDS.maxLat).describe('Latitude, WGS-84 / CGCS2000'),
  })
  .strict()
  .describe('A point inside Yuxi, WGS-84');

export const countyCodeSchema = z
  .string()
  .refine((code) => yuxiCountyCodes.includes(code), codedIssue('registry.county_unknown'))
  .describe('GB/T 2260 county code, e.g. 530403');

/** GB/T 4754-2017 class code; a bare class code (2614) gets its section letter (industry-code.ts). */
export const industryCodeSchema = z
  .string()
  .max(32)
  .overwrite((code) => {
    const check = checkIndustryCode(code);
    return check.valid ? check.code : code;
  })
  .refine((code) => checkIndustryCode(code).valid, codedIssue('registry.industry_code_invalid'))
  .describe(
    'GB/T 4754-2017 industry class, e.g. C2614 (有机化学原料制造); the four digits alone (2614) are ' +
      'accepted and stored with their section letter',
  );

const personName = z.string().trim().min(1).max(64);
const phone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, 'a mobile number or a landline with area code');

export const contactSchema = z
  .object({ name: personName, phone: phone.optional() })
  .strict()
  .describe('A person and phone; the phone is SM4-encrypted at rest and masked unless the caller may see it');

export const licenceSchema = z
  .object({
    type: z.string().min(1).max(64).describe('Licence type (dictionary licence_type)'),
    number: z.string().trim().min(1).max(64),
    validUntil: isoDate().describe('YYYY-MM-DD'),
  })
  .strict();

export const enterpriseScaleSchema = z.enum(['large', 'medium', 'small', 'micro']);
export const enterpriseStatusSchema = z.enum(['operating', 'suspended', 'closed']);
const keyTagCodes = keySupervisionTags.map((tag) => tag.code) as [string, ...string[]];

const enterpriseFields = {
  name: z.string().trim().min(2).max(128).describe('Registered name as on the business licence'),
  creditCode: creditCodeSchema,
  county: countyCodeSchema,
  township: z
    .string()
    .regex(/^\d{9}$/)
    .optional()
    .describe('9-digit township code (统计用区划代码), within the county'),
  address: z.string().trim().max(256).optional(),
  location: lonLatSchema.optional(),
  locationApproximate: z.boolean().optional().describe('True when the point is an estimate, not surveyed'),
  industryCode: industryCodeSchema.optional(),
  sectors: z
    .array(z.string().min(1).max(64))
    .max(8)
    .default([])
    .describe('Regulatory sectors (dictionary sector)'),
  scale: enterpriseScaleSchema.optional(),
  employees: z.number().int().min(0).max(1_000_000).optional(),
  legalRepresentative: contactSchema.optional(),
  principal: contactSchema.optional().describe('主要负责人'),
  safetyManager: contactSchema.optional().describe('安全管理人员'),
  licences: z.array(licenceSchema).max(20).default([]),
  status: enterpriseStatusSchema.default('operating'),
  keyTags: z
    .array(z.enum(keyTagCodes))
    .max(10)
    .default([])
    .describe('Key-supervision lists of the plan (专栏)'),
  responsibleDepartment: z.string().max(64).optional().describe('三管三必须: dictionary department'),
};

function townshipInCounty(value: { county?: string; township?: string }, ctx: z.RefinementCtx) {
  if (value.township && value.county && findTownship(value.township)?.county !== value.county) {
    ctx.addIssue({ code: 'custom', path: ['township'], ...codedIssue('registry.township_not_in_county') });
  }
}

export const enterpriseInputSchema = z.object(enterpriseFields).strict().superRefine(townshipInCounty);

// A partial update leaves absent fields alone: the create defaults (empty lists, 'operating') must not apply.
const withoutDefault = (schema: z.ZodType): z.ZodType =>
  schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;
export const enterpriseUpdateSchema = z
  .object(
    Object.fromEntries(
      Object.entries(enterpriseFields).map(([key, schema]) => [key, withoutDefault(schema).optional()]),
    ) as { [K in keyof typeof enterpriseFields]: z.ZodOptional<(typeof enterpriseFields)[K]> },
  )
  .strict()
  .superRefine(townshipInCounty);

const maskedContact = z.object({ name: z.string(), phone: z.string().nullable() });

export const enterpriseSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  creditCode: z.string(),
  county: z.string(),
  countyName: z.string(),
  township: z.string().nullable(),
  townshipName: z.string().nullable(),
  address: z.string().nullable(),
  location: z.object({ lon: z.number(), lat: z.number() }).nullable(),
  locationApproximate: z.boolean(),
  industryCode: z.string().nullable(),
  sectors: z.array(z.string()),
  scale: enterpriseScaleSchema.nullable(),
  employees: z.number().int().nullable(),
  legalRepresentative: maskedContact.nullable(),
  principal: maskedContact.nullable(),
  safetyManager: maskedContact.nullable(),
  licences: z.array(
    licenceSchema.extend({
      id: z.uuid(),
      daysLeft: z.number().int().describe('Days until expiry (negative when expired), by Beijing date'),
      reminder: z.enum(['expired', 'd30', 'd60', 'd90']).nullable().describe('Expiry reminder band'),
    }),
  ),
  status: enterpriseStatusSchema,
  keyTags: z.array(z.string()),
  responsibleDepartment: z.string().nullable(),
  objectCount: z.number().int(),
  demo: z.boolean().describe('Demo data (演示), never real figures'),
  createdAt: isoInstant(),
  updatedAt: isoInstant(),
});

export const enterpriseListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(64).optional().describe('Part of the name, or of the credit code'),
  county: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  township: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  sector: z.string().max(64).optional(),
  status: enterpriseStatusSchema.optional(),
  scale: enterpriseScaleSchema.optional(),
  keyTag: z.string().max(64).optional(),
  licenceExpiringWithinDays: z.coerce.number().int().min(0).max(365).optional(),
  demo: z.enum(['true', 'false']).optional(),
  sort: z.enum(['name', 'updatedAt', 'county', 'employees']).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});

export const enterpriseHistoryEntrySchema = z.object({
  at: isoInstant(),
  actorName: z.string(),
  field: z.string(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
});

export type EnterpriseInput = z.infer<typeof enterpriseInputSchema>;
export type EnterpriseUpdate = z.infer<typeof enterpriseUpdateSchema>;
export type Enterprise = z.infer<typeof enterpriseSchema>;
export type EnterpriseListQuery = z.infer<typeof enterpriseListQuerySchema>;
export type EnterpriseHistoryEntry = z.infer<typeof enterpriseHistoryEntrySchema>;

/** Reminder band of a licence by days left: 90/60/30 before expiry, then expired. */
export function licenceReminder(daysLeft: number): 'expired' | 'd30' | 'd60' | 'd90' | null {
  if (daysLeft < 0) return 'expired';
  if (daysLeft <= 30) return 'd30';
  if (daysLeft <= 60) return 'd60';
  if (daysLeft <= 90) return 'd90';
  return null;
}
