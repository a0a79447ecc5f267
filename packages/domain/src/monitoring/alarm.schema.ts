import { z } from 'zod';
import { alarmEscalationStates } from './alarm-escalation.ts';
import { alarmRuleIdSchema, alarmRuleKinds } from './alarm-rule.schema.ts';
import { alarmRuleStatuses, alarmTransitionReasons } from './alarm-state.ts';
import { monitoringPointCodeSchema, warningColourSchema } from './monitoring-point.schema.ts';
import { alarmActorKinds, alarmThresholdLevels } from './monitoring-terms.ts';
import { isoInstant } from '../common/dates.schema.ts';

/*
 * Requests and answers of /api/v1/alarms. The lifecycle (alarm-lifecycle.ts):
 * pending 待确认中 → firing 报警中 → acknowledged 已确认 → handling 处置中 → cleared 已消警 → closed 已关闭.
 */

export const alarmStatuses = ['pending', 'firing', 'acknowledged', 'handling', 'cleared', 'closed'] as const;
export type AlarmStatus = (typeof alarmStatuses)[number];

export const alarmStatusNames: Readonly<Record<AlarmStatus, { readonly zh: string; readonly en: string }>> = {
  pending: { zh: '待定（持续计时中）', en: 'Pending (duration running)' },
  firing: { zh: '报警中（待响应）', en: 'Firing (awaiting response)' },
  acknowledged: { zh: '已确认', en: 'Acknowledged' },
  handling: { zh: '处置中', en: 'Being handled' },
  cleared: { zh: '已消警', en: 'Cleared' },
  closed: { zh: '已关闭', en: 'Closed' },
};

export const alarmStatusSchema = z
  .enum(alarmStatuses)
  .describe(
    'pending 待定, firing 报警中, acknowledged 已确认, handling 处置中, cleared 已消警, closed 已关闭',
  );

export const alarmActorKindSchema = z
  .enum(alarmActorKinds)
  .describe('enterprise 企业, county 县级应急管理部门, city 市级应急管理部门, system 系统');

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const alarmDisposalSchema = z
  .object({
    cause: text(2, 1000).describe('Cause found (报警原因), e.g. 仪表故障, 工艺波动, 真实泄漏'),
    measures: text(2, 2000).describe('Measures taken (处置措施)'),
  })
  .strict()
  .describe('Disposal feedback (处置反馈), required before closing an alarm that fired');

export const acknowledgeAlarmActionSchema = z
  .object({ action: z.literal('acknowledge'), note: text(1, 1000).optional() })
  .strict()
  .describe('确认: firing → acknowledged; the response that stops escalation');

export const handleAlarmActionSchema = z
  .object({
    action: z.literal('handle'),
    assignee: text(1, 64).describe('Person handling the alarm (处置人)'),
    notes: text(2, 2000).describe('What is being done (处置情况)'),
  })
  .strict()
  .describe('处置: acknowledged → handling, or a new assignee or notes while handling (enterprise)');

export const clearAlarmActionSchema = z
  .object({ action: z.literal('clear'), reason: text(2, 1000).describe('Why the alarm is cleared by hand') })
  .strict()
  .describe('消警 by hand: firing, acknowledged or handling → cleared; the reason is required');

export const closeAlarmActionSchema = z
  .object({
    action: z.literal('close'),
    disposal: alarmDisposalSchema.optional(),
    note: text(1, 1000).optional(),
  })
  .strict()
  .describe('关闭: cleared → closed, with the disposal feedback unless already given');

/** Body of `POST /api/v1/alarms/:id/actions`. */
export const alarmActionSchema = z
  .discriminatedUnion('action', [
    acknowledgeAlarmActionSchema,
    handleAlarmActionSchema,
    clearAlarmActionSchema,
    closeAlarmActionSchema,
  ])
  .describe('One step of the alarm lifecycle');

export type AlarmAction = z.infer<typeof alarmActionSchema>;
export type AlarmDisposal = z.infer<typeof alarmDisposalSchema>;

const instant = isoInstant();

export const alarmEscalationStateSchema = z
  .enum(alarmEscalationStates)
  .describe('Response clock: awaiting_response (待响应), escalated to the county or city, responded');

/** An alarm as the API answers it. */
export const alarmResponseSchema = z
  .object({
    id: z.uuid(),
    enterpriseId: z.uuid(),
    objectId: z.uuid().describe('Major hazard source or tailings pond'),
    point: monitoringPointCodeSchema,
    pointName: z.string(),
    ruleId: alarmRuleIdSchema,
    ruleVersion: z.int().min(1),
    kind: z.enum(alarmRuleKinds),
    level: z.enum(alarmThresholdLevels).nullable().describe('Threshold level; null for other kinds'),
    colour: warningColourSchema.nullable().describe('null: a device or operating alarm'),
    value: z.number().nullable().describe('The value that raised it'),
    unit: z.string(),
    status: alarmStatusSchema,
    evaluation: z.enum(alarmRuleStatuses).describe('Current state of the rule: normal, pending, firing'),
    raisedAt: instant,
    firedAt: instant.optional(),
    respondBy: instant.optional().describe('Response deadline; escalated after it'),
    escalation: alarmEscalationStateSchema,
    acknowledgedAt: instant.optional(),
    assignee: z.string().optional(),
    clearedAt: instant.optional(),
    clearedBy: z.enum(['auto', 'enterprise', 'county', 'city']).optional().describe('auto: normal again'),
    clearReason: z.string().optional(),
    disposal: alarmDisposalSchema.optional(),
    closedAt: instant.optional(),
    timeline: z
      .array(
        z.object({
          at: instant,
          actorKind: alarmActorKindSchema,
          actorId: z.string(),
          action: z
            .enum(['raise', 'fire', 'return_to_normal', 'acknowledge', 'handle', 'clear', 'close'])
            .describe('raise and fire, return_to_normal are the system’s; the rest people’s'),
          from: alarmStatusSchema.nullable().describe('null when the alarm was raised'),
          to: alarmStatusSchema,
          note: z.string().optional(),
          reason: z.enum(alarmTransitionReasons).optional().describe('Evaluator reason of a system step'),
        }),
      )
      .describe('Every step, oldest first'),
  })
  .describe('A monitoring alarm (报警) and its handling');

export type AlarmResponse = z.infer<typeof alarmResponseSchema>;
