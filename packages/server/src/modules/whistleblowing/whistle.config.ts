import {
  isoDate,
  whistleDuplicateRewardRules,
  whistleObjectionRuleSets,
  yuxiPinExtent,
  type WhistlePinExtent,
} from '@anjian/domain';
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
 * - WHISTLE_PIN_EXTENT: `minLon,minLat,maxLon,maxLat` (WGS-84), the rectangle a report's map pin must
 *   lie in (default Yuxi's, whistle-pin.ts); inside it, the pin must also lie in a county boundary.
 * - WHISTLE_PIN_TOLERANCE_METRES: a pin this close to a county boundary counts as in it (default 500;
 *   the boundaries are generalised).
 * - WHISTLE_PIN_ENTERPRISE_RADIUS_METRES: the registered enterprises within this many metres of the
 *   pin are offered on the page, and the nearest is linked when the reporter names none (default
 *   200; 0 = never).
 * - WHISTLE_PUBLIC_BASEMAP: `false` keeps the online basemap (its tile URL carries the 天地图 key)
 *   off the public page, which then draws the county boundaries only (default true).
 * - WHISTLE_VIDEO_MAX_MB / WHISTLE_VIDEO_MAX_SECONDS: the largest video a report may carry, in MB
 *   (default 50) and in seconds (default 180); it is rewritten without metadata (video-sanitizer.ts).
 */
const envSchema = z.object({
  WHISTLE_ESCALATION_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(600),
  WHISTLE_DUPLICATE_WINDOW_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  WHISTLE_DUPLICATE_REWARD: z.enum(whistleDuplicateRewardRules).default('first_valid'),
  WHISTLE_OBJECTION_WINDOW_DAYS: z.coerce.number().int().min(1).max(365).optional(),
  WHISTLE_OBJECTION_REVIEW_DAYS: z.coerce.number().int().min(1).max(365).optional(),
  WHISTLE_OBJECTION_RULES_FROM: isoDate().default('2000-01-01'),
  WHISTLE_PIN_EXTENT: z
    .string()
    .transform((text, ctx) => {
      const extent = parseExtent(text);
      if (!extent) ctx.addIssue({ code: 'custom', message: 'expected minLon,minLat,maxLon,maxLat (WGS-84)' });
      return extent ?? yuxiPinExtent;
    })
    .optional(),
  WHISTLE_PIN_TOLERANCE_METRES: z.coerce.number().int().min(0).max(20_000).default(500),
  WHISTLE_PIN_ENTERPRISE_RADIUS_METRES: z.coerce.number().int().min(0).max(2000).default(200),
  WHISTLE_PUBLIC_BASEMAP: z.enum(['true', 'false']).default('true'),
  WHISTLE_VIDEO_MAX_MB: z.coerce.number().int().min(1).max(500).default(50),
  WHISTLE_VIDEO_MAX_SECONDS: z.coerce.number().int().min(1).max(1800).default(180),
});

function parseExtent(text: string): WhistlePinExtent | null {
  const numbers = text.split(',').map((part) => Number(part.trim()));
  if (numbers.length !== 4 || numbers.some((n) => !Number.isFinite(n))) return null;
  const [minLon, minLat, maxLon, maxLat] = numbers as [number, number, number, number];
  const ok =
    minLon < maxLon && minLat < maxLat && minLon >= -180 && maxLon <= 180 && minLat >= -90 && maxLat <= 90;
  return ok ? Object.freeze({ minLon, minLat, maxLon, maxLat }) : null;
}

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
    pin: Object.freeze({
      extent: parsed.data.WHISTLE_PIN_EXTENT ?? yuxiPinExtent,
      toleranceM: parsed.data.WHISTLE_PIN_TOLERANCE_METRES,
      enterpriseRadiusM: parsed.data.WHISTLE_PIN_ENTERPRISE_RADIUS_METRES,
      publicBasemap: parsed.data.WHISTLE_PUBLIC_BASEMAP === 'true',
    }),
    video: Object.freeze({
      maxBytes: parsed.data.WHISTLE_VIDEO_MAX_MB * 1024 * 1024,
      maxSeconds: parsed.data.WHISTLE_VIDEO_MAX_SECONDS,
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
