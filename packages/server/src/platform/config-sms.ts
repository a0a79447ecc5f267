import { z } from 'zod';

/**
 * The platform's SMS gateway (platform/sms.ts): an HTTP endpoint of the bureau's SMS platform or a
 * small relay that takes the JSON documented in docs/operations.md. Unset: no SMS is sent, and the
 * features that need one say so (the whistleblowing page asks for no code).
 */
export interface SmsConfig {
  readonly gatewayUrl: string | null;
  readonly gatewayToken: string | null;
  /** The 短信签名 put in front of every text (【玉溪市应急管理局】). */
  readonly signName: string;
}

const smsSchema = z.object({
  SMS_GATEWAY_URL: z
    .string()
    .regex(/^https?:\/\/\S+$/, 'must start with http:// or https://')
    .optional(),
  SMS_GATEWAY_TOKEN: z.string().min(8, 'must be at least 8 characters').optional(),
  SMS_SIGN_NAME: z.string().min(1).max(20).default('玉溪市应急管理局'),
});

/** The SMS_* variables, spread into config.ts's environment schema. */
export const smsVariables = smsSchema.shape;

export function smsOf(e: z.output<typeof smsSchema>): SmsConfig {
  return Object.freeze({
    gatewayUrl: e.SMS_GATEWAY_URL ?? null,
    gatewayToken: e.SMS_GATEWAY_TOKEN ?? null,
    signName: e.SMS_SIGN_NAME,
  });
}
