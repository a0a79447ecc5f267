import { z } from 'zod';
import { isoDate } from '../common/dates.schema.ts';
import { organisationKinds } from './organisations.ts';
import { planEscalationSteps } from './milestone-escalation.ts';
import { assessmentGrades } from './assessment-ranking.ts';
import { accidentLevels } from '../emergency/accidents/accident-level.ts';
import { planFigureCodeSchema, planFigureSchema } from './plan-figures.ts';

/** Plan work (规划实施): organisations, tasks assigned with milestones, progress, assessments, campaigns. */
const text = (max: number) => z.string().trim().min(1).max(max);
const note = z.string().trim().max(2000);

export const organisationSchema = z.object({
  id: z.string(),
  code: z.string(),
  parentId: z.string().nullable(),
  kind: z.enum(organisationKinds),
  name: z.string(),
  divisionCode: z.string(),
  sectors: z.array(z.string()),
  memberCount: z.number().int(),
});

export const organisationMembersSchema = z
  .object({ userIds: z.array(z.uuid()).max(200).describe('Accounts that work for this unit') })
  .strict();

export const planTaskSchema = z.object({
  id: z.string(),
  code: z.string(),
  chapterNo: z.number().int(),
  kind: z.enum(['task', 'project']),
  title: z.string(),
  lead: z.string().nullable().describe('Lead unit name'),
  participants: z.array(z.string()),
  assignments: z.number().int(),
  milestones: z
    .array(z.object({ year: z.number().int(), title: z.string() }))
    .describe('Yearly milestones the plan names (an imported plan)'),
});

export const planSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  builtin: z.boolean(),
  chapters: z.array(z.object({ no: z.number().int(), title: z.string() })),
  tasks: z.array(planTaskSchema),
  columns: z.array(
    z.object({
      no: z.number().int(),
      title: z.string(),
      taskCode: z.string().nullable(),
      items: z.array(z.string()),
    }),
  ),
  indicators: z.array(
    z.object({
      no: z.number().int(),
      name: z.string(),
      target: z.string(),
      nature: z.string(),
      indicatorCode: z.string(),
    }),
  ),
});

export const milestoneInputSchema = z
  .object({ title: text(200), deliverable: z.string().trim().max(500).default(''), dueDate: isoDate() })
  .strict();

export const assignmentCreateSchema = z
  .object({
    taskId: z.uuid(),
    organisationId: z.uuid(),
    deadline: isoDate(),
    note: note.default(''),
    milestones: z.array(milestoneInputSchema).max(30).default([]),
    figureCode: planFigureCodeSchema
      .nullable()
      .default(null)
      .describe('A figure Anjian measures whose current value the unit sees as suggested progress'),
  })
  .strict();

export const progressStatuses = ['on_track', 'at_risk', 'done'] as const;

export const progressReportSchema = z
  .object({
    percent: z.number().int().min(0).max(100),
    status: z.enum(progressStatuses),
    note: text(2000),
    evidence: z.array(z.uuid()).max(20).default([]).describe('Upload ids (uploads module)'),
    milestonesDone: z.array(z.uuid()).max(30).default([]).describe('Milestones this report finishes'),
  })
  .strict();

export const milestoneSchema = z.object({
  id: z.string(),
  title: z.string(),
  deliverable: z.string(),
  dueDate: z.string(),
  doneAt: z.string().nullable(),
  state: z.enum(['done', 'overdue', 'open']),
  escalation: z.enum(planEscalationSteps).nullable().describe('Highest step fired'),
});

export const progressSchema = z.object({
  id: z.string(),
  percent: z.number().int(),
  status: z.enum(progressStatuses),
  note: z.string(),
  evidence: z.array(z.string()),
  reportedBy: z.string(),
  reportedAt: z.string(),
});

export const assignmentSchema = z.object({
  id: z.string(),
  taskId: z.string(),
  taskCode: z.string(),
  taskTitle: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  deadline: z.string(),
  note: z.string(),
  percent: z.number().int(),
  status: z.enum(['open', 'at_risk', 'done']),
  overdueMilestones: z.number().int(),
  assignedAt: z.string(),
  figureCode: z.string().nullable(),
  demo: z.boolean(),
});

/** The figure a task is tied to, for the unit's area, and the progress it suggests. */
export const suggestedProgressSchema = z.object({
  figure: planFigureSchema.nullable().describe('null: the task is tied to no figure'),
  area: z.object({ zh: z.string(), en: z.string() }).describe('Where the figure is measured'),
  percent: z.number().int().nullable().describe('Suggested progress; null: the unit judges'),
});

export const assignmentDetailSchema = assignmentSchema.extend({
  milestones: z.array(milestoneSchema),
  progress: z.array(progressSchema),
  allowedActions: z.array(z.enum(['report'])),
});

export const assignmentQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
    q: z.string().trim().max(50).optional(),
    organisationId: z.uuid().optional(),
    overdue: z.enum(['true', 'false']).optional(),
    planId: z
      .uuid()
      .optional()
      .describe('Only the tasks of this plan (all plans when absent); an unknown plan answers 404'),
  })
  .strict();

export const escalationSchema = z.object({
  id: z.string(),
  milestoneId: z.string(),
  milestoneTitle: z.string(),
  dueDate: z.string(),
  assignmentId: z.string(),
  taskTitle: z.string(),
  organisationName: z.string(),
  step: z.enum(planEscalationSteps),
  firedAt: z.string(),
  notified: z.number().int(),
});

export const assessmentItemSchema = z
  .object({
    code: z.string().regex(/^[a-z0-9_]{1,32}$/),
    name: text(100),
    maxScore: z.number().positive().max(100),
  })
  .strict();

export const assessmentCreateSchema = z
  .object({
    year: z.number().int().min(2021).max(2100),
    name: text(100),
    items: z.array(assessmentItemSchema).min(1).max(30),
    organisationIds: z.array(z.uuid()).min(1).max(200),
  })
  .strict();

export const assessmentScoresSchema = z
  .object({
    organisationId: z.uuid(),
    scores: z.record(z.string(), z.number().min(0).max(100)),
    veto: z
      .string()
      .trim()
      .max(200)
      .nullable()
      .default(null)
      .describe('一票否决 reason, e.g. a 较大 accident'),
    comment: z.string().trim().max(2000).default(''),
  })
  .strict();

/** A veto the system set from the statistics (assessment-vetoes.ts). */
export const automaticVetoSchema = z.object({
  accidents: z.array(
    z.object({
      date: z.string(),
      county: z.string(),
      countyName: z.string(),
      location: z.string(),
      level: z.enum(accidentLevels),
    }),
  ),
  reason: z.object({ zh: z.string(), en: z.string() }),
});

export const vetoOverrideInputSchema = z
  .object({
    reason: z
      .string()
      .trim()
      .min(5)
      .max(1000)
      .describe('Why the automatic veto does not apply (written, kept with who and when, audited)'),
  })
  .strict();

export const rankedUnitSchema = z.object({
  organisationId: z.string(),
  organisationName: z.string(),
  total: z.number(),
  grade: z.enum(assessmentGrades),
  rank: z.number().int(),
  veto: z
    .string()
    .nullable()
    .describe('The veto that counts (the assessors’ own, else the automatic one not overridden)'),
  manualVeto: z.string().nullable().describe('The veto the assessors wrote when scoring'),
  autoVeto: automaticVetoSchema
    .nullable()
    .describe(
      'Set by the system from the statistics’ accident records; fixed when the results are published',
    ),
  vetoOverride: z
    .object({ reason: z.string(), by: z.string(), at: z.string() })
    .nullable()
    .describe('The assessors set the automatic veto aside, with a written reason'),
  scored: z.number().int(),
  comment: z.string(),
  scores: z.record(z.string(), z.number()),
});

export const assessmentSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  name: z.string(),
  items: z.array(z.object({ code: z.string(), name: z.string(), maxScore: z.number() })),
  units: z.array(rankedUnitSchema),
  demo: z.boolean(),
});

export const campaignCreateSchema = z
  .object({
    name: text(100),
    sector: z.string().trim().max(50).default(''),
    startDate: isoDate(),
    endDate: isoDate(),
    description: note.default(''),
  })
  .strict();

export const campaignObjectCreateSchema = z
  .object({ enterpriseId: z.uuid(), organisationId: z.uuid(), task: text(500) })
  .strict();

export const campaignObjectCloseSchema = z
  .object({ note: text(2000), evidence: z.array(z.uuid()).max(20).default([]) })
  .strict();

export const campaignObjectVerifySchema = z
  .object({ accept: z.boolean(), note: z.string().trim().max(2000).default('') })
  .strict();

export const campaignObjectStatuses = ['open', 'closed', 'verified'] as const;

export const campaignObjectSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  county: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  task: z.string(),
  status: z.enum(campaignObjectStatuses),
  closeNote: z.string().nullable(),
  evidence: z.array(z.string()),
  closedAt: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  verifyNote: z.string().nullable(),
  allowedActions: z.array(z.enum(['close', 'verify'])),
});

export const campaignSchema = z.object({
  id: z.string(),
  name: z.string(),
  sector: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  description: z.string(),
  objects: z.number().int(),
  verified: z.number().int(),
  demo: z.boolean(),
});

export const campaignDetailSchema = campaignSchema.extend({ items: z.array(campaignObjectSchema) });

export const evaluationQuerySchema = z
  .object({ kind: z.enum(['mid', 'final']).describe('Mid-term (2023) or final (2025) evaluation') })
  .strict();

export type AssignmentCreate = z.infer<typeof assignmentCreateSchema>;
export type ProgressReport = z.infer<typeof progressReportSchema>;
export type AssessmentCreate = z.infer<typeof assessmentCreateSchema>;
export type AssessmentScores = z.infer<typeof assessmentScoresSchema>;
export type VetoOverrideInput = z.infer<typeof vetoOverrideInputSchema>;
export type CampaignCreate = z.infer<typeof campaignCreateSchema>;
export type CampaignObjectCreate = z.infer<typeof campaignObjectCreateSchema>;
export type Plan = z.infer<typeof planSchema>;

/** Loading a bureau's own plan from the Excel template (规划导入): the plan's name and years. */
export const planImportQuerySchema = z
  .object({
    name: text(100).describe('The plan’s name, e.g. 某某市“十五五”安全生产规划'),
    startYear: z.coerce.number().int().min(2000).max(2100),
    endYear: z.coerce.number().int().min(2000).max(2100),
    validOnly: z.enum(['true', 'false']).default('false').describe('Import the valid rows and skip the rest'),
  })
  .strict()
  .refine((q) => q.endYear >= q.startYear && q.endYear - q.startYear <= 10, {
    message: 'endYear must lie within ten years after startYear',
    path: ['endYear'],
  });

export const planImportReportSchema = z.object({
  committed: z.boolean(),
  planId: z.string().nullable(),
  totalRows: z.number().int(),
  imported: z.number().int(),
  invalidRows: z.number().int(),
  importedColumns: z.number().int().describe('专栏 stored'),
  importedIndicators: z.number().int().describe('Indicators stored'),
  importedDeliverables: z.number().int().describe('Deliverables (成果) stored'),
  errors: z.array(
    z.object({
      sheet: z.string().describe('The sheet of the row: 规划任务, 章节, 专栏 or 规划指标'),
      row: z.number().int(),
      column: z.string(),
      message: z.string(),
    }),
  ),
});

export type PlanImportReport = z.infer<typeof planImportReportSchema>;

/** 督办函: the 安委办's supervision letter on an overdue assignment (or one of its milestones). */
export const supervisionLetterCreateSchema = z
  .object({
    milestoneId: z.uuid().nullable().default(null).describe('The overdue milestone, if the letter names one'),
    requirement: text(2000).describe('What the unit must do (督办事项)'),
    replyBy: isoDate().describe('Deadline for the unit’s written reply'),
  })
  .strict();

export const supervisionLetterReplySchema = z
  .object({
    reply: text(2000),
    evidence: z.array(z.uuid()).max(20).default([]).describe('Upload ids (uploads module)'),
  })
  .strict();

export const supervisionLetterStates = ['awaiting', 'overdue', 'replied'] as const;

export const supervisionLetterSchema = z.object({
  id: z.string(),
  assignmentId: z.string(),
  number: z.string().describe('e.g. 玉安委办督〔2026〕3号'),
  milestoneTitle: z.string().nullable(),
  requirement: z.string(),
  replyBy: z.string(),
  issuedBy: z.string(),
  issuedAt: z.string(),
  reply: z.string().nullable(),
  replyEvidence: z.array(z.string()),
  repliedBy: z.string().nullable(),
  repliedAt: z.string().nullable(),
  state: z.enum(supervisionLetterStates),
  demo: z.boolean(),
  organisationName: z.string(),
  taskCode: z.string(),
  taskTitle: z.string(),
});

export const supervisionLetterQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
    assignmentId: z.uuid().optional(),
  })
  .strict();

export type SupervisionLetterCreate = z.infer<typeof supervisionLetterCreateSchema>;
export type SupervisionLetterReply = z.infer<typeof supervisionLetterReplySchema>;
export type SupervisionLetter = z.infer<typeof supervisionLetterSchema>;
