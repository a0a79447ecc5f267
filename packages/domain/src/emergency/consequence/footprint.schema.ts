import { z } from 'zod';
import {
  bilingualTextSchema,
  chemicalQuerySchema,
  chemicalSummarySchema,
  lonLatPairSchema,
  modelInfoSchema,
  resolvedThresholdSchema,
  resolvedWeatherSchema,
  thresholdRequestSchema,
  warningSchema,
  weatherSchema,
  zoneExtentSchema,
} from './consequence-common.schema.ts';
import { defaultMinimumIsolationM } from './evacuation-radius.ts';

/**
 * POST /api/v1/calc/consequence/footprint — for a chemical release and the weather, the threat zone
 * of each of up to 3 thresholds as a downwind distance and a map polygon, and a suggested evacuation
 * radius.
 */

const windFromDegSchema = z
  .number()
  .min(0)
  .max(360)
  .describe(
    'Wind direction in degrees clockwise from north, meteorological convention: where the wind comes FROM',
  );

export const footprintReleaseSchema = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('continuous'),
        rateKgPerS: z.number().positive().max(100_000).describe('Release rate (kg/s)'),
        durationS: z.number().positive().optional().describe('How long the release lasts (s), if known'),
      })
      .strict()
      .describe('Continuous release: Gaussian plume'),
    z
      .object({
        kind: z.literal('instantaneous'),
        massKg: z.number().positive().max(1e8).describe('Mass released at once (kg)'),
      })
      .strict()
      .describe('Instantaneous release (vessel burst): Gaussian puff, zones of the peak concentration'),
  ])
  .describe('The release');

export const footprintRequestSchema = z
  .object({
    chemical: chemicalQuerySchema,
    release: footprintReleaseSchema,
    releaseHeightM: z
      .number()
      .min(0)
      .max(500)
      .default(0)
      .describe('Effective release height (m); 0 = ground level'),
    liquefiedRelease: z
      .boolean()
      .optional()
      .describe('Released as a liquefied or refrigerated liquid (ammonia, LNG …): such clouds are dense'),
    source: lonLatPairSchema.describe('Release point [longitude, latitude], WGS-84 / CGCS2000'),
    weather: weatherSchema
      .extend({ windFromDeg: windFromDegSchema })
      .describe('Weather at the release: 10 m wind speed and direction, stability (or the sky) and terrain'),
    thresholds: z
      .array(thresholdRequestSchema)
      .min(1)
      .max(3)
      .optional()
      .describe(
        'Up to 3 thresholds. Default: toxic chemicals AEGL-3/2/1 (falling back to ERPG, and IDLH for tier 2); ' +
          'flammable gases 60 % and 10 % LEL',
      ),
    minimumIsolationM: z
      .number()
      .min(0)
      .max(10_000)
      .default(defaultMinimumIsolationM)
      .describe('Smallest isolation radius (m), by default the ERG precautionary 100 m'),
  })
  .strict()
  .describe('A chemical release at a point, and the weather');

export const footprintZoneSchema = zoneExtentSchema.extend({
  threshold: resolvedThresholdSchema,
  polygon: z
    .array(z.tuple([z.number(), z.number()]))
    .describe(
      'Closed counter-clockwise ring of [lon, lat] (GeoJSON Polygon exterior); empty when not reached',
    ),
});

export const footprintResponseSchema = z.object({
  model: modelInfoSchema,
  chemical: chemicalSummarySchema,
  source: lonLatPairSchema,
  weather: resolvedWeatherSchema.extend({
    windFromDeg: z.number(),
    downwindBearingDeg: z.number().describe('Direction the cloud travels, degrees clockwise from north'),
  }),
  zones: z.array(footprintZoneSchema).describe('Most severe first'),
  evacuation: z
    .object({
      isolationRadiusM: z.number(),
      protectiveActionDistanceM: z.number(),
      suggestedEvacuationRadiusM: z.number().describe('Circle round the source, rounded up to 10 m'),
      protectiveBasis: z.string().nullable().describe('Threshold the protective-action distance comes from'),
      lowerBoundOnly: z.boolean().describe('A zone runs past 100 km: the radius is only a lower bound'),
      rule: bilingualTextSchema,
    })
    .describe('Suggested isolation and evacuation (consequence-models.md §1.10)'),
  warnings: z.array(warningSchema),
});

export type FootprintRequest = z.output<typeof footprintRequestSchema>;
export type FootprintResponse = z.output<typeof footprintResponseSchema>;
