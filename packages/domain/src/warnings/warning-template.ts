import { z } from 'zod';
import { capTime } from './cap-message.ts';
import { codedIssue } from '../errors/coded-issue.ts';
import { warningLevels } from './warning-catalogue.ts';
import type { WarningInput } from './warning.schema.ts';
import { defaultRecipientGroups } from './warning-recipients.ts';

/**
 * Warning templates (issue 15: "a duty officer fills a warning in a minute"): per event type, the
 * level, duration, audience and texts with {placeholders} the officer fills in. The placeholder
 * names are a fixed list so the form can ask for each by name; anything else is refused on save.
 */
export const warningTemplatePlaceholders = [
  '地点',
  '县区',
  '企业',
  '物质',
  '时间',
  '范围',
  '联系电话',
] as const;
export type WarningTemplatePlaceholder = (typeof warningTemplatePlaceholders)[number];

const PLACEHOLDER = /\{([^{}\s]{1,12})\}/g;

/** The placeholder names a text uses, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

const known = (name: string): name is WarningTemplatePlaceholder =>
  (warningTemplatePlaceholders as readonly string[]).includes(name);

const templateText = (max: number, min = 0) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .superRefine((text, ctx) => {
      const unknown = placeholdersIn(text).find((name) => !known(name));
      if (unknown !== undefined)
        ctx.addIssue({
          code: 'custom',
          ...codedIssue('warning.template_placeholder_unknown', { name: unknown }),
        });
    });

const templateBlock = z.strictObject({
  headline: templateText(160, 1),
  description: templateText(4000, 1),
  instruction: templateText(2000).default(''),
});

export const warningTemplateInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(60).describe('e.g. 液氯泄漏（橙色）'),
  eventType: z.string().min(1).max(40),
  level: z.enum(warningLevels),
  hours: z.number().int().min(1).max(720).describe('How long the warning lasts from its onset'),
  audience: z.string().trim().max(200).default(''),
  info: z.strictObject({ zh: templateBlock, en: templateBlock.nullable().default(null) }),
});
export type WarningTemplateInput = z.infer<typeof warningTemplateInputSchema>;

export const warningTemplateSchema = warningTemplateInputSchema.extend({
  id: z.uuid(),
  placeholders: z.array(z.string()).describe('The placeholders its texts use, to ask the officer for'),
  demo: z.boolean(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type WarningTemplate = z.infer<typeof warningTemplateSchema>;

/** Every placeholder the template's texts use (zh first, then en). */
export function templatePlaceholders(template: Pick<WarningTemplateInput, 'info'>): string[] {
  const { zh, en } = template.info;
  const texts = [zh.headline, zh.description, zh.instruction, en?.headline, en?.description, en?.instruction];
  return [...new Set(texts.flatMap((text) => (text ? placeholdersIn(text) : [])))];
}

/** Fills `{name}` with the officer's value; an empty value leaves the placeholder for them to see. */
export function fillTemplateText(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => values[name]?.trim() || whole);
}

const fillBlock = <T extends { headline: string; description: string; instruction: string }>(
  block: T,
  values: Readonly<Record<string, string>>,
) => ({
  headline: fillTemplateText(block.headline, values),
  description: fillTemplateText(block.description, values),
  instruction: fillTemplateText(block.instruction, values),
});

/** A draft from a template: onset now, expiry `hours` later, the area left to the officer. */
export function warningDraftFromTemplate(
  template: WarningTemplateInput,
  values: Readonly<Record<string, string>>,
  now: Date,
): WarningInput {
  return {
    eventType: template.eventType,
    level: template.level,
    onset: capTime(now),
    expires: capTime(new Date(now.getTime() + template.hours * 3_600_000)),
    audience: fillTemplateText(template.audience, values),
    contact: values['联系电话']?.trim() ?? '',
    area: { counties: [], townships: [], polygon: null, circle: null },
    recipientGroups: [...defaultRecipientGroups],
    info: {
      zh: fillBlock(template.info.zh, values),
      en: template.info.en ? fillBlock(template.info.en, values) : null,
    },
  };
}
