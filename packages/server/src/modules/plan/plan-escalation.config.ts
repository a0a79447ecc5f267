import { z } from 'zod';

/**
 * PLAN_ESCALATION_INTERVAL_SECONDS: how often the overdue-milestone ladder looks (default 600;
 * 0 = never). Parsed once when the module starts; a bad value stops the start naming the variable.
 */
const envSchema = z.object({
  PLAN_ESCALATION_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(600),
});

export function loadPlanEscalationConfig(env: Record<string, string | undefined> = process.env) {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success)
    throw new Error(
      `Invalid configuration:\n${parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  return Object.freeze({ intervalMs: parsed.data.PLAN_ESCALATION_INTERVAL_SECONDS * 1000 });
}
