import { z } from 'zod';
import { creditListingStatuses } from './credit-list-terms.ts';
import { isoDate } from '../common/dates.schema.ts';

/* Requests of /api/v1/credit/listings. Dates are YYYY-MM-DD in China Standard Time. */

const dateSchema = isoDate();
const noteSchema = z.string().trim().max(2000).optional().describe('Free note kept in the file');
const reasonSchema = z.string().trim().min(2).max(2000);

export const creditListingStatusSchema = z
  .enum(creditListingStatuses)
  .describe(
    'candidate 拟列入, notified 已告知 (异议期), listed 已决定列入, published 已公示, repair_pending 信用修复审核中, ' +
      'repaired 已提前移出, expired 期满移出, dismissed 不予列入, cancelled 已撤销列入',
  );

/** Body of `POST /api/v1/credit/listings`: a candidate from a penalty decision. */
export const creditCandidateSchema = z
  .object({
    enterpriseId: z.uuid().describe('The enterprise penalised'),
    penaltyCaseId: z.uuid().describe('The penalty case whose decision met a listing ground'),
    grounds: z
      .array(z.string().trim().min(1).max(64))
      .min(1)
      .max(20)
      .describe('Listing grounds (列入情形) the decision meets, e.g. concealed_accident, refuse_suspension'),
  })
  .strict();

const actions = [
  z.strictObject({
    action: z.literal('notify'),
    servedOn: dateSchema.describe('Day the notice of intended listing (列入告知书) was served'),
    note: noteSchema,
  }),
  z.strictObject({
    action: z.literal('object'),
    summary: z.string().trim().min(2).max(4000).describe("The party's objection (异议、陈述申辩)"),
  }),
  z.strictObject({ action: z.literal('waive_objection'), note: noteSchema }),
  z.strictObject({
    action: z.literal('decide'),
    outcome: z.enum(['list', 'not_list']).describe('list 列入, not_list 不予列入'),
    objectionResponse: z
      .string()
      .trim()
      .max(4000)
      .optional()
      .describe('How the objections were checked (核实情况); required when the party objected'),
    reason: z.string().trim().max(2000).optional().describe('Required for not_list'),
    documentNo: z.string().trim().max(40).optional().describe('Number of the written listing decision'),
  }),
  z.strictObject({
    action: z.literal('dismiss'),
    reason: reasonSchema.describe('Why no listing is pursued'),
  }),
  z.strictObject({
    action: z.literal('publish'),
    publishedOn: dateSchema.describe('Day published on the public page and the credit platforms'),
  }),
  z.strictObject({
    action: z.literal('apply_repair'),
    summary: z
      .string()
      .trim()
      .min(2)
      .max(4000)
      .describe('Corrections made, penalty fulfilled, commitment — the credit-repair application'),
  }),
  z.strictObject({
    action: z.literal('decide_repair'),
    approve: z.boolean().describe('Whether the enterprise is removed early'),
    reason: z.string().trim().max(2000).optional().describe('Required when refusing'),
  }),
  z.strictObject({
    action: z.literal('revoke_repair'),
    reason: reasonSchema.describe('The concealment or fraud found in the repair application'),
  }),
  z.strictObject({ action: z.literal('expire'), note: noteSchema }),
  z.strictObject({
    action: z.literal('cancel'),
    reason: reasonSchema.describe('E.g. the penalty decision was revoked on appeal'),
  }),
] as const;

/** Body of `POST /api/v1/credit/listings/:id/actions`. */
export const creditListingActionSchema = z
  .discriminatedUnion('action', actions)
  .describe('One step on the serious-dishonesty list');

export type CreditListingAction = z.output<typeof creditListingActionSchema>;
export type CreditCandidateInput = z.output<typeof creditCandidateSchema>;
