import { z } from 'zod';
import { responsibilityHolderKinds } from './responsibility-list.ts';

/** Responsibility lists (责任清单) as versioned documents: requests and answers. */
const items = z
  .array(z.string().trim().min(1).max(500))
  .min(1)
  .max(200)
  .refine((list) => new Set(list).size === list.length, { message: 'each item once' })
  .describe('The duties, in order; each once');

export const responsibilityListCreateSchema = z
  .object({
    kind: z.enum(responsibilityHolderKinds),
    organisationId: z
      .uuid()
      .nullable()
      .default(null)
      .describe('The department or county; for a leader, the county government served (none: a city leader)'),
    holder: z
      .string()
      .trim()
      .max(100)
      .default('')
      .describe('A leader’s post, e.g. 市长 (a unit’s list is held by the unit)'),
    title: z.string().trim().min(1).max(200),
    items,
    note: z
      .string()
      .trim()
      .max(1000)
      .default('')
      .describe('The basis of the first version, e.g. the document'),
  })
  .strict()
  .refine((input) => input.kind !== 'leader' || input.holder !== '', {
    message: 'a leader’s list names the post',
    path: ['holder'],
  });

export const responsibilityListReviseSchema = z
  .object({
    baseVersion: z
      .number()
      .int()
      .min(1)
      .describe('The version the edit started from (a newer one refuses it)'),
    items,
    note: z.string().trim().min(1).max(1000).describe('What changed and why (修订说明)'),
  })
  .strict();

export const responsibilityListSchema = z.object({
  id: z.string(),
  kind: z.enum(responsibilityHolderKinds),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  holder: z.string(),
  title: z.string(),
  version: z.number().int().describe('The current version'),
  publishedAt: z.string(),
  publishedBy: z.string(),
  itemCount: z.number().int(),
  demo: z.boolean(),
});

export const responsibilityVersionSummarySchema = z.object({
  version: z.number().int(),
  publishedAt: z.string(),
  publishedBy: z.string(),
  note: z.string(),
  itemCount: z.number().int(),
});

export const responsibilityListDetailSchema = responsibilityListSchema.extend({
  items: z.array(z.string()),
  note: z.string(),
  versions: z.array(responsibilityVersionSummarySchema).describe('Every version, newest first'),
  allowedActions: z.array(z.enum(['revise'])),
});

export const responsibilityVersionSchema = responsibilityVersionSummarySchema.extend({
  items: z.array(z.string()),
  added: z.array(z.string()).describe('Items new in this version (against the one before)'),
  removed: z.array(z.string()).describe('Items the version before had and this one dropped'),
});

export type ResponsibilityListCreate = z.infer<typeof responsibilityListCreateSchema>;
export type ResponsibilityListRevise = z.infer<typeof responsibilityListReviseSchema>;
