import { z } from 'zod';
import { isoInstant } from '../../common/dates.schema.ts';
import { incidentZoneSetSchema } from '../incident-zones.ts';
import { teamReportedStatuses, teamTaskStatuses } from './team-task-status.ts';

/** A phone's position: WGS-84 degrees, accuracy in metres when the browser gives it. */
export const teamPositionSchema = z
  .object({
    lon: z.number().min(-180).max(180),
    lat: z.number().min(-90).max(90),
    accuracyM: z.number().min(0).max(100_000).optional(),
  })
  .strict();
export type TeamPosition = z.infer<typeof teamPositionSchema>;

/**
 * One operation a phone queued, with the id the phone gave it: the server stores each id once, so
 * a queue sent again after a lost answer changes nothing the second time.
 */
export const teamOperationSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('status'),
      id: z.uuid(),
      at: isoInstant(),
      status: z.enum(teamReportedStatuses),
      position: teamPositionSchema.optional(),
    })
    .strict(),
  z
    .object({ kind: z.literal('position'), id: z.uuid(), at: isoInstant(), position: teamPositionSchema })
    .strict(),
  z
    .object({
      kind: z.literal('report'),
      id: z.uuid(),
      at: isoInstant(),
      note: z.string().trim().min(1).max(2000),
      photoIds: z.array(z.uuid()).max(9).default([]),
      position: teamPositionSchema.optional(),
    })
    .strict(),
]);
export type TeamOperation = z.infer<typeof teamOperationSchema>;

/** The track alone (machine data at high volume, not audited per request): position operations only. */
export const teamPositionsSchema = z
  .object({
    operations: z
      .array(
        z
          .object({
            kind: z.literal('position'),
            id: z.uuid(),
            at: isoInstant(),
            position: teamPositionSchema,
          })
          .strict(),
      )
      .min(1)
      .max(200),
  })
  .strict();

export const teamSyncSchema = z.object({ operations: z.array(teamOperationSchema).min(1).max(200) }).strict();
export type TeamSyncInput = z.input<typeof teamSyncSchema>;

export const teamSyncResultSchema = z.object({
  /** Operations stored now. */
  stored: z.array(z.uuid()),
  /** Operations the server already had (sent before): nothing changed. */
  duplicates: z.array(z.uuid()),
  status: z.enum(teamTaskStatuses),
});

const positionOut = z.object({ lon: z.number(), lat: z.number(), at: isoInstant() });

/** A dispatch as the team's phone sees it. */
export const teamTaskSchema = z.object({
  id: z.uuid(),
  incidentId: z.uuid(),
  teamId: z.uuid(),
  teamName: z.string(),
  status: z.enum(teamTaskStatuses),
  note: z.string().nullable(),
  dispatchedAt: isoInstant(),
  updatedAt: isoInstant(),
  incident: z.object({
    location: z.string(),
    county: z.string(),
    accidentType: z.string(),
    occurredAt: isoInstant(),
    position: z.object({ lon: z.number(), lat: z.number() }).nullable(),
    status: z.enum(['open', 'closed']),
    description: z.string(),
  }),
  lastPosition: positionOut.nullable(),
});
export type TeamTask = z.infer<typeof teamTaskSchema>;

export const teamTaskDetailSchema = teamTaskSchema.extend({
  /** The command's instructions and recorded consequence zones: the incident's notes, newest first. */
  instructions: z.array(z.object({ at: isoInstant(), actor: z.string(), text: z.string() })),
  /** The latest consequence zones the command recorded for the incident; null when none. */
  zones: incidentZoneSetSchema.nullable(),
  steps: z.array(
    z.object({
      status: z.enum(teamTaskStatuses),
      at: isoInstant(),
      actor: z.string(),
      position: positionOut.nullable(),
    }),
  ),
  reports: z.array(
    z.object({
      id: z.uuid(),
      at: isoInstant(),
      actor: z.string(),
      note: z.string(),
      photoIds: z.array(z.uuid()),
      position: positionOut.nullable(),
    }),
  ),
  track: z.array(positionOut),
});
export type TeamTaskDetail = z.infer<typeof teamTaskDetailSchema>;

/** The command page's view of the teams on an incident: each task's status and track. */
export const incidentTeamsSchema = z.object({
  teams: z.array(
    z.object({
      taskId: z.uuid(),
      teamId: z.uuid(),
      teamName: z.string(),
      status: z.enum(teamTaskStatuses),
      updatedAt: isoInstant(),
      track: z.array(positionOut),
      reports: z.number().int(),
    }),
  ),
});
export type IncidentTeams = z.infer<typeof incidentTeamsSchema>;

/** What the command stream sends: a task moved or changed status (positions inline, nothing else). */
export interface TeamStreamMessage {
  readonly taskId: string;
  readonly teamId: string;
  readonly status: (typeof teamTaskStatuses)[number];
  readonly position: { lon: number; lat: number; at: string } | null;
  /** Epoch ms when the server received the position (the benchmark measures receipt → browser). */
  readonly receivedAt: number;
}

/** What the command stream sends when a dispatch's push was tried (event: push): re-read its tags. */
export interface TeamPushMessage {
  readonly taskId: string;
  readonly status: 'delivered' | 'retrying' | 'failed';
}

/** The team's members (账号关联): which accounts see the team's dispatches on their phone. */
export const teamMembersSchema = z
  .object({
    members: z
      .array(
        z
          .object({
            userId: z.uuid(),
            leader: z.boolean(),
            email: z
              .email()
              .max(254)
              .nullable()
              .optional()
              .describe('Where the dispatch push is e-mailed (omitted: the stored one is kept)'),
          })
          .strict(),
      )
      .max(200)
      .refine((list) => new Set(list.map((m) => m.userId)).size === list.length),
  })
  .strict();
export type TeamMembersInput = z.infer<typeof teamMembersSchema>;

export const teamMembersOutSchema = z.object({
  members: z.array(
    z.object({
      userId: z.uuid(),
      name: z.string(),
      leader: z.boolean(),
      phone: z
        .string()
        .nullable()
        .describe('Masked (138****1234) unless the caller may see personal information'),
      email: z.string().nullable().describe('Where the dispatch push is e-mailed'),
    }),
  ),
});
