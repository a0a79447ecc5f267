import { z } from 'zod';
import { overpressureCurveIds } from './blast-overpressure.ts';
import {
  bilingualTextSchema,
  chemicalQuerySchema,
  chemicalSummarySchema,
  modelInfoSchema,
  warningSchema,
} from './consequence-common.schema.ts';

/** POST /api/v1/calc/consequence/vce/tnt — vapour-cloud explosion by TNT equivalency. */

export const tntMethodSchema = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('cn_ground_factor'),
        alpha: z
          .number()
          .positive()
          .max(1)
          .default(0.04)
          .describe('Equivalence factor α (0.04, sometimes 0.03)'),
        groundFactor: z.number().min(1).max(2).default(1.8).describe('Ground-reflection factor (1.8)'),
        tntHeatMjPerKg: z
          .number()
          .positive()
          .max(10)
          .default(4.52)
          .describe('Q_TNT (MJ/kg): 4.52, some texts 4.5 or 4.18'),
      })
      .strict()
      .describe('Chinese practice: W_TNT = 1.8·α·W_f·Q_f/Q_TNT'),
    z
      .object({
        kind: z.literal('yield'),
        efficiency: z
          .number()
          .positive()
          .max(1)
          .default(0.1)
          .describe('Yield η (0.01–0.10; EPA RMP worst case 0.10)'),
        tntHeatMjPerKg: z
          .number()
          .positive()
          .max(10)
          .default(4.68)
          .describe('E_TNT (MJ/kg): 4.68 EPA RMP, 4.686 Crowl'),
      })
      .strict()
      .describe('Yield form: W_TNT = η·M_f·ΔHc/E_TNT'),
  ])
  .describe('How the TNT-equivalent mass is formed');

export const vceRequestSchema = z
  .object({
    chemical: chemicalQuerySchema.optional().describe('The fuel; gives the heat of combustion'),
    fuelMassKg: z
      .number()
      .positive()
      .max(1e8)
      .describe('Flammable mass in the cloud W_f (kg), not the whole inventory'),
    heatOfCombustionMjPerKg: z
      .number()
      .positive()
      .max(200)
      .optional()
      .describe('Lower heating value (MJ/kg); overrides the table, required without a chemical'),
    method: tntMethodSchema.default({
      kind: 'cn_ground_factor',
      alpha: 0.04,
      groundFactor: 1.8,
      tntHeatMjPerKg: 4.52,
    }),
    curve: z
      .enum(overpressureCurveIds)
      .optional()
      .describe(
        'Overpressure curve. Default: cn_energy_scaled for cn_ground_factor, kingery_bulmash (surface burst) for yield. ' +
          'A surface-burst curve with the 1.8 factor counts ground reflection twice',
      ),
    ambientPressureKpa: z.number().min(50).max(110).default(101.325).describe('Ambient pressure P0 (kPa)'),
    thresholdsKpa: z
      .array(z.number().positive().max(10_000))
      .min(1)
      .max(6)
      .optional()
      .describe(
        'Overpressures (kPa) whose radii are wanted. Default: 44 and 17 kPa (Chinese practice) or 55/24/6.9 kPa (ALOHA)',
      ),
    distancesM: z
      .array(z.number().positive().max(100_000))
      .max(50)
      .default([])
      .describe('Distances (m) from the cloud centre'),
  })
  .strict()
  .describe('A flammable vapour cloud that explodes');

export const vceResponseSchema = z.object({
  model: modelInfoSchema,
  chemical: chemicalSummarySchema.nullable(),
  heatOfCombustionMjPerKg: z.number(),
  tntMassKg: z.number().describe('TNT-equivalent mass W_TNT (kg)'),
  energyJ: z.number().describe('W_TNT · Q_TNT (J)'),
  curve: z.object({ id: z.enum(overpressureCurveIds), source: z.string() }),
  deathRadiusM: z
    .number()
    .nullable()
    .describe('Chinese practice R_0.5 = 13.6 (W_TNT/1000)^0.37 (cn_ground_factor only)'),
  zones: z.array(
    z.object({
      overpressureKpa: z.number(),
      label: bilingualTextSchema,
      status: z
        .enum(['reached', 'not_reached'])
        .describe('not_reached: higher than the curve gives outside the charge'),
      radiusM: z.number(),
      scaledDistance: z.number().nullable(),
    }),
  ),
  receptors: z.array(
    z.object({
      distanceM: z.number(),
      scaledDistance: z.number(),
      overpressureKpa: z.number(),
      probabilities: z
        .object({
          lungHaemorrhageDeath: z.number(),
          eardrumRupture: z.number(),
          structuralDamage: z.number(),
          glassBreakage: z.number(),
        })
        .describe('Probit probabilities (Eisenberg lung; Crowl Table 2-5 eardrum, structure, glass)'),
    }),
  ),
  warnings: z.array(warningSchema),
});

export type VceRequest = z.output<typeof vceRequestSchema>;
export type VceResponse = z.output<typeof vceResponseSchema>;
