import { z } from 'zod';
import { pageQuerySchema } from '../common/pagination.schema.ts';
import { isoInstant } from '../common/dates.schema.ts';

export const auditOutcomeSchema = z.enum(['success', 'failure', 'denied']);

export const auditEntrySchema = z.object({
  seq: z.number().int().describe('Position in the chain, from 1'),
  at: isoInstant(),
  actorId: z.uuid().nullable(),
  actorName: z.string().describe('Username, or the name tried in a failed login'),
  roles: z.array(z.string()),
  scope: z.string().describe('Data scope of the actor, e.g. city or county:530403'),
  action: z.string().describe('e.g. auth.login, user.create'),
  target: z.string().nullable(),
  targetLabel: z
    .string()
    .nullable()
    .describe('The target in words (an enterprise’s or a user’s name), when it names a known record'),
  ip: z.string(),
  outcome: auditOutcomeSchema,
  status: z.number().int().describe('HTTP status of the answer'),
  detail: z.string().nullable(),
  hash: z.string().describe('SM3 over this entry and the previous hash (hex)'),
});

export const auditListQuerySchema = pageQuerySchema.extend({
  actor: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  actorId: z.uuid().optional().describe('Only what this user did'),
  outcome: auditOutcomeSchema.optional(),
  from: isoInstant().optional(),
  to: isoInstant().optional(),
});

/** Somebody who appears in the log, for the filter's user picker (三员分立: from the log itself). */
export const auditActorSchema = z.object({ actorId: z.uuid(), actorName: z.string() });

export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditActor = z.infer<typeof auditActorSchema>;
export type AuditOutcome = z.infer<typeof auditOutcomeSchema>;
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;
