import { z } from 'zod';
import { countyCodeSchema, industryCodeSchema } from '../registry/enterprise.schema.ts';
import { drawAlgorithmVersion, drawModes } from './draw-record.ts';
import { isoInstant } from '../common/dates.schema.ts';

/*
 * Requests and answers of /api/v1/enforcement/draws (双随机) and of the public verification page.
 * The algorithm is described in draw.ts; these schemas carry its public record and result.
 */

const idSchema = z.string().min(1).max(64).describe('Opaque id (registry UUID)');
const countSchema = z.int().min(0).max(1_000_000);
const hexSchema = (length: number) =>
  z.string().regex(new RegExp(`^[0-9a-fA-F]{${length}}$`), `${length} hex characters`);

export const drawModeSchema = z
  .enum(drawModes)
  .describe(
    'uniform 等概率 (the statutory default), risk_weighted 按风险加权 (the formula is published with the draw)',
  );

export const riskWeightFactorsSchema = z
  .object({
    riskLevel: z
      .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])
      .describe('Enterprise risk level, 1 重大 … 4 低'),
    openHiddenHazards: countSchema.describe('Hidden hazards not yet closed'),
    alarmsLast90Days: countSchema.describe('Monitoring alarms in the 90 days before the pool was built'),
    creditListed: z.boolean().describe('On the serious-dishonesty list (严重失信主体名单)'),
    verifiedReports: countSchema
      .optional()
      .describe(
        'Public reports verified 属实 or 部分属实 within the formula’s window (absent in records published before the term)',
      ),
  })
  .strict();

export const riskWeightFormulaSchema = z
  .object({
    levelPoints: z
      .object({ 1: z.int().min(1), 2: z.int().min(1), 3: z.int().min(1), 4: z.int().min(1) })
      .strict()
      .describe('Points per risk level'),
    pointsPerOpenHazard: z.int().min(0),
    maxHazardPoints: z.int().min(0),
    alarmsPerPoint: z.int().min(1),
    maxAlarmPoints: z.int().min(0),
    creditListedMultiplier: z.int().min(1),
    pointsPerVerifiedReport: z
      .int()
      .min(0)
      .optional()
      .describe('With maxReportPoints and verifiedReportWindowDays'),
    maxReportPoints: z.int().min(0).optional(),
    verifiedReportWindowDays: z
      .int()
      .min(1)
      .max(3660)
      .optional()
      .describe('Reports verified within this many days before the pool was built count'),
  })
  .strict()
  .describe(
    'weight = (levelPoints + min(hazards × pointsPerOpenHazard, max) + min(⌊alarms ÷ alarmsPerPoint⌋, max) + min(verified reports × pointsPerVerifiedReport, max)) × listed multiplier',
  );

/** Body of `POST /api/v1/enforcement/draws`: the server builds the pool, roster and exclusions. */
export const drawRequestSchema = z
  .object({
    title: z.string().trim().min(2).max(200).describe('e.g. 2026年第二季度危险化学品企业双随机抽查'),
    mode: drawModeSchema.default('uniform'),
    enterpriseCount: z.int().min(1).max(10_000).describe('N: enterprises to draw'),
    inspectorsPerEnterprise: z
      .int()
      .min(2)
      .max(10)
      .default(2)
      .describe('Inspectors paired with each enterprise, at least 2'),
    exclusionPeriodDays: z
      .int()
      .min(0)
      .max(3660)
      .default(365)
      .describe('An enterprise drawn within this many days is not drawn again'),
    pool: z
      .object({
        countyCodes: z.array(countyCodeSchema).max(9).optional().describe('Counties; all when left out'),
        industryCodes: z.array(industryCodeSchema).max(50).optional().describe('GB/T 4754 industry classes'),
        riskLevels: z
          .array(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]))
          .max(4)
          .optional(),
      })
      .strict()
      .default({})
      .describe('Filter of the inspectable-enterprise register (随机抽查对象名录)'),
    inspectorIds: z
      .array(idSchema)
      .min(2)
      .max(500)
      .optional()
      .describe('Roster; all certified inspectors in scope when left out'),
    riskWeightFormula: riskWeightFormulaSchema
      .optional()
      .describe('Risk-weighted draws: the formula; the default when left out'),
  })
  .strict();

export const drawPoolEntrySchema = z
  .object({
    enterpriseId: idSchema,
    weight: z.int().min(1).optional().describe('Risk-weighted draws: the weight from the formula'),
    factors: riskWeightFactorsSchema.optional(),
  })
  .strict();

/** The public record, published with the commitment before the draw. */
export const drawPublicRecordSchema = z
  .object({
    algorithm: z.literal(drawAlgorithmVersion),
    drawId: idSchema,
    title: z.string().min(1).max(200),
    announcedAt: isoInstant().describe('When record and commitment were published'),
    mode: drawModeSchema,
    enterpriseCount: z.int().min(1),
    inspectorsPerEnterprise: z.int().min(2),
    pool: z.array(drawPoolEntrySchema).max(100_000),
    inspectorIds: z.array(idSchema).max(10_000),
    conflicts: z
      .array(z.object({ enterpriseId: idSchema, inspectorId: idSchema }).strict())
      .max(100_000)
      .describe('Declared conflicts of interest (回避): never paired'),
    exclusion: z
      .object({ periodDays: z.int().min(0), excludedEnterpriseIds: z.array(idSchema).max(100_000) })
      .strict()
      .describe('Enterprises drawn within the period, not drawn again'),
    riskWeightFormula: riskWeightFormulaSchema.optional(),
  })
  .strict()
  .describe('The public record of a double-random draw');

export const drawResultSchema = z
  .object({
    algorithm: z.literal(drawAlgorithmVersion),
    drawId: idSchema,
    commitment: hexSchema(64).describe('SM3(seed ‖ canonical record), published before the draw'),
    mode: drawModeSchema,
    eligibleCount: z.int().min(0),
    totalWeight: z.int().min(0).optional(),
    selections: z.array(
      z
        .object({
          rank: z.int().min(1),
          enterpriseId: idSchema,
          weight: z.int().min(1).optional(),
          inspectorIds: z.array(idSchema).min(2),
        })
        .strict(),
    ),
  })
  .strict()
  .describe('The result of a draw, in pick order');

/** Body of the public `POST /api/v1/public/draws/verify` (also what the offline script reads). */
export const drawVerificationRequestSchema = z
  .object({
    record: drawPublicRecordSchema,
    seed: hexSchema(64).describe('The seed revealed after the draw'),
    commitment: hexSchema(64),
    result: drawResultSchema,
  })
  .strict();

export type DrawRequestInput = z.output<typeof drawRequestSchema>;
