import { z } from 'zod';
import { gb6441AccidentTypeCodes } from '../../emergency/accidents/accident-types.ts';
import { rmbYuanSchema } from '../../money/rmb-amount.ts';
import { YUXI_BOUNDS } from '../../registry/enterprise.schema.ts';
import { recordLabelSchema } from '../../auth/security-labels.ts';
import {
  hiddenHazardActions,
  hiddenHazardActorKinds,
  hiddenHazardEscalationStates,
  hiddenHazardLevels,
  hiddenHazardSources,
  hiddenHazardStatuses,
  hiddenHazardSupervisionLevels,
  hiddenHazardSupervisionSteps,
} from './hidden-hazard-terms.ts';
import { isoDate, isoInstant } from '../../common/dates.schema.ts';

/*
 * Requests and answers of /api/v1/hazards. Deadlines are calendar dates (YYYY-MM-DD) in China
 * Standard Time: a hazard due on 2025-03-31 is overdue from 2025-04-01 00:00 +08:00.
 */

export const hiddenHazardSourceSchema = z
  .enum(hiddenHazardSources)
  .describe(
    'Source: self_check 企业自查, inspection 监督检查, public_report 群众举报, sensor_alarm 监测报警, insurer_service 保险机构事故预防服务',
  );

export const hiddenHazardLevelSchema = z
  .enum(hiddenHazardLevels)
  .describe('general 一般事故隐患, major 重大事故隐患');

export const hiddenHazardStatusSchema = z
  .enum(hiddenHazardStatuses)
  .describe(
    'reported 已登记 (awaiting a plan), rectifying 整改中, pending_acceptance 待验收, ' +
      'closed 已闭环 (accepted, 销号), dismissed 核查不属实',
  );

export const hiddenHazardActorKindSchema = z
  .enum(hiddenHazardActorKinds)
  .describe('enterprise 企业, county 县级应急管理部门, city 市级应急管理部门, inspector 执法检查人员');

export const hiddenHazardSupervisionLevelSchema = z
  .enum(hiddenHazardSupervisionLevels)
  .describe('Level of the department that listed the hazard for supervision (挂牌督办)');

/**
 * Category = the accident type the hazard could lead to, GB 6441-1986 codes 01–20 (standards.md
 * §3.5). GB 6441-2025 (in force 2026-07-01) will be a second code list once its types are settled.
 */
export const hiddenHazardCategorySchema = z
  .enum(gb6441AccidentTypeCodes)
  .describe(
    'Accident type the hazard could cause (GB 6441-1986): 01 物体打击 … 08 火灾 … 19 中毒和窒息, 20 其他伤害',
  );

export const hiddenHazardDeadlineSchema = z.iso
  .date()
  .describe('Rectification deadline (整改期限), a date in China Standard Time; overdue from the next day');

const uploadIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'an upload id')
  .describe('Opaque id of an uploaded file');

const criterionCodeSchema = z
  .string()
  .trim()
  .regex(/^[a-z]+(-[a-z0-9]+)+$/, 'a criterion code such as hc-01')
  .describe('Code of a statutory criterion, e.g. hc-01, fw-20, gm-dust-03, mine-tsf-07');

const reasonSchema = z.string().trim().min(2).max(1000);
const textSchema = z.string().trim().min(1).max(2000);

const lonLatTupleSchema = z
  .tuple([
    z.number().min(YUXI_BOUNDS.minLon).max(YUXI_BOUNDS.maxLon).describe('Longitude'),
    z.number().min(YUXI_BOUNDS.minLat).max(YUXI_BOUNDS.maxLat).describe('Latitude'),
  ])
  .describe('[lon, lat] WGS-84 / CGCS2000, inside Yuxi');

export const hiddenHazardLocationSchema = z
  .object({
    text: z.string().trim().min(2).max(200).describe('Where in the enterprise, e.g. 二车间东侧储罐区'),
    lonLat: lonLatTupleSchema.optional(),
  })
  .strict();

/** Body of `POST /api/v1/hazards`. */
export const hiddenHazardReportSchema = z
  .object({
    enterpriseId: z.uuid().describe('The enterprise where the hazard is'),
    source: hiddenHazardSourceSchema,
    sourceRef: z
      .string()
      .max(64)
      .optional()
      .describe('Id of the inspection, public report or alarm the hazard came from'),
    location: hiddenHazardLocationSchema,
    description: z.string().trim().min(5).max(4000).describe('What is wrong (隐患描述)'),
    category: hiddenHazardCategorySchema,
    tickedCriteria: z
      .array(criterionCodeSchema)
      .max(100)
      .default([])
      .describe('Statutory major-hazard criteria that apply; any one makes the hazard 重大'),
    majorJudgement: reasonSchema
      .optional()
      .describe(
        'Reason to classify as 重大 without a ticked criterion (great harm or difficulty, external causes)',
      ),
    photos: z.array(uploadIdSchema).max(20).default([]).describe('Photos of the hazard'),
    deadline: hiddenHazardDeadlineSchema
      .optional()
      .describe('Deadline already set by a rectification notice (限期整改通知), if any'),
    linkedPointIds: z
      .array(z.uuid())
      .max(50)
      .default([])
      .describe('Monitoring points this hazard concerns; acceptance waits until they are normal'),
    securityLabel: recordLabelSchema
      .optional()
      .describe('Security label (密级); 内部 when not given, never above the reporter’s clearance'),
  })
  .strict()
  .describe('A hidden hazard (事故隐患) as reported');

export const hiddenHazardPlanSchema = z
  .object({
    responsiblePerson: z.string().trim().min(1).max(64).describe('Person responsible (责任人)'),
    responsibleOrganisation: z
      .string()
      .trim()
      .min(1)
      .max(128)
      .optional()
      .describe('Responsible unit (负责机构)'),
    measures: textSchema.optional().describe('Methods and measures (措施)'),
    funds: z
      .object({
        amountYuan: rmbYuanSchema,
        source: z.string().trim().max(200).optional().describe('Where the money comes from'),
      })
      .strict()
      .optional()
      .describe('Funds and materials (资金)'),
    deadline: hiddenHazardDeadlineSchema,
    contingencyPlan: textSchema
      .optional()
      .describe('Safety measures and emergency plan during treatment (预案)'),
    objectives: textSchema.optional().describe('Objectives and tasks (目标和任务)'),
    productionSuspension: z
      .enum(['none', 'partial', 'full'])
      .optional()
      .describe('Production stopped during treatment: none, partial (局部停产) or full (全部停产)'),
  })
  .strict()
  .describe('Rectification plan; for 重大 the treatment plan (治理方案) with the 五落实');

const action = <T extends (typeof hiddenHazardActions)[number]>(name: T) => z.literal(name);

export const hiddenHazardSubmitPlanActionSchema = z
  .object({ action: action('submit_plan'), plan: hiddenHazardPlanSchema, note: reasonSchema.optional() })
  .strict()
  .describe('制定整改方案: reported → rectifying (enterprise)');

export const hiddenHazardListSupervisionActionSchema = z
  .object({
    action: action('list_supervision'),
    documentNo: z.string().trim().max(64).optional().describe('督办文号'),
    notice: z.string().trim().min(2).max(4000).optional().describe('Text of the listing notice (督办通知)'),
    supervisingUnit: z.string().trim().min(2).max(128).optional().describe('Supervising unit (督办单位)'),
    deadline: hiddenHazardDeadlineSchema
      .optional()
      .describe('Deadline of the supervision (督办期限); drives its own escalation ladder'),
    note: reasonSchema.optional(),
  })
  .strict()
  .describe('挂牌督办 of a 重大 hazard at the actor’s level (county or city department)');

export const hiddenHazardRequestExtensionActionSchema = z
  .object({
    action: action('request_extension'),
    deadline: hiddenHazardDeadlineSchema.describe('The deadline asked for, later than the current one'),
    reason: reasonSchema.describe('Why the rectification cannot be finished in time'),
  })
  .strict()
  .describe('申请延期 while rectifying (enterprise)');

export const hiddenHazardDecideExtensionActionSchema = z
  .object({
    action: action('decide_extension'),
    approve: z.boolean().describe('true grants the requested deadline'),
    reason: reasonSchema.optional().describe('Required when refusing'),
  })
  .strict()
  .describe('延期审批 by the party that accepts the rectification');

export const hiddenHazardReportProgressActionSchema = z
  .object({
    action: action('report_progress'),
    progress: z.string().trim().min(2).max(4000).describe('What has been done so far (整改进展)'),
    percent: z.int().min(0).max(100).optional().describe('Share of the work done, 0–100'),
    temporaryMeasures: z
      .string()
      .trim()
      .min(2)
      .max(2000)
      .optional()
      .describe('Temporary control measures in force until the rectification is done (临时管控措施)'),
    photos: z.array(uploadIdSchema).max(20).default([]).describe('Photos of the work in progress'),
  })
  .strict()
  .describe('整改进展: rectifying → rectifying, recorded on the timeline (enterprise)');

export const hiddenHazardSubmitRectificationActionSchema = z
  .object({
    action: action('submit_rectification'),
    description: z.string().trim().min(2).max(4000).describe('What was done'),
    photos: z.array(uploadIdSchema).max(20).default([]).describe('Photos after rectification'),
    documents: z.array(uploadIdSchema).max(20).default([]).describe('Supporting documents'),
    evaluationReport: uploadIdSchema
      .optional()
      .describe('Evaluation of the treatment by experts or a safety evaluation agency (required for 重大)'),
  })
  .strict()
  .describe('整改完成，申请验收（重大：申请销号）: rectifying → pending_acceptance (enterprise)');

export const hiddenHazardAcceptActionSchema = z
  .object({ action: action('accept'), opinion: reasonSchema.optional().describe('验收意见') })
  .strict()
  .describe('验收通过 / 销号: pending_acceptance → closed');

export const hiddenHazardRejectActionSchema = z
  .object({
    action: action('reject'),
    reason: reasonSchema.describe('Why the rectification is not accepted'),
    deadline: hiddenHazardDeadlineSchema.optional().describe('New deadline for the further rectification'),
  })
  .strict()
  .describe('验收不通过: pending_acceptance → rectifying');

export const hiddenHazardDismissActionSchema = z
  .object({ action: action('dismiss'), reason: reasonSchema.describe('What the check found') })
  .strict()
  .describe('核查不属实: reported → dismissed (government)');

export const hiddenHazardReclassifyActionSchema = z
  .object({
    action: action('reclassify'),
    tickedCriteria: z.array(criterionCodeSchema).max(100).default([]),
    majorJudgement: reasonSchema.optional(),
  })
  .strict()
  .describe('Raise a 一般 hazard to 重大; it goes back to reported for a full treatment plan');

/** Body of `POST /api/v1/hazards/:id/actions`. */
export const hiddenHazardActionSchema = z
  .discriminatedUnion('action', [
    hiddenHazardSubmitPlanActionSchema,
    hiddenHazardListSupervisionActionSchema,
    hiddenHazardRequestExtensionActionSchema,
    hiddenHazardDecideExtensionActionSchema,
    hiddenHazardReportProgressActionSchema,
    hiddenHazardSubmitRectificationActionSchema,
    hiddenHazardAcceptActionSchema,
    hiddenHazardRejectActionSchema,
    hiddenHazardDismissActionSchema,
    hiddenHazardReclassifyActionSchema,
  ])
  .describe('One step of the hidden-hazard closed loop');

const instant = isoInstant();

export const hiddenHazardCriterionSchema = z.object({
  code: z.string(),
  text: z.string().describe('The criterion text when it was applied'),
  list: z.string().describe('Criteria list id, e.g. hazchem-2017'),
  listVersion: z.string(),
});

export const hiddenHazardTimelineEntrySchema = z.object({
  at: instant,
  actorId: z.string().describe('User id of the actor'),
  actorKind: z
    .union([hiddenHazardActorKindSchema, z.literal('system')])
    .describe('system: the escalation ladder'),
  action: z.enum([...hiddenHazardActions, ...hiddenHazardSupervisionSteps, 'report', 'escalate']),
  from: hiddenHazardStatusSchema.nullable().describe('null for the report itself'),
  to: hiddenHazardStatusSchema,
  note: z.string().optional(),
  step: z
    .enum(['reminder', 'warning', 'notice', 'interview'])
    .optional()
    .describe('escalate only: 提醒, 警示, 通报 or 约谈'),
  subject: z
    .enum(['deadline', 'supervision'])
    .optional()
    .describe('escalate only: the rectification deadline or the 挂牌督办 deadline'),
});

export const hiddenHazardEscalationStateSchema = z
  .enum(hiddenHazardEscalationStates)
  .describe('Deadline state: on_time, due_soon (临期), overdue (逾期), escalated to the county or the city');

/** A hazard as the API answers it. */
export const hiddenHazardResponseSchema = z
  .object({
    id: z.uuid(),
    enterpriseId: z.uuid(),
    source: hiddenHazardSourceSchema,
    sourceRef: z.string().optional(),
    location: hiddenHazardLocationSchema,
    description: z.string(),
    category: hiddenHazardCategorySchema,
    photos: z.array(z.string()),
    securityLabel: recordLabelSchema,
    level: hiddenHazardLevelSchema,
    criteria: z.array(hiddenHazardCriterionSchema).describe('Statutory criteria that made it 重大'),
    majorJudgement: z.string().optional(),
    status: hiddenHazardStatusSchema,
    deadline: isoDate().optional(),
    plan: hiddenHazardPlanSchema.extend({ submittedAt: instant }).optional(),
    supervision: z
      .object({
        level: hiddenHazardSupervisionLevelSchema,
        listedAt: instant,
        listedBy: z.string(),
        documentNo: z.string().optional(),
        notice: z.string().optional().describe('督办通知'),
        supervisingUnit: z.string().optional().describe('督办单位'),
        deadline: isoDate().optional().describe('督办期限'),
        reviews: z
          .array(z.object({ at: instant, by: z.string(), opinion: z.string(), onSite: z.boolean() }))
          .default([])
          .describe('督办检查, oldest first'),
        closedAt: instant.optional().describe('核销 (摘牌)'),
        closedBy: z.string().optional(),
        closingOpinion: z.string().optional(),
        closingDocumentNo: z.string().optional(),
      })
      .optional()
      .describe('挂牌督办'),
    extensionRequest: z
      .object({ deadline: isoDate(), reason: z.string(), requestedAt: instant, requestedBy: z.string() })
      .optional()
      .describe('Extension request waiting for a decision'),
    extensions: z
      .array(z.object({ from: isoDate(), to: isoDate(), approvedAt: instant, approvedBy: z.string() }))
      .describe('Granted extensions'),
    progressReports: z
      .array(
        z.object({
          at: instant,
          by: z.string(),
          progress: z.string(),
          percent: z.int().min(0).max(100).optional(),
          temporaryMeasures: z.string().optional().describe('临时管控措施'),
          photos: z.array(z.string()),
        }),
      )
      .default([])
      .describe('整改进展 reported while rectifying, oldest first'),
    rectification: z
      .object({
        description: z.string(),
        photos: z.array(z.string()),
        documents: z.array(z.string()),
        evaluationReport: z.string().optional(),
        submittedAt: instant,
      })
      .optional(),
    rejectionCount: z.int().min(0).describe('How often acceptance was refused'),
    reportedAt: instant,
    closedAt: instant.optional(),
    escalation: hiddenHazardEscalationStateSchema,
    linkedPointIds: z.array(z.uuid()).default([]).describe('Monitoring points linked to the hazard'),
    timeline: z.array(hiddenHazardTimelineEntrySchema).describe('Every transition, oldest first'),
    allowedActions: z
      .array(z.enum([...hiddenHazardActions, ...hiddenHazardSupervisionSteps]))
      .optional()
      .describe('The steps the caller can take now (the server decides; pages show only these)'),
  })
  .describe('A hidden hazard (事故隐患) and its closed loop');

export type HiddenHazardReportInput = z.infer<typeof hiddenHazardReportSchema>;
export type HiddenHazardPlanInput = z.infer<typeof hiddenHazardPlanSchema>;
export type HiddenHazardAction = z.infer<typeof hiddenHazardActionSchema>;
export type HiddenHazardResponse = z.infer<typeof hiddenHazardResponseSchema>;

const countsSchema = z.object({
  general: z.int().min(0).describe('一般事故隐患'),
  major: z.int().min(0).describe('重大事故隐患'),
  total: z.int().min(0),
});

/** Answer of `GET /api/v1/hazards/statistics`. */
export const hiddenHazardStatisticsSchema = z
  .object({
    total: countsSchema,
    byStatus: z.object(
      Object.fromEntries(hiddenHazardStatuses.map((status) => [status, countsSchema])) as Record<
        (typeof hiddenHazardStatuses)[number],
        typeof countsSchema
      >,
    ),
    open: countsSchema.describe('Reported, rectifying or awaiting acceptance'),
    byEscalation: z
      .object(
        Object.fromEntries(hiddenHazardEscalationStates.map((state) => [state, countsSchema])) as Record<
          (typeof hiddenHazardEscalationStates)[number],
          typeof countsSchema
        >,
      )
      .describe('Open hazards by deadline state'),
  })
  .describe('Hidden hazards counted by status, level and deadline state');

export type HiddenHazardStatisticsResponse = z.infer<typeof hiddenHazardStatisticsSchema>;
