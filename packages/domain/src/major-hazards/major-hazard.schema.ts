import { z } from 'zod';
import { gb18218CategoryCodes } from './gb18218-table2.ts';
import { Rational } from './rational.ts';

/** POST /api/v1/calc/major-hazard — GB 18218-2018 identification and grading of one unit. */

const quantityTonnesSchema = z
  .union([
    z
      .string()
      .trim()
      .regex(/^\d{1,12}(\.\d{1,12})?$/, 'a decimal such as 12.5'),
    z.number().positive(),
  ])
  .refine((value) => Rational.parseDecimal(value)?.sign() === 1, { message: 'must be greater than 0' })
  .describe(
    'q: the quantity present in the unit, in tonnes (t), greater than 0. For tanks, containers and ' +
      'warehouses the design maximum quantity (设计最大量). Send a decimal string ("12.5") to keep it ' +
      'exact; a JSON number is read by its shortest decimal form.',
  );

export const majorHazardItemSchema = z
  .object({
    substance: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .describe(
        'The chemical: a GB 18218-2018 Table 1 row code (T1-12), a Chinese name or alias (氯, 液氯, ' +
          '液化石油气), a CAS number (7782-50-5), or a Table 2 category code (J1–J5, W1.1–W11) for ' +
          'chemicals not named in Table 1. For several categories give the one with the lowest Q.',
      ),
    quantityTonnes: quantityTonnesSchema,
    betaCategory: z
      .enum(gb18218CategoryCodes)
      .optional()
      .describe(
        'Hazard category (Table 2 code) that gives β from Table 4 for a Table 1 chemical that is not ' +
          'a Table 3 toxic gas, e.g. W2 for 液化石油气. Ignored for Table 3 gases and category items.',
      ),
  })
  .strict();

export const majorHazardRequestSchema = z
  .object({
    items: z
      .array(majorHazardItemSchema)
      .min(1)
      .max(200)
      .describe('The hazardous chemicals present in one unit (单元); each unit is identified on its own'),
    exposedPopulation: z
      .number()
      .int()
      .min(0)
      .max(100_000_000)
      .describe('Number of people exposed within 500 m outside the plant boundary (厂区外暴露人员); sets α'),
  })
  .strict()
  .describe('One production or storage unit: its chemicals and the population around it');

const betaSourceSchema = z
  .enum(['table3', 'table3_via', 'table4_category', 'table4_default', 'fallback'])
  .describe(
    'Where β came from: table3 = named toxic gas; table3_via = 煤气 row using 一氧化碳; ' +
      'table4_category = Table 4 by the hazard category given (or of a Table 2 item); ' +
      "table4_default = Table 4 by the Table 1 row's default category from its GHS classification; " +
      'fallback = configured default, to be checked',
  );

export const majorHazardItemResultSchema = z.object({
  substance: z.string().describe('The substance as sent'),
  code: z.string().describe('Row used: T1-nn for Table 1, the category code for Table 2'),
  table: z.literal([1, 2]).describe('GB 18218-2018 table the critical quantity came from'),
  nameZh: z.string().describe('Table 1 name with its condition, or Table 2 hazard class and category'),
  nameEn: z.string(),
  cas: z.array(z.string()).describe('CAS numbers of the Table 1 row; empty for categories'),
  matchedBy: z
    .enum(['row_code', 'category_code', 'cas', 'name', 'base_name'])
    .describe('How the substance was found; base_name = the name without the row condition, check it'),
  quantityTonnes: z.string().describe('q in tonnes, exact'),
  criticalQuantityTonnes: z.string().describe('Q in tonnes'),
  ratio: z.string().describe('q/Q, truncated to the display decimals'),
  beta: z.string().nullable().describe('β; null when the unit is not a major hazard source'),
  betaSource: betaSourceSchema.nullable(),
  betaCategory: z.string().nullable().describe('Category whose Table 4 β was used, if any'),
  betaDefaultCategories: z
    .array(z.string())
    .optional()
    .describe(
      'For betaSource table4_default: all default categories of the Table 1 row (from its GHS ' +
        'classification); betaCategory is the one with the largest β',
    ),
  betaDefaultConfirmed: z
    .boolean()
    .optional()
    .describe('For betaSource table4_default: false when the default classification is still to be checked'),
});

export const majorHazardStepSchema = z.object({
  kind: z.enum(['ratio', 'sum', 'identification', 'beta', 'alpha', 'r', 'level']),
  zh: z.string().describe('The step in Chinese'),
  en: z.string().describe('The step in English'),
});

export const majorHazardResponseSchema = z
  .object({
    s: z
      .string()
      .describe(
        'S = Σ qᵢ/Qᵢ, truncated (never rounded up) to the display decimals, 4 by default; the decision uses the exact value',
      ),
    isMajor: z.boolean().describe('S ≥ 1 (exactly 1 included): the unit is a major hazard source'),
    alpha: z
      .string()
      .nullable()
      .describe('α for the exposed population; null when the unit is not a major hazard source'),
    r: z
      .string()
      .nullable()
      .describe('R = α·Σ βᵢ·qᵢ/Qᵢ, truncated like S; the level uses the exact value; null when not major'),
    level: z
      .literal([1, 2, 3, 4])
      .nullable()
      .describe('1 = 一级 (R ≥ 100), 2 = 二级, 3 = 三级, 4 = 四级 (R < 10); null when not major'),
    items: z.array(majorHazardItemResultSchema),
    steps: z.array(majorHazardStepSchema).describe('The calculation step by step, for display'),
  })
  .describe('Identification (S) and grading (R, level) of the unit');

export type MajorHazardRequest = z.infer<typeof majorHazardRequestSchema>;
export type MajorHazardResult = z.infer<typeof majorHazardResponseSchema>;
export type MajorHazardItemResult = z.infer<typeof majorHazardItemResultSchema>;
export type MajorHazardStep = z.infer<typeof majorHazardStepSchema>;
