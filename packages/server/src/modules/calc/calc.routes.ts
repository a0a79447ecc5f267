import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  drawAlgorithmDescription,
  drawVerificationRequestSchema,
  verifyDraw,
  bleveRequestSchema,
  bleveResponseSchema,
  calculateBleve,
  calculateFootprint,
  calculatePlume,
  calculatePoolFire,
  calculateProbit,
  calculatePuff,
  calculateVce,
  footprintRequestSchema,
  footprintResponseSchema,
  plumeRequestSchema,
  plumeResponseSchema,
  poolFireRequestSchema,
  poolFireResponseSchema,
  probitRequestSchema,
  probitResponseSchema,
  puffRequestSchema,
  puffResponseSchema,
  vceRequestSchema,
  vceResponseSchema,
  accidentLevelRequestSchema,
  accidentLevelResponseSchema,
  calculateLec,
  calculateLs,
  checkCreditCode,
  classifyAccident,
  creditCodeCheckParamsSchema,
  creditCodeCheckResponseSchema,
  identifyMajorHazard,
  lecConsequenceScores,
  lecExposureScores,
  lecLikelihoodScores,
  lecResponseSchema,
  lsResponseSchema,
  majorHazardRequestSchema,
  majorHazardResponseSchema,
} from '@anjian/domain';

const tags = ['calculators'];

/**
 * Public calculators (no sign-in): the same domain functions the modules use, so a bureau, an
 * enterprise or an evaluator can check a figure. Scores outside the standard sets answer 400 with
 * the calculator's own code rather than a generic validation error.
 */
export function registerCalcRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/calc/credit-code/:code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Check a 统一社会信用代码 (GB 32100-2015): validity, normalised form, expected check character',
        params: creditCodeCheckParamsSchema,
        response: { 200: creditCodeCheckResponseSchema },
      },
    },
    async (request) => {
      const check = checkCreditCode(request.params.code);
      return {
        valid: check.problem === null,
        normalized: check.normalized,
        expectedCheckChar: check.expectedCheckChar,
        problem: check.problem,
        warnings: [...check.warnings],
      };
    },
  );

  api.post(
    '/api/v1/calc/lec',
    {
      config: { access: 'public', audit: 'calc.lec' },
      schema: {
        tags,
        summary: 'LEC (作业条件危险性评价法): D = L × E × C, band 1–5 and colour',
        body: z
          .object({
            l: z.number().describe(`Likelihood L, one of ${lecLikelihoodScores.join(', ')}`),
            e: z.number().describe(`Exposure E, one of ${lecExposureScores.join(', ')}`),
            c: z.number().describe(`Consequence C, one of ${lecConsequenceScores.join(', ')}`),
          })
          .strict(),
        response: { 200: lecResponseSchema },
      },
    },
    async (request) => calculateLec(request.body as Parameters<typeof calculateLec>[0]),
  );

  api.post(
    '/api/v1/calc/ls',
    {
      config: { access: 'public', audit: 'calc.ls' },
      schema: {
        tags,
        summary: 'LS risk matrix: R = L × S (each 1–5), level and colour',
        body: z
          .object({
            l: z.number().describe('Likelihood L, an integer 1–5'),
            s: z.number().describe('Severity S, an integer 1–5 (the highest of its dimensions)'),
          })
          .strict(),
        response: { 200: lsResponseSchema },
      },
    },
    async (request) => calculateLs(request.body as Parameters<typeof calculateLs>[0]),
  );

  api.post(
    '/api/v1/calc/major-hazard',
    {
      config: { access: 'public', audit: 'calc.major_hazard' },
      schema: {
        tags,
        summary:
          'GB 18218-2018: is the unit a major hazard source (S = Σq/Q ≥ 1), and its grade from R = α·Σβq/Q',
        body: majorHazardRequestSchema,
        response: { 200: majorHazardResponseSchema },
      },
    },
    async (request) => identifyMajorHazard(request.body),
  );

  api.post(
    '/api/v1/calc/accident-level',
    {
      config: { access: 'public', audit: 'calc.accident_level' },
      schema: {
        tags,
        summary:
          'Accident class (国务院令第493号 Art. 3) from deaths, serious injuries and direct loss (万元)',
        body: accidentLevelRequestSchema,
        response: { 200: accidentLevelResponseSchema },
      },
    },
    async (request) => {
      const result = classifyAccident(request.body);
      return { ...result, reasons: [...result.reasons] };
    },
  );

  // Consequence models (辅助决策): each answer names its model, assumptions, validity limits and warnings.
  const consequence = [
    [
      'plume',
      'Gaussian plume, continuous release: concentration at a point and distances to thresholds',
      plumeRequestSchema,
      plumeResponseSchema,
      calculatePlume,
    ],
    [
      'puff',
      'Gaussian puff, instantaneous release: concentration at a point and time',
      puffRequestSchema,
      puffResponseSchema,
      calculatePuff,
    ],
    [
      'footprint',
      'Threat zones of a toxic or flammable release for up to 3 thresholds, as distances and map polygons, with a suggested evacuation radius',
      footprintRequestSchema,
      footprintResponseSchema,
      calculateFootprint,
    ],
    [
      'vce',
      'Vapour-cloud explosion by TNT equivalency (Chinese 1.8·α practice or Kingery–Bulmash) with overpressure zones',
      vceRequestSchema,
      vceResponseSchema,
      calculateVce,
    ],
    [
      'bleve',
      'BLEVE fireball: diameter, duration and thermal radiation by distance',
      bleveRequestSchema,
      bleveResponseSchema,
      calculateBleve,
    ],
    [
      'pool-fire',
      'Pool fire: burning rate, flame and thermal radiation by distance',
      poolFireRequestSchema,
      poolFireResponseSchema,
      calculatePoolFire,
    ],
    [
      'probit',
      'Probit: probability of death or injury from a dose',
      probitRequestSchema,
      probitResponseSchema,
      calculateProbit,
    ],
  ] as const;
  for (const [path, summary, body, response, calculate] of consequence) {
    api.post(
      `/api/v1/calc/consequence/${path}`,
      {
        config: { access: 'public', audit: 'calc.consequence' },
        schema: { tags, summary, body, response: { 200: response } },
      },
      async (request) => (calculate as (input: unknown) => never)(request.body),
    );
  }

  api.get(
    '/api/v1/calc/draw/algorithm',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'How a double-random draw (双随机) is computed from its public record and seed, so anyone can re-run it',
        response: { 200: z.object({ zh: z.string(), en: z.string() }) },
      },
    },
    async () => ({ zh: drawAlgorithmDescription.zh, en: drawAlgorithmDescription.en }),
  );

  api.post(
    '/api/v1/calc/draw/verify',
    {
      config: { access: 'public', audit: 'calc.draw_verify' },
      schema: {
        tags,
        summary:
          'Re-run a published draw: does the revealed seed match the commitment, and does it give the published result?',
        body: drawVerificationRequestSchema,
        response: {
          200: z.object({
            ok: z.boolean(),
            reason: z.enum(['invalid_input', 'commitment_mismatch', 'result_mismatch']).optional(),
            detail: z.string().optional(),
          }),
        },
      },
    },
    async (request) =>
      verifyDraw(request.body.record, request.body.seed, request.body.commitment, request.body.result),
  );
}
