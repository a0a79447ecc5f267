import { z } from 'zod';
import { dataScopeSchema } from './data-scope.ts';
import { securityLabelSchema } from './security-labels.ts';
import { isoInstant } from '../common/dates.schema.ts';

export const usernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(32)
  .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only')
  .describe('Login name: 3–32 letters, digits, _ . -; unique regardless of case');

export const loginRequestSchema = z
  .object({
    username: z.string().min(1).max(64).describe('Login name'),
    password: z.string().min(1).max(256).describe('Password'),
    totp: z
      .string()
      .regex(/^\d{6}$/, 'six digits')
      .optional()
      .describe('The six-digit code of the authenticator app, when TOTP is enrolled'),
    captchaId: z
      .uuid()
      .optional()
      .describe('The captcha answered, when the server asked for one (auth.captcha_required)'),
    captchaAnswer: z.string().min(1).max(16).optional().describe('The characters shown in the captcha'),
  })
  .strict();

export const captchaResponseSchema = z.object({
  id: z.uuid(),
  image: z.string().describe('The picture as a data: URL (SVG)'),
  expiresAt: isoInstant(),
});

export const passwordChangeRequestSchema = z
  .object({
    current: z.string().min(1).max(256).describe('The current password'),
    next: z.string().min(1).max(256).describe('The new password'),
  })
  .strict();

export const totpConfirmRequestSchema = z
  .object({
    code: z
      .string()
      .regex(/^\d{6}$/, 'six digits')
      .describe('A code from the newly enrolled app'),
  })
  .strict();

export const sessionUserSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
  scope: dataScopeSchema,
  clearance: securityLabelSchema.describe('The highest security label the user reads'),
  totpEnrolled: z.boolean(),
});

export const sessionStateSchema = z.object({
  user: sessionUserSchema,
  csrfToken: z.string().describe('Send back as the X-CSRF-Token header on every state-changing request'),
  mustChangePassword: z.boolean(),
  mustEnrolTotp: z.boolean(),
  idleTimeoutSeconds: z.number().int(),
  expiresAt: isoInstant(),
  previousLogin: z
    .object({ at: isoInstant(), ip: z.string() })
    .nullable()
    .describe('The sign-in before this session began, so that the user notices one that was not theirs'),
});

export const totpSetupResponseSchema = z.object({
  secret: z.string().describe('Base32 secret, for typing into the app by hand'),
  otpauthUrl: z.string(),
  qrDataUrl: z.string().describe('PNG data URL of the QR code'),
});

export const sessionSummarySchema = z.object({
  id: z.uuid(),
  createdAt: isoInstant(),
  lastSeenAt: isoInstant(),
  expiresAt: isoInstant(),
  ip: z.string(),
  userAgent: z.string(),
  current: z.boolean(),
});

export type LoginRequest = z.infer<typeof loginRequestSchema>;
export type CaptchaResponse = z.infer<typeof captchaResponseSchema>;
export type PasswordChangeRequest = z.infer<typeof passwordChangeRequestSchema>;
export type SessionUser = z.infer<typeof sessionUserSchema>;
export type SessionState = z.infer<typeof sessionStateSchema>;
export type SessionSummary = z.infer<typeof sessionSummarySchema>;
export type TotpSetupResponse = z.infer<typeof totpSetupResponseSchema>;
