import { z } from 'zod';
import { blastProbitIds, thermalProbitIds, toxicProbitIds } from './probits.ts';

/** POST /api/v1/calc/consequence/probit — probability of an effect from one exposure. */

export const probitRequestSchema = z
  .discriminatedUnion('effect', [
    z
      .object({
        effect: z.literal('thermal'),
        model: z.enum(thermalProbitIds).default('eisenberg').describe('Burn-death probit set'),
        fluxKwPerM2: z.number().positive().max(1000).describe('Heat flux (kW/m²)'),
        exposureS: z.number().positive().max(3600).describe('Exposure time (s)'),
      })
      .strict(),
    z
      .object({
        effect: z.literal('blast'),
        model: z.enum(blastProbitIds).describe('Blast effect'),
        overpressureKpa: z.number().positive().max(100_000).describe('Peak side-on overpressure (kPa)'),
      })
      .strict(),
    z
      .object({
        effect: z.literal('toxic'),
        model: z.enum(toxicProbitIds).describe('Toxic probit set (chemical and source)'),
        concentrationPpm: z.number().positive().max(1e6).optional(),
        concentrationMgPerM3: z.number().positive().max(1e7).optional(),
        durationMin: z.number().positive().max(1440).describe('Exposure at constant concentration (min)'),
      })
      .strict()
      .refine((r) => (r.concentrationPpm === undefined) !== (r.concentrationMgPerM3 === undefined), {
        message: 'give exactly one of concentrationPpm and concentrationMgPerM3',
        path: ['concentrationPpm'],
      }),
  ])
  .describe('An exposure: thermal (flux and time), blast (overpressure) or toxic (concentration and time)');

export const probitResponseSchema = z.object({
  effect: z.enum(['thermal', 'blast', 'toxic']),
  model: z.string(),
  probit: z.number().describe('Y'),
  probability: z.number().min(0).max(1).describe('P = Φ(Y − 5)'),
  formula: z.string().describe('The probit equation with its units'),
  source: z.string(),
});

export type ProbitRequest = z.output<typeof probitRequestSchema>;
export type ProbitResponse = z.output<typeof probitResponseSchema>;
