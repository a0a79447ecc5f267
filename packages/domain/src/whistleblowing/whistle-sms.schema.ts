import { z } from 'zod';

/*
 * SMS verification of a real-name reporter's phone (issue 16): the public page asks for a code, the
 * report carries it. Codes are six digits, live five minutes and take at most five wrong tries.
 */

export const whistleSmsCodeLength = 6;
export const whistleSmsCodeMinutes = 5;
export const whistleSmsCodeMaxTries = 5;

const mobile = z
  .string()
  .trim()
  .regex(/^1\d{10}$/)
  .describe('A mainland mobile number: 11 digits from 1');

export const whistleSmsCodeRequestSchema = z.strictObject({
  phone: mobile,
  deviceId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  captchaId: z.uuid().optional(),
  captchaAnswer: z.string().max(10).optional(),
});
export type WhistleSmsCodeRequest = z.infer<typeof whistleSmsCodeRequestSchema>;

export const whistleSmsCodeSentSchema = z.object({
  resendAfterSeconds: z.number().int().describe('When the page may offer 获取验证码 again'),
  expiresInSeconds: z.number().int(),
});

export const whistleSmsSettingsSchema = z.object({
  codeRequired: z
    .boolean()
    .describe('Whether a real-name report needs a code (an SMS gateway is configured)'),
  resendAfterSeconds: z.number().int(),
});
export type WhistleSmsSettings = z.infer<typeof whistleSmsSettingsSchema>;

export const whistleSmsCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/)
  .describe('The six-digit code texted to identity.phone (when the gateway is configured)');
