import { z } from 'zod';
import { codedIssue } from '../errors/coded-issue.ts';
import { isoDate } from '../common/dates.schema.ts';
import { pageQuerySchema } from '../common/pagination.schema.ts';
import { countyCodeSchema } from '../registry/enterprise.schema.ts';
import {
  certificateGapKinds,
  certificateKinds,
  certificateStatuses,
  personPosts,
  specialOperations,
} from './obligation-terms.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** GB 11643-1999: 17 digits and an ISO 7064 MOD 11-2 check character. */
export function isIdNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(value[i]), 0);
  return CHECK[sum % 11] === value[17];
}

/** 530402********1234: the region and the last four stay visible, like masked phones. */
export function maskIdNumber(value: string): string {
  return `${value.slice(0, 6)}********${value.slice(-4)}`;
}

export const personInputSchema = z
  .object({
    enterpriseId: z.uuid(),
    name: z.string().trim().min(2).max(40),
    idNumber: z
      .string()
      .trim()
      .transform((v) => v.toUpperCase())
      .refine(isIdNumber, codedIssue('obligations.id_number_invalid'))
      .optional()
      .describe('居民身份证号 (GB 11643); stored sealed (SM4) and answered masked'),
    post: z.enum(personPosts),
    operation: z.enum(specialOperations).optional().describe('特种作业类别, for a special-operation worker'),
    position: z.string().trim().max(60).optional().describe('职务/岗位'),
  })
  .strict()
  .refine((p) => p.post !== 'special_operation' || p.operation !== undefined, {
    ...codedIssue('obligations.operation_required'),
    path: ['operation'],
  });
export type PersonInput = z.infer<typeof personInputSchema>;

export const certificateInputSchema = z
  .object({
    kind: z.enum(certificateKinds),
    number: z.string().trim().min(4).max(40).describe('证书编号'),
    operation: z.enum(specialOperations).optional(),
    authority: z.string().trim().min(2).max(80).describe('发证机关'),
    issuedOn: isoDate().describe('初领/发证日期'),
    expiresOn: isoDate().optional().describe('有效期至; by default from the dated validity parameter'),
    reviewDueOn: isoDate().optional().describe('应复审日期 (特种作业); by default three years on'),
    reviewedOn: isoDate().optional().describe('最近一次复审日期'),
  })
  .strict()
  .refine((c) => c.kind !== 'special_operation' || c.operation !== undefined, {
    ...codedIssue('obligations.operation_required'),
    path: ['operation'],
  });
export type CertificateInput = z.infer<typeof certificateInputSchema>;

export const trainingInputSchema = z
  .object({
    course: z.string().trim().min(2).max(120),
    institution: z.string().trim().min(2).max(120),
    hours: z.number().int().min(1).max(400).describe('学时'),
    completedOn: isoDate(),
    examScore: z.number().min(0).max(100).optional(),
    passed: z.boolean().optional(),
  })
  .strict();
export type TrainingInput = z.infer<typeof trainingInputSchema>;

export const certificateSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  kind: z.enum(certificateKinds),
  number: z.string(),
  operation: z.enum(specialOperations).nullable(),
  authority: z.string(),
  issuedOn: z.string(),
  expiresOn: z.string(),
  reviewDueOn: z.string().nullable(),
  reviewedOn: z.string().nullable(),
  status: z.enum(certificateStatuses),
  daysToAct: z.number().int(),
  demo: z.boolean(),
});
export type Certificate = z.infer<typeof certificateSchema>;

export const trainingSchema = z.object({
  id: z.uuid(),
  course: z.string(),
  institution: z.string(),
  hours: z.number().int(),
  completedOn: z.string(),
  examScore: z.number().nullable(),
  passed: z.boolean().nullable(),
});
export type Training = z.infer<typeof trainingSchema>;

export const personSchema = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  county: z.string(),
  name: z.string(),
  idNumber: z.string().nullable().describe('Masked unless the caller holds pi:view'),
  post: z.enum(personPosts),
  operation: z.enum(specialOperations).nullable(),
  position: z.string().nullable(),
  certificates: z.array(certificateSchema),
  training: z.array(trainingSchema),
  /** The worst standing of the person's certificates; null without any. */
  status: z.enum(certificateStatuses).nullable(),
  demo: z.boolean(),
});
export type Person = z.infer<typeof personSchema>;

export const personListQuerySchema = pageQuerySchema
  .extend({
    q: z.string().trim().max(60).optional(),
    enterpriseId: z.uuid().optional(),
    county: countyCodeSchema.optional(),
    post: z.enum(personPosts).optional(),
    attention: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional()
      .describe(
        'Only people with a certificate lapsed or due for renewal or review within the reminder window',
      ),
  })
  .strict();

export const certificateGapSchema = z.object({
  kind: z.enum(certificateGapKinds),
  personId: z.uuid().nullable(),
  personName: z.string().nullable(),
  operation: z.enum(specialOperations).nullable(),
});
export type CertificateGapView = z.infer<typeof certificateGapSchema>;

export const certificateCheckSchema = z.object({
  certificate: certificateSchema,
  person: z.object({ id: z.uuid(), name: z.string(), post: z.enum(personPosts) }),
  enterprise: z.object({ id: z.uuid(), name: z.string() }),
});

export const gapFindingInputSchema = z
  .object({ inspectionId: z.uuid(), note: z.string().trim().max(500).optional() })
  .strict();
