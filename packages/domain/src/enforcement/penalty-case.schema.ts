import { z } from 'zod';
import { rmbYuanSchema } from '../money/rmb-amount.ts';
import { penaltyCaseStatuses, penaltyKinds, penaltyPartyKinds } from './penalty-case-terms.ts';
import { isoDate } from '../common/dates.schema.ts';
import { recordLabelSchema } from '../auth/security-labels.ts';

/*
 * Requests of /api/v1/enforcement/cases. Dates are calendar dates (YYYY-MM-DD) in China Standard
 * Time; statutory periods count from the day after (期间开始的日不计算在内).
 */

const dateSchema = isoDate();
const idSchema = z.string().trim().min(1).max(64);
const noteSchema = z.string().trim().max(2000).optional().describe('Free note kept in the case file');
const reasonSchema = z.string().trim().min(2).max(2000);
const documentNoSchema = z
  .string()
  .trim()
  .max(40)
  .optional()
  .describe('Number of the 文书 issued for this step, e.g. 玉应急罚告〔2026〕12号');

export const penaltyCaseStatusSchema = z
  .enum(penaltyCaseStatuses)
  .describe(
    'filed 已立案, investigating 调查取证, notified 已告知, hearing 听证, heard 待决定, decided 已决定, ' +
      'executed 执行完毕, closed 已结案, withdrawn 已撤销立案, terminated 已终结',
  );

export const penaltyPartyKindSchema = z
  .enum(penaltyPartyKinds)
  .describe('organisation 单位 (生产经营单位), individual 个人; sets the 较大数额 threshold of a hearing');

export const penaltyProposalSchema = z
  .object({
    kinds: z
      .array(z.enum(penaltyKinds))
      .min(1)
      .max(penaltyKinds.length)
      .describe(
        'Kinds of penalty: warning 警告, fine 罚款, confiscation 没收, production_suspension 责令停产停业 …',
      ),
    fineYuan: rmbYuanSchema.optional().describe('Fine in yuan; required exactly when kinds has fine'),
    confiscationYuan: rmbYuanSchema
      .optional()
      .describe('Illegal gains confiscated, in yuan; required exactly when kinds has confiscation'),
    violationCodes: z
      .array(z.string().trim().min(1).max(64))
      .max(20)
      .optional()
      .describe('Discretion-table violation codes the penalty rests on'),
  })
  .strict()
  .describe('A penalty as proposed in the notice (告知) or imposed by the decision');

/** Body of `POST /api/v1/enforcement/cases` (立案). */
export const penaltyCaseFileSchema = z
  .object({
    enterpriseId: z.uuid().describe('The party, when it is a registered enterprise'),
    partyKind: penaltyPartyKindSchema,
    partyName: z.string().trim().min(2).max(200).describe('Name of the party (当事人)'),
    summary: z.string().trim().min(5).max(4000).describe('The suspected violation (案由)'),
    filedOn: dateSchema.optional().describe('Filing date (立案日期); today when left out'),
    requiresLegalReview: z
      .boolean()
      .default(false)
      .describe(
        '行政处罚法 Art. 58: major public interest, complex case … — legal review (法制审核) before deciding',
      ),
    inspectionId: z
      .uuid()
      .optional()
      .describe('The completed inspection whose finding the case comes from (same enterprise)'),
    sourceRef: z
      .string()
      .max(64)
      .optional()
      .describe('Id of the inspection, report or draw the case came from'),
    securityLabel: recordLabelSchema
      .optional()
      .describe('Security label (密级); 内部 when not given, never above the filer’s clearance'),
  })
  .strict();

const actions = [
  z.strictObject({
    action: z.literal('start_investigation'),
    investigatorIds: z.array(idSchema).min(1).max(10).describe('Officers investigating; at least two'),
    note: noteSchema,
  }),
  z.strictObject({
    action: z.literal('issue_notice'),
    proposal: penaltyProposalSchema,
    servedOn: dateSchema.describe('Day the 行政处罚告知书 was served; the periods count from the next day'),
    documentNo: documentNoSchema,
    note: noteSchema,
  }),
  z.strictObject({
    action: z.literal('record_statement'),
    summary: z.string().trim().min(2).max(4000).describe("The party's statement or defence (陈述、申辩)"),
    note: noteSchema,
  }),
  z.strictObject({ action: z.literal('waive_rights'), note: noteSchema }),
  z.strictObject({ action: z.literal('request_hearing'), note: noteSchema }),
  z.strictObject({
    action: z.literal('schedule_hearing'),
    date: dateSchema.describe('Hearing date'),
    notifiedOn: dateSchema.describe('Day the party was told the time and place'),
    presiderId: idSchema.describe('Presiding officer; not one of the investigators'),
    note: noteSchema,
  }),
  z.strictObject({
    action: z.literal('conclude_hearing'),
    outcome: z
      .enum(['held', 'request_withdrawn', 'party_absent'])
      .describe('held 已举行, request_withdrawn 当事人撤回申请, party_absent 当事人无正当理由未到场'),
    note: noteSchema,
  }),
  z.strictObject({
    action: z.literal('complete_legal_review'),
    passed: z.boolean().describe('Whether the legal review (法制审核) passed'),
    opinion: reasonSchema.describe('Review opinion'),
  }),
  z.strictObject({
    action: z.literal('extend_decision_period'),
    days: z.int().min(1).max(365).describe('Days added to the decision period'),
    reason: reasonSchema,
  }),
  z.strictObject({
    action: z.literal('decide'),
    outcome: z.enum(['penalty', 'no_penalty']).describe('penalty 给予处罚, no_penalty 不予处罚'),
    penalty: penaltyProposalSchema.optional().describe('Required for penalty; no heavier than the notice'),
    decidedOn: dateSchema.optional().describe('Decision date; today when left out'),
    documentNo: documentNoSchema,
    creditGrounds: z
      .array(z.string().trim().min(1).max(64))
      .max(20)
      .default([])
      .describe('Serious-dishonesty (失信) grounds the decision meets; they create a listing candidate'),
    reason: z.string().trim().max(2000).optional().describe('Required for no_penalty'),
  }),
  z.strictObject({
    action: z.literal('serve_decision'),
    servedOn: dateSchema.describe('Day the decision was served; payment and appeal periods count from it'),
  }),
  z.strictObject({
    action: z.literal('record_execution'),
    method: z.enum(['voluntary', 'compulsory']).describe('voluntary 自觉履行, compulsory 强制执行'),
    completedOn: dateSchema,
    paidYuan: rmbYuanSchema.optional().describe('Amount paid, surcharge included'),
    note: noteSchema,
  }),
  z.strictObject({ action: z.literal('close'), note: noteSchema }),
  z.strictObject({
    action: z.literal('withdraw'),
    reason: reasonSchema.describe('Why the filing is withdrawn'),
  }),
  z.strictObject({
    action: z.literal('terminate'),
    reason: reasonSchema.describe('Why the case ends (终结)'),
  }),
] as const;

/** Body of `POST /api/v1/enforcement/cases/:id/actions`. */
export const penaltyCaseActionSchema = z
  .discriminatedUnion('action', actions)
  .describe('One step of a penalty case');

export type PenaltyCaseAction = z.output<typeof penaltyCaseActionSchema>;
export type PenaltyCaseFileInput = z.output<typeof penaltyCaseFileSchema>;
