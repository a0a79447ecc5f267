import { whistleDuplicateRewardRules, whistleObjectionRuleSets, isoDate } from '@anjian/domain';
import { z } from 'zod';

/**
 * The whistleblowing module's own settings, parsed once when it starts (a bad value stops the start
 * naming the variable):
 * - WHISTLE_ESCALATION_INTERVAL_SECONDS: how often the overdue ladder looks (default 600; 0 = never).
 * - WHISTLE_DUPLICATE_WINDOW_DAYS: duplicate suggestions, same enterprise and category within this
 *   many days (default 90).
 * - WHISTLE_DUPLICATE_REWARD: `first_valid` (default: a duplicate is rewarded only when its original
 *   was not valid) or `each`.
 * - WHISTLE_OBJECTION_WINDOW_DAYS / WHISTLE_OBJECTION_REVIEW_DAYS / WHISTLE_OBJECTION_RULES_FROM: a
 *   local objection window and review period (default: 应急〔2023〕106号, 10 and 30 days), in force for
 *   decisions shown from WHISTLE_OBJECTION_RULES_FROM (default 2000-01-01) on; the dated national
 *   sets stay for earlier days, so a change never moves a window already running.
 */
const envSchema = z.object({
  WHISTLE_ESCALATION_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(600),
  WHISTLE_DUPLICATE_WINDOW_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  WHISTLE_DUPLICATE_REWARD: z.enum(whistleDuplicateRewardRules).default('first_valid'),
  WHISTLE_OBJECTION_WINDOW_DAYS: z.coerce.number().int().min(1).max(365).optional(),
  WHISTLE_OBJECTION_REVIEW_DAYS: z.coerce.number().int().min(1).max(365).optional(),
  WHISTLE_OBJECTION_RULES_FROM: isoDate().default('2000-01-01'),
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
    objectionRules: objectionRules(parsed.data),
    duplicates: Object.freeze({
      windowDays: parsed.data.WHISTLE_DUPLICATE_WINDOW_DAYS,
      rewardRule: parsed.data.WHISTLE_DUPLICATE_REWARD,
    }),
  });
}

/** The dated national sets, and a local one from its day when the variables set one. */
function objectionRules(env: z.infer<typeof envSchema>) {
  const days = env.WHISTLE_OBJECTION_WINDOW_DAYS;
  const review = env.WHISTLE_OBJECTION_REVIEW_DAYS;
  if (days === undefined && review === undefined) return whistleObjectionRuleSets;
  const from = env.WHISTLE_OBJECTION_RULES_FROM;
  const national = whistleObjectionRuleSets.filter((set) => set.validFrom < from);
  const base = national.at(-1) ?? whistleObjectionRuleSets[0]!;
  return Object.freeze([
    ...national,
    Object.freeze({
      id: 'local',
      validFrom: from,
      windowDays: days ?? base.windowDays,
      reviewDays: review ?? base.reviewDays,
      source: 'WHISTLE_OBJECTION_WINDOW_DAYS / WHISTLE_OBJECTION_REVIEW_DAYS',
    }),
  ]);
}
