import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { evaluateHazardEscalation } from './deadline-escalation.ts';
import {
  hiddenHazardActionSchema,
  hiddenHazardReportSchema,
  hiddenHazardResponseSchema,
  hiddenHazardStatisticsSchema,
} from './hidden-hazard.schema.ts';
import { city, evidence, fullPlan, majorPending, step } from './hidden-hazard.test-fixtures.ts';
import type { HiddenHazardState } from './hidden-hazard-state.ts';
import { summariseHiddenHazards } from './hidden-hazard-statistics.ts';

const report = {
  enterpriseId: '0b5f6c1e-2f4a-4c1d-9a7e-3f1b2c3d4e5f',
  source: 'inspection',
  location: { text: '二车间东侧液化烃储罐区', lonLat: [102.55, 24.35] },
  description: '3# 全压力式液化烃储罐未设置注水措施',
  category: '17',
  tickedCriteria: ['hc-06'],
  photos: ['photo-1'],
  deadline: '2025-03-31',
};

const paths = (result: { error?: z.ZodError }) => result.error?.issues.map((issue) => issue.path.join('.'));

describe('hidden-hazard report schema', () => {
  it('accepts a report and fills the defaults', () => {
    expect(
      hiddenHazardReportSchema.parse({ ...report, tickedCriteria: undefined, photos: undefined }),
    ).toMatchObject({
      tickedCriteria: [],
      photos: [],
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a point outside Yuxi', { location: { text: '厂区', lonLat: [116.4, 24.3] } }, 'location.lonLat.0'],
    ['a category outside GB 6441', { category: '21' }, 'category'],
    ['a malformed criterion code', { tickedCriteria: ['HC 06'] }, 'tickedCriteria.0'],
    ['a short description', { description: '漏' }, 'description'],
    ['a deadline that is not a date', { deadline: '2025-03-31T12:00:00Z' }, 'deadline'],
    ['an unknown source', { source: 'hotline' }, 'source'],
    ['a photo id with a path', { photos: ['../etc/passwd'] }, 'photos.0'],
  ])('rejects %s', (_, change, path) => {
    expect(paths(hiddenHazardReportSchema.safeParse({ ...report, ...change }))).toEqual([path]);
  });

  it('rejects unknown fields', () => {
    expect(hiddenHazardReportSchema.safeParse({ ...report, level: 'general' }).error?.issues[0]?.code).toBe(
      'unrecognized_keys',
    );
  });
});

describe('workflow action schema', () => {
  it.each([
    { action: 'submit_plan', plan: fullPlan },
    { action: 'list_supervision', documentNo: '玉应急督〔2025〕3号' },
    { action: 'request_extension', deadline: '2025-05-31', reason: '设备到货延迟' },
    { action: 'decide_extension', approve: false, reason: '理由不充分' },
    { ...evidence },
    { action: 'accept' },
    { action: 'reject', reason: '未联调', deadline: '2025-05-15' },
    { action: 'dismiss', reason: '举报不属实' },
    { action: 'reclassify', tickedCriteria: ['gm-dust-07'] },
  ])('accepts $action', (body) => {
    expect(hiddenHazardActionSchema.parse(body)).toMatchObject(body);
  });

  it.each<[Record<string, unknown>, string]>([
    [{ action: 'close' }, 'action'],
    [{ action: 'reject' }, 'reason'],
    [
      { action: 'submit_plan', plan: { ...fullPlan, funds: { amountYuan: '1,000' } } },
      'plan.funds.amountYuan',
    ],
    [{ action: 'submit_plan', plan: { deadline: '2025-04-30' } }, 'plan.responsiblePerson'],
    [{ action: 'submit_rectification', description: '已整改', photos: Array(21).fill('p') }, 'photos'],
  ])('rejects %j at %s', (body, path) => {
    expect(paths(hiddenHazardActionSchema.safeParse(body))).toEqual([path]);
  });
});

/** How a service would answer: the record fields around the workflow state, instants as ISO text. */
function toResponse(state: HiddenHazardState, now: Date) {
  const iso = (date: Date) => date.toISOString();
  return {
    id: '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    enterpriseId: report.enterpriseId,
    source: state.source,
    location: report.location,
    description: report.description,
    category: report.category,
    photos: report.photos,
    level: state.level,
    criteria: state.criteria,
    status: state.status,
    deadline: state.deadline,
    plan: state.plan && { ...state.plan, submittedAt: iso(state.plan.submittedAt) },
    supervision: state.supervision && { ...state.supervision, listedAt: iso(state.supervision.listedAt) },
    extensions: state.extensions.map((extension) => ({
      ...extension,
      approvedAt: iso(extension.approvedAt),
    })),
    rectification: state.rectification && {
      ...state.rectification,
      submittedAt: iso(state.rectification.submittedAt),
    },
    rejectionCount: state.rejectionCount,
    reportedAt: iso(state.reportedAt),
    securityLabel: 'internal' as const,
    escalation: evaluateHazardEscalation({ ...state, supervisionLevel: state.supervision?.level }, now).state,
    timeline: state.timeline.map((entry) => ({ ...entry, at: iso(entry.at) })),
  };
}

describe('hidden-hazard response schema', () => {
  it('describes a hazard as the workflow leaves it', () => {
    const listed = step(
      majorPending,
      { action: 'list_supervision', documentNo: '玉应急督〔2025〕3号' },
      city,
    );
    const result = hiddenHazardResponseSchema.safeParse(toResponse(listed, new Date('2025-03-02T00:00:00Z')));
    expect(result.error).toBeUndefined();
  });

  it('documents its fields for the OpenAPI document', () => {
    const json = z.toJSONSchema(hiddenHazardResponseSchema) as {
      properties: Record<string, { description?: string }>;
    };
    expect(json.properties.status?.description).toContain('pending_acceptance 待验收');
    expect(json.properties.supervision?.description).toBe('挂牌督办');
    const request = z.toJSONSchema(hiddenHazardReportSchema, { io: 'input' }) as {
      properties: Record<string, { description?: string }>;
    };
    expect(request.properties.category?.description).toContain('GB 6441-1986');
    expect(request.properties.tickedCriteria?.description).toContain('重大');
    expect(() => z.toJSONSchema(hiddenHazardActionSchema, { io: 'input' })).not.toThrow();
  });

  it('fits the statistics answer', () => {
    const statistics = summariseHiddenHazards([
      { status: 'rectifying', level: 'major', escalation: 'overdue' },
    ]);
    expect(hiddenHazardStatisticsSchema.safeParse(statistics).success).toBe(true);
  });
});
