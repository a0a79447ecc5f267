import { z } from 'zod';
import { defaultClearance, securityLabelSchema } from '../auth/security-labels.ts';

export const roleCodeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,31}$/, 'lower-case letters, digits and _')
  .describe('Stable role code, e.g. county_officer');

export const roleSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  adminKind: z.enum(['system', 'security', 'audit']).nullable(),
  builtin: z.boolean(),
  totpRequired: z
    .boolean()
    .describe('Holders sign in with a TOTP second factor (when AUTH_TOTP_REQUIRED is on)'),
  permissions: z.array(z.string()),
  clearance: securityLabelSchema.describe('The highest security label holders of the role read'),
  userCount: z.number().int(),
});

export const roleCreateSchema = z
  .object({
    code: roleCodeSchema,
    nameZh: z.string().trim().min(1).max(64),
    nameEn: z.string().trim().min(1).max(64),
    permissions: z.array(z.string().max(64)).max(100),
    totpRequired: z.boolean().default(true),
    clearance: securityLabelSchema.default(defaultClearance),
  })
  .strict();

export const roleUpdateSchema = z
  .object({
    nameZh: z.string().trim().min(1).max(64).optional(),
    nameEn: z.string().trim().min(1).max(64).optional(),
    permissions: z.array(z.string().max(64)).max(100).optional(),
    totpRequired: z.boolean().optional(),
    clearance: securityLabelSchema.optional(),
  })
  .strict();

export const permissionInfoSchema = z.object({
  code: z.string(),
  kind: z.enum(['system', 'security', 'audit', 'business']),
  zh: z.string(),
  en: z.string(),
});

export type Role = z.infer<typeof roleSchema>;
export type RoleCreate = z.infer<typeof roleCreateSchema>;
export type RoleUpdate = z.infer<typeof roleUpdateSchema>;
