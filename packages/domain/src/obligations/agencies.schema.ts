import { z } from 'zod';
import { codedIssue } from '../errors/coded-issue.ts';
import { isoDate } from '../common/dates.schema.ts';
import { pageQuerySchema } from '../common/pagination.schema.ts';
import { creditCodeSchema } from '../registry/credit-code/credit-code.schema.ts';
import { countyCodeSchema } from '../registry/enterprise.schema.ts';
import {
  agencyFields,
  agencyQualifications,
  agencyReportConclusions,
  agencyReportFlagKinds,
  agencyReportKinds,
  agencyStaffRoles,
} from './obligation-terms.ts';
import { agencyCreditRecordSchema } from './spot-checks.schema.ts';

/** 安全评价检测检验机构 and its qualification (应急管理部令第1号). */
export const agencyInputSchema = z
  .object({
    name: z.string().trim().min(2).max(120),
    creditCode: creditCodeSchema,
    qualification: z.enum(agencyQualifications),
    qualificationNumber: z.string().trim().min(2).max(60),
    fields: z.array(z.enum(agencyFields)).min(1).max(agencyFields.length).describe('业务范围'),
    authority: z.string().trim().min(2).max(80).describe('资质认可机关'),
    validFrom: isoDate(),
    validUntil: isoDate().optional().describe('Left out: validFrom plus the validity in force (5 years)'),
  })
  .strict()
  .refine((a) => !a.validUntil || a.validUntil >= a.validFrom, {
    ...codedIssue('obligations.dates_out_of_order'),
    path: ['validUntil'],
  });
export type AgencyInput = z.infer<typeof agencyInputSchema>;

export const agencyStaffInputSchema = z
  .object({
    name: z.string().trim().min(1).max(40),
    role: z.enum(agencyStaffRoles),
    registrationNumber: z.string().trim().min(2).max(60).describe('评价师/技术人员登记编号'),
    registeredOn: isoDate(),
    leftOn: isoDate().optional(),
  })
  .strict()
  .refine((s) => !s.leftOn || s.leftOn >= s.registeredOn, {
    ...codedIssue('obligations.dates_out_of_order'),
    path: ['leftOn'],
  });
export type AgencyStaffInput = z.infer<typeof agencyStaffInputSchema>;

export const agencyStaffSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role: z.enum(agencyStaffRoles),
  registrationNumber: z.string(),
  registeredOn: z.string(),
  leftOn: z.string().nullable(),
});
export type AgencyStaff = z.infer<typeof agencyStaffSchema>;

const signerSchema = z
  .object({
    name: z.string().trim().min(1).max(40),
    registrationNumber: z.string().trim().min(2).max(60),
  })
  .strict();

export const agencyReportInputSchema = z
  .object({
    agencyId: z.uuid(),
    enterpriseId: z.uuid(),
    kind: z.enum(agencyReportKinds),
    field: z.enum(agencyFields).describe('The field of the service'),
    title: z.string().trim().min(2).max(160),
    reportNumber: z.string().trim().min(2).max(60),
    issuedOn: isoDate(),
    conclusion: z.enum(agencyReportConclusions),
    signers: z.array(signerSchema).min(1).max(20),
    onsiteFrom: isoDate().optional().describe('First day of on-site work'),
    noticeOn: isoDate().optional().describe('Day the written notice reached the bureau of the place'),
    disclosedOn: isoDate().optional().describe('信息公开: the day it was published'),
    disclosureUrl: z.url().max(300).optional(),
    disclosedItems: z.string().trim().min(2).max(500).optional(),
  })
  .strict()
  .refine((r) => !r.noticeOn || (r.onsiteFrom !== undefined && r.noticeOn <= r.onsiteFrom), {
    ...codedIssue('obligations.dates_out_of_order'),
    path: ['noticeOn'],
  })
  .refine((r) => !r.disclosedOn || r.disclosedOn >= r.issuedOn, {
    ...codedIssue('obligations.dates_out_of_order'),
    path: ['disclosedOn'],
  });
export type AgencyReportInput = z.infer<typeof agencyReportInputSchema>;

/** 信息公开: where and what the agency published about a report (令第1号). */
export const agencyReportDisclosureInputSchema = z
  .object({
    disclosedOn: isoDate(),
    disclosureUrl: z.url().max(300).describe('The page on the agency’s website'),
    disclosedItems: z.string().trim().min(2).max(500).describe('What was published'),
  })
  .strict();
export type AgencyReportDisclosureInput = z.infer<typeof agencyReportDisclosureInputSchema>;

/** 书面告知: the on-site service and the day its written notice reached the bureau. */
export const agencyReportNoticeInputSchema = z
  .object({ onsiteFrom: isoDate(), noticeOn: isoDate() })
  .strict()
  .refine((n) => n.noticeOn <= n.onsiteFrom, {
    ...codedIssue('obligations.dates_out_of_order'),
    path: ['noticeOn'],
  });
export type AgencyReportNoticeInput = z.infer<typeof agencyReportNoticeInputSchema>;

export const agencyReportSchema = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  county: z.string(),
  kind: z.enum(agencyReportKinds),
  field: z.enum(agencyFields),
  title: z.string(),
  reportNumber: z.string(),
  issuedOn: z.string(),
  conclusion: z.enum(agencyReportConclusions),
  signers: z.array(z.object({ name: z.string(), registrationNumber: z.string() })),
  disclosedOn: z.string().nullable(),
  disclosureUrl: z.string().nullable(),
  disclosedItems: z.string().nullable(),
  onsiteFrom: z.string().nullable(),
  noticeOn: z.string().nullable(),
  flags: z.array(z.enum(agencyReportFlagKinds)).describe('What the bureau acts on; empty when sound'),
  demo: z.boolean(),
});
export type AgencyReport = z.infer<typeof agencyReportSchema>;

export const agencySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  creditCode: z.string(),
  qualification: z.enum(agencyQualifications),
  qualificationNumber: z.string(),
  fields: z.array(z.enum(agencyFields)),
  authority: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  inForce: z.boolean().describe('The qualification is in force today'),
  staffCount: z.number().int(),
  reportCount: z.number().int().describe('Reports in the caller’s scope'),
  flaggedReportCount: z.number().int().describe('Of those, reports with at least one flag'),
  creditScore: z.number().int().describe('100 less the points of its spot-check credit records'),
  blacklisted: z.boolean(),
  demo: z.boolean(),
});
export type Agency = z.infer<typeof agencySchema>;

export const agencyDetailSchema = agencySchema.extend({
  staff: z.array(agencyStaffSchema),
  reports: z.array(agencyReportSchema),
  creditRecords: z.array(agencyCreditRecordSchema),
});
export type AgencyDetail = z.infer<typeof agencyDetailSchema>;

export const agencyListQuerySchema = pageQuerySchema
  .extend({
    q: z.string().trim().max(60).optional(),
    qualification: z.enum(agencyQualifications).optional(),
    flagged: z
      .enum(['true', 'false'])
      .optional()
      .describe('true = only agencies with a flagged report in the caller’s scope'),
  })
  .strict();

export const agencyReportListQuerySchema = pageQuerySchema
  .extend({
    agencyId: z.uuid().optional(),
    enterpriseId: z.uuid().optional(),
    county: countyCodeSchema.optional(),
    flagged: z.enum(['true', 'false']).optional(),
  })
  .strict();
