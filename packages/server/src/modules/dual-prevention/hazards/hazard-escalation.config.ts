import { z } from 'zod';

/**
 * Settings of the escalation worker, parsed once when the app is built. A bad value stops the
 * start with a message naming the variable.
 * - HAZARD_WEBHOOK_URL: http(s) URL each fired step is POSTed to as JSON; unset = no webhook.
 * - HAZARD_ESCALATION_INTERVAL_SECONDS: how often the worker looks (default 60); 0 = no worker.
 */
export interface HazardEscalationConfig {
  readonly webhookUrl: string | null;
  readonly intervalMs: number;
}

const envSchema = z.object({
  HAZARD_WEBHOOK_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  HAZARD_ESCALATION_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
});

export function loadHazardEscalationConfig(
  env: Record<string, string | undefined> = process.env,
): HazardEscalationConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  return Object.freeze({
    webhookUrl: parsed.data.HAZARD_WEBHOOK_URL ?? null,
    intervalMs: parsed.data.HAZARD_ESCALATION_INTERVAL_SECONDS * 1000,
  });
}
