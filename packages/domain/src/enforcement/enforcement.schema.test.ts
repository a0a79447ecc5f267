import { describe, expect, it } from 'vitest';
import { creditCandidateSchema, creditListingActionSchema } from './credit-list.schema.ts';
import { discretionTableSchema, penaltySuggestionQuerySchema } from './discretion.schema.ts';
import { defaultDiscretionTable } from './discretion-table.ts';
import { documentNumberRequestSchema, documentNumberSchema } from './document-number.schema.ts';
import { type DrawResult, runDraw, verifyDraw } from './draw.ts';
import type { DrawPublicRecord } from './draw-record.ts';
import {
  drawPublicRecordSchema,
  drawRequestSchema,
  drawResultSchema,
  drawVerificationRequestSchema,
} from './draw.schema.ts';
import { seedA, uniformRecord, weightedRecord } from './draw.test-fixtures.ts';
import { penaltyCaseActionSchema, penaltyCaseFileSchema } from './penalty-case.schema.ts';

const uuid = '0b0c7c58-7f0e-4a39-9d2a-2f1b6a0e9c11';

describe('draw schemas', () => {
  it('carry a record and result through JSON, and the parsed record still verifies', () => {
    for (const source of [uniformRecord(), weightedRecord()]) {
      const result = runDraw(source, seedA);
      const parsed = drawVerificationRequestSchema.parse(
        JSON.parse(JSON.stringify({ record: source, seed: seedA, commitment: result.commitment, result })),
      );
      const record: DrawPublicRecord = parsed.record;
      const published: DrawResult = parsed.result;
      expect(verifyDraw(record, parsed.seed, parsed.commitment, published)).toEqual({ ok: true });
    }
  });

  it('applies the defaults of a draw request', () => {
    expect(drawRequestSchema.parse({ title: '2026年第二季度抽查', enterpriseCount: 20 })).toEqual({
      title: '2026年第二季度抽查',
      mode: 'uniform',
      enterpriseCount: 20,
      inspectorsPerEnterprise: 2,
      exclusionPeriodDays: 365,
      pool: {},
    });
  });

  it.each<[string, unknown]>([
    ['one inspector per enterprise', { title: '抽查', enterpriseCount: 5, inspectorsPerEnterprise: 1 }],
    ['a county outside Yuxi', { title: '抽查', enterpriseCount: 5, pool: { countyCodes: ['530102'] } }],
    ['an unknown field', { title: '抽查', enterpriseCount: 5, seed: 'x' }],
  ])('refuses a draw request with %s', (_name, body) => {
    expect(drawRequestSchema.safeParse(body).success).toBe(false);
  });

  it('refuses a fractional weight or a short commitment', () => {
    const record = weightedRecord();
    expect(
      drawPublicRecordSchema.safeParse({ ...record, pool: [{ ...record.pool[0], weight: 1.5 }] }).success,
    ).toBe(false);
    const result = runDraw(uniformRecord(), seedA);
    expect(drawResultSchema.safeParse({ ...result, commitment: 'abc' }).success).toBe(false);
  });
});

describe('penalty case schemas', () => {
  it('parses each kind of step', () => {
    expect(
      penaltyCaseActionSchema.parse({ action: 'decide', outcome: 'no_penalty', reason: '违法事实不能成立' }),
    ).toEqual({
      action: 'decide',
      outcome: 'no_penalty',
      reason: '违法事实不能成立',
      creditGrounds: [],
    });
    expect(
      penaltyCaseActionSchema.parse({
        action: 'issue_notice',
        proposal: { kinds: ['fine'], fineYuan: '30000.00' },
        servedOn: '2026-03-16',
      }),
    ).toMatchObject({ proposal: { kinds: ['fine'], fineYuan: '30000.00' } });
  });

  it.each<[string, unknown]>([
    ['an unknown action', { action: 'appeal' }],
    ['an unknown field', { action: 'close', reason: 'x' }],
    [
      'a fine with three decimals',
      { action: 'issue_notice', proposal: { kinds: ['fine'], fineYuan: '1.005' }, servedOn: '2026-03-16' },
    ],
    ['an impossible date', { action: 'serve_decision', servedOn: '2026-02-30' }],
    ['a zero-day extension', { action: 'extend_decision_period', days: 0, reason: '鉴定' }],
  ])('refuses %s', (_name, body) => {
    expect(penaltyCaseActionSchema.safeParse(body).success).toBe(false);
  });

  it('files a case with the legal-review flag off by default', () => {
    expect(
      penaltyCaseFileSchema.parse({
        enterpriseId: uuid,
        partyKind: 'organisation',
        partyName: '玉溪某化工有限公司',
        summary: '未按规定开展培训',
      }).requiresLegalReview,
    ).toBe(false);
  });
});

describe('credit list, discretion and document-number schemas', () => {
  it('parses credit steps and candidates', () => {
    expect(creditListingActionSchema.parse({ action: 'decide_repair', approve: true })).toEqual({
      action: 'decide_repair',
      approve: true,
    });
    expect(
      creditCandidateSchema.safeParse({ enterpriseId: uuid, penaltyCaseId: uuid, grounds: [] }).success,
    ).toBe(false);
    expect(
      creditListingActionSchema.safeParse({ action: 'publish', publishedOn: '2026/04/10' }).success,
    ).toBe(false);
  });

  it('defaults the circumstances of a suggestion and refuses unknown ones', () => {
    expect(penaltySuggestionQuerySchema.parse({ violationCode: 'wsl-97-training' })).toEqual({
      violationCode: 'wsl-97-training',
      circumstances: [],
    });
    expect(
      penaltySuggestionQuerySchema.safeParse({ violationCode: 'x', circumstances: ['bribed'] }).success,
    ).toBe(false);
  });

  it('accepts the default discretion table', () => {
    expect(discretionTableSchema.parse(defaultDiscretionTable)).toEqual(defaultDiscretionTable);
  });

  it('checks document numbers and number requests', () => {
    expect(documentNumberSchema.safeParse('玉应急罚〔2026〕12号').success).toBe(true);
    expect(documentNumberSchema.safeParse('玉应急罚〔2026〕012号').success).toBe(false);
    expect(
      documentNumberRequestSchema.safeParse({ divisionCode: '530403', documentType: 'penalty_decision' })
        .success,
    ).toBe(true);
    expect(
      documentNumberRequestSchema.safeParse({ divisionCode: '530102', documentType: 'penalty_decision' })
        .success,
    ).toBe(false);
  });
});
