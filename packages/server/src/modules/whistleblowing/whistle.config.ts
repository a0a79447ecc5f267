import { whistleDuplicateRewardRules } from '@anjian/domain';
import { z } from 'zod';

/**
 * The whistleblowing module's own settings, parsed once when it starts (a bad value stops the start
 * naming the variable):
 * - WHISTLE_ESCALATION_INTERVAL_SECONDS: how often the overdue ladder looks (default 600; 0 = never).
 * - WHISTLE_DUPLICATE_WINDOW_DAYS: duplicate suggestions, same enterprise and category within this
 *   many days (default 90).
 * - WHISTLE_DUPLICATE_REWARD: `first_valid` (default: a duplicate is rewarded only when its original
 *   was not valid) or `each`.
 */
const envSchema = z.object({
  WHISTLE_ESCALATION_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(600),
  WHISTLE_DUPLICATE_WINDOW_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  WHISTLE_DUPLICATE_REWARD: z.enum(whistleDuplicateRewardRules).default('first_valid'),
});

export function loadWhistleConfig(env: Record<string, string | undefined> = process.env) {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success)
    throw new Error(
      `Invalid configuration:\n${parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  return Object.freeze({
    escalationIntervalMs: parsed.data.WHISTLE_ESCALATION_INTERVAL_SECONDS * 1000,
    duplicates: Object.freeze({
      windowDays: parsed.data.WHISTLE_DUPLICATE_WINDOW_DAYS,
      rewardRule: parsed.data.WHISTLE_DUPLICATE_REWARD,
    }),
  });
}
