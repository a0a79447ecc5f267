import {
  DomainError,
  gradeEnterprise,
  type EnterpriseGradingInput,
  type EnterpriseGradingResult,
  type EnterpriseGradingSave,
  type StoredEnterpriseGrading,
} from '@anjian/domain';
import type { AuthContext } from '../../../platform/access.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import type { EnterpriseLookup } from '../../registry/index.ts';
import { createRiskGradingRepository, type GradingRecord } from './risk-grading.repository.ts';

/** The result as plain (mutable) JSON for the response schema. */
export function gradingAnswer(result: EnterpriseGradingResult): StoredEnterpriseGrading['result'] {
  return {
    ...result,
    redReasons: [...result.redReasons],
    adjustments: result.adjustments.map((a) => ({ ...a })),
  };
}

function present(record: GradingRecord): StoredEnterpriseGrading {
  return {
    enterpriseId: record.enterpriseId,
    enterpriseName: record.enterpriseName,
    county: record.county,
    input: record.input,
    result: gradingAnswer(record.result),
    ...(record.note ? { note: record.note } : {}),
    gradedAt: record.gradedAt.toISOString(),
    gradedBy: record.gradedBy,
  };
}

/**
 * The bureau's 100-point grading of enterprises (应急〔2018〕19号): computed on the server from the
 * input, never taken from the client, stored with its input so it can be re-read and re-done.
 */
export function createRiskGradingService(deps: { db: Db; clock: Clock; enterprises: EnterpriseLookup }) {
  const { clock, enterprises } = deps;
  const gradings = createRiskGradingRepository(deps.db);

  async function record(auth: AuthContext, enterpriseId: string) {
    const [current, ...history] = await gradings.history(enterpriseId, auth.scope);
    if (!current) throw new DomainError('risk.grading_not_found');
    return { ...present(current), history: history.map(present) };
  }

  return {
    calculate: (input: EnterpriseGradingInput) => gradingAnswer(gradeEnterprise(input)),

    async save(auth: AuthContext, enterpriseId: string, body: EnterpriseGradingSave) {
      const enterprise = await enterprises.findById(enterpriseId, auth.scope);
      if (!enterprise) throw new DomainError('enterprise.not_found');
      const { note, ...input } = body;
      const result = gradeEnterprise(input);
      await gradings.insert({
        enterpriseId,
        county: enterprise.county,
        input,
        result,
        note: note ?? null,
        gradedAt: clock.now(),
        gradedBy: auth.username,
      });
      return record(auth, enterpriseId);
    },

    record,

    async current(auth: AuthContext, county: string | undefined) {
      return (await gradings.current(auth.scope, county)).map((g) => ({
        enterpriseId: g.enterpriseId,
        enterpriseName: g.enterpriseName,
        county: g.county,
        score: g.result.score,
        colour: g.result.colour,
        level: g.result.level,
        redReasons: [...g.result.redReasons],
        assessedOn: g.input.assessedOn,
        reassessBy: g.result.reassessBy,
        gradedAt: g.gradedAt.toISOString(),
      }));
    },
  };
}

export type RiskGradingService = ReturnType<typeof createRiskGradingService>;
