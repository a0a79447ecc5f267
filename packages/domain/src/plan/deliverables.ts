import { z } from 'zod';

/**
 * Deliverables (成果) of a plan's tasks and key projects: what a task or its 专栏 promises — a
 * document to draft, a site or facility to build, a platform or system, something else — with a
 * target count where it is a count (7 bridges, 2 rescue teams), the year it is due, and once
 * delivered the date and its evidence: uploaded files or a link to an Anjian record (a path inside
 * Anjian such as /registry/enterprises/…), at least one of the two.
 */
export const deliverableKinds = ['document', 'site', 'platform', 'other'] as const;
export type DeliverableKind = (typeof deliverableKinds)[number];

/** The kinds as the plan workbook and the Chinese UI name them (the first is what an export writes). */
export const deliverableKindNames: Record<DeliverableKind, string> = {
  document: '文件/制度',
  site: '场所/设施建设',
  platform: '平台/系统',
  other: '其他',
};

/** A kind from its workbook name (or its code); null when it is none. */
export function deliverableKindOf(text: string): DeliverableKind | null {
  const trimmed = text.trim();
  for (const kind of deliverableKinds)
    if (trimmed === kind || trimmed === deliverableKindNames[kind]) return kind;
  const aliases: Record<string, DeliverableKind> = {
    文件: 'document',
    制度: 'document',
    场所: 'site',
    设施: 'site',
    平台: 'platform',
    系统: 'platform',
  };
  return aliases[trimmed] ?? null;
}

/** A deliverable of a plan definition (a data file or an imported workbook). */
export interface PlanDeliverableDefinition {
  readonly taskCode: string;
  /** The 专栏 that lists it, when one does. */
  readonly columnNo: number | null;
  readonly what: string;
  readonly kind: DeliverableKind;
  readonly targetCount: number | null;
  readonly dueYear: number;
}

/** An evidence link points inside Anjian: a path starting with one `/`, no scheme, no host. */
export function isAnjianRecordLink(link: string): boolean {
  return /^\/(?!\/)[^\s\\]*$/.test(link) && link.length <= 500;
}

/** Marking a deliverable delivered: the date, evidence uploads and/or a link to an Anjian record. */
export const deliverableDeliverSchema = z
  .object({
    deliveredOn: z.iso.date().describe('The day it was delivered (YYYY-MM-DD)'),
    evidence: z.array(z.uuid()).max(20).default([]).describe('Upload ids (uploads module)'),
    link: z
      .string()
      .trim()
      .max(500)
      .refine((l) => l === '' || isAnjianRecordLink(l), {
        message: 'A link to an Anjian record is a path such as /registry/enterprises/<id>',
      })
      .default('')
      .describe('A path to an Anjian record, e.g. /registry/enterprises/<id>'),
    note: z.string().trim().max(2000).default(''),
  })
  .strict()
  .refine((v) => v.evidence.length > 0 || v.link !== '', {
    message: 'Evidence (an upload) or a link to an Anjian record is required',
    path: ['evidence'],
  });
export type DeliverableDeliver = z.infer<typeof deliverableDeliverSchema>;

/**
 * Undoing a "delivered" mark made in error (the wrong deliverable, a date or evidence to redo): the
 * reason is required and goes to the audit log with the mark it clears.
 */
export const deliverableUndoSchema = z
  .object({
    reason: z.string().trim().min(2).max(500).describe('Why the mark is undone (audited)'),
  })
  .strict();
export type DeliverableUndo = z.infer<typeof deliverableUndoSchema>;

/** What the viewer may do with a deliverable: mark it delivered, or undo the mark. */
export const deliverableActions = ['deliver', 'undo'] as const;
export type DeliverableAction = (typeof deliverableActions)[number];

export const deliverableSchema = z.object({
  id: z.string(),
  taskId: z.string(),
  columnNo: z.number().int().nullable(),
  what: z.string(),
  kind: z.enum(deliverableKinds),
  targetCount: z.number().int().nullable(),
  dueYear: z.number().int(),
  demo: z.boolean(),
  deliveredOn: z.string().nullable(),
  deliveredBy: z.string().nullable(),
  deliveredOrganisation: z.string().nullable(),
  evidence: z.array(z.string()),
  link: z.string().nullable(),
  note: z.string(),
  overdue: z.boolean(),
  allowedActions: z.array(z.enum(deliverableActions)),
});
export type Deliverable = z.infer<typeof deliverableSchema>;

/** Overdue: not delivered and its due year is over (the year is behind `today`'s). */
export function deliverableOverdue(
  d: { dueYear: number; deliveredOn: string | null },
  today: string,
): boolean {
  return d.deliveredOn === null && Number(today.slice(0, 4)) > d.dueYear;
}
