import { z } from 'zod';
import { usernameSchema } from '../auth/auth.schema.ts';
import { dataScopeSchema } from '../auth/data-scope.ts';
import { pageQuerySchema } from '../common/pagination.schema.ts';
import { isoInstant } from '../common/dates.schema.ts';

const displayNameSchema = z.string().trim().min(1).max(64).describe('Name shown in the UI, e.g. 张三');
const phoneSchema = z
  .string()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, 'a mobile number or a landline with area code')
  .describe('Mobile (11 digits) or landline such as 0877-2012345; stored SM4-encrypted');
const rolesSchema = z.array(z.string().min(1).max(64)).min(1).max(10).describe('Role codes');

export const userCreateSchema = z
  .object({
    username: usernameSchema,
    displayName: displayNameSchema,
    phone: phoneSchema.optional(),
    roles: rolesSchema,
    scope: dataScopeSchema,
    organisation: z.string().trim().max(128).optional().describe('Unit, e.g. 江川区应急管理局'),
  })
  .strict();

export const userUpdateSchema = z
  .object({
    displayName: displayNameSchema.optional(),
    phone: phoneSchema.nullable().optional(),
    roles: rolesSchema.optional(),
    scope: dataScopeSchema.optional(),
    organisation: z.string().trim().max(128).nullable().optional(),
  })
  .strict();

export const userStatusSchema = z.enum(['active', 'disabled']);

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  phone: z
    .string()
    .nullable()
    .describe('Masked (138****1234) unless the caller may see personal information'),
  organisation: z.string().nullable(),
  roles: z.array(z.string()),
  scope: dataScopeSchema,
  enterpriseName: z
    .string()
    .nullable()
    .describe('Name of the enterprise an enterprise account belongs to (the UI shows it, never the id)'),
  status: userStatusSchema,
  totpEnrolled: z.boolean(),
  lockedUntil: isoInstant().nullable(),
  lastLoginAt: isoInstant().nullable(),
  passwordChangedAt: isoInstant().nullable(),
  createdAt: isoInstant(),
});

export const userCreatedSchema = z.object({
  user: userSchema,
  initialPassword: z.string().describe('One-time password; the user must change it at first login'),
});

export const userListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(64).optional().describe('Part of the username or display name'),
  role: z.string().max(64).optional(),
  status: userStatusSchema.optional(),
  county: z
    .string()
    .regex(/^\d{6}$/)
    .optional()
    .describe('Only users whose scope includes this county'),
});

export const userEnterpriseOptionsQuerySchema = z.object({
  q: z.string().trim().max(64).default('').describe('Part of the name, or the start of the credit code'),
});

/** What the user administrator may learn of an enterprise to make its account (三员分立: no more). */
export const userEnterpriseOptionSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  creditCode: z.string().describe('统一社会信用代码'),
  county: z.string().describe('County-level division code, the account’s county'),
});

export const userStatusChangeSchema = z
  .object({ status: userStatusSchema, reason: z.string().trim().max(256).optional() })
  .strict();

export type UserCreate = z.infer<typeof userCreateSchema>;
export type UserUpdate = z.infer<typeof userUpdateSchema>;
export type User = z.infer<typeof userSchema>;
export type UserListQuery = z.infer<typeof userListQuerySchema>;
export type UserStatus = z.infer<typeof userStatusSchema>;
export type UserEnterpriseOption = z.infer<typeof userEnterpriseOptionSchema>;

/** 138****1234 / 0877-***2345: the last four digits stay visible (GB/T 35273 practice). */
export function maskPhone(phone: string): string {
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  return `${phone.slice(0, Math.max(0, phone.length - 7))}***${phone.slice(-4)}`;
}
