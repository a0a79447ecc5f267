import { z } from 'zod';
import { standardThresholdIds } from './consequence-thresholds.ts';
import { consequenceWarningCodes } from './consequence-warnings.ts';
import { terrains } from './dispersion-coefficients.ts';
import { insolationLevels, nightCloudCovers, stabilityClasses } from './stability-class.ts';

/** Pieces shared by the request and response schemas of `POST /api/v1/calc/consequence/...`. */

export const bilingualTextSchema = z.object({ zh: z.string(), en: z.string() });

export const chemicalQuerySchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .describe(
    'The chemical: Chinese or English name or alias (氯, 液氯, ammonia, LPG) or CAS number (7782-50-5)',
  );

export const stabilityClassSchema = z
  .enum(stabilityClasses)
  .describe('Pasquill stability class: A very unstable … D neutral … F moderately stable');

export const skyConditionSchema = z
  .discriminatedUnion('period', [
    z
      .object({
        period: z.literal('day'),
        insolation: z
          .enum(insolationLevels)
          .describe(
            'Incoming solar radiation: strong ≈ sun above 60° (clear summer midday), slight ≈ 15–35° (winter)',
          ),
      })
      .strict(),
    z
      .object({
        period: z.literal('night').describe('From 1 h before sunset to 1 h after sunrise'),
        cloud: z
          .enum(nightCloudCovers)
          .describe('cloudy = thin overcast or more than 4/8 low cloud; clear = at most 4/8 cloud'),
      })
      .strict(),
    z
      .object({ period: z.literal('overcast_or_transition') })
      .strict()
      .describe('Fully overcast sky, or within an hour of sunrise or sunset: class D'),
  ])
  .describe('The sky, from which the stability class is read off the Pasquill table');

export const weatherSchema = z
  .object({
    windSpeedMPerS: z
      .number()
      .positive()
      .max(50)
      .describe('Wind speed at 10 m (m/s). Below 1 m/s the answer carries a low_wind warning'),
    stability: z
      .union([stabilityClassSchema, skyConditionSchema])
      .describe('A stability class letter, or the sky so that the class is derived from it and the wind'),
    splitClassRule: z
      .enum(['more_stable', 'less_stable'])
      .default('more_stable')
      .describe(
        'For a split table cell (A–B, B–C, C–D): more_stable (conservative toxic distances) or less_stable',
      ),
    terrain: z
      .enum(terrains)
      .default('rural')
      .describe('rural = open country (the default, longer distances); urban = built-up area or forest'),
  })
  .strict()
  .describe('Weather at the release: 10 m wind speed, stability (or the sky) and terrain');

export const resolvedWeatherSchema = z.object({
  windSpeed10mMPerS: z.number().describe('Wind speed at 10 m (m/s) as given'),
  transportWindSpeedMPerS: z.number().describe('Wind speed used at the release height (m/s)'),
  stabilityClass: stabilityClassSchema,
  stabilityTableCell: z.string().describe('given, or the Pasquill table cell the class came from (e.g. A–B)'),
  terrain: z.enum(terrains),
});

export const lonLatPairSchema = z
  .tuple([z.number().min(-180).max(180), z.number().min(-85).max(85)])
  .describe('[longitude, latitude] in degrees, WGS-84 / CGCS2000');

export const warningSchema = z
  .object({
    code: z.enum(consequenceWarningCodes),
    zh: z.string(),
    en: z.string(),
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  })
  .describe('An input or answer outside the limits the model was fitted for; the result is still given');

export const modelInfoSchema = z
  .object({
    id: z.string().describe('Stable model identifier'),
    zh: z.string(),
    en: z.string(),
    source: z.string().describe('Where the formulas and coefficients come from'),
    assumptions: z.array(bilingualTextSchema),
    limits: z.array(bilingualTextSchema).describe('Validity limits; inputs outside them raise warnings'),
  })
  .describe('The model this answer was computed with');

export const chemicalSummarySchema = z.object({
  key: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  cas: z.array(z.string()),
  molarMassGPerMol: z.number().nullable(),
  primaryHazard: z.enum(['toxic', 'flammable', 'asphyxiant', 'oxidiser']),
  buoyancy: z
    .enum(['dense', 'dense_if_liquefied', 'passive', 'buoyant'])
    .describe('dense: heavier than air, Gaussian result is a screening estimate'),
});

export const customThresholdSchema = z
  .object({
    concentrationPpm: z.number().positive().max(1e6).optional().describe('Threshold in ppm (v/v, 25 °C)'),
    concentrationMgPerM3: z.number().positive().max(1e7).optional().describe('Threshold in mg/m³'),
    tier: z.literal([1, 2, 3]).describe('Severity: 3 red (life-threatening), 2 orange, 1 yellow'),
    label: z.string().trim().min(1).max(60).optional(),
  })
  .strict()
  .refine((t) => (t.concentrationPpm === undefined) !== (t.concentrationMgPerM3 === undefined), {
    message: 'give exactly one of concentrationPpm and concentrationMgPerM3',
  });

export const thresholdRequestSchema = z
  .union([z.enum(standardThresholdIds), customThresholdSchema])
  .describe(
    'A level of concern from the chemical data table (AEGL-3/2/1 60 min, ERPG-3/2/1, IDLH, LEL60 = 60 % LEL, ' +
      'LEL10 = 10 % LEL) or a concentration of your own with its tier',
  );

export const resolvedThresholdSchema = z.object({
  id: z.enum([...standardThresholdIds, 'custom']),
  tier: z.literal([1, 2, 3]),
  colour: z.enum(['red', 'orange', 'yellow']),
  label: z.string(),
  ppm: z.number().nullable(),
  mgPerM3: z.number(),
  provenance: z
    .enum(['V', 'R', 'derived', 'user'])
    .nullable()
    .describe('V verified in a source; R handbook value still to be checked; derived; user-given'),
});

export const zoneExtentSchema = z.object({
  status: z
    .enum(['reached', 'not_reached', 'beyond_model_range'])
    .describe('not_reached: the threshold is never exceeded; beyond_model_range: still exceeded at 100 km'),
  startM: z.number().describe('Where the zone starts on the downwind axis (m); 0 for a ground-level release'),
  endM: z.number().describe('Downwind distance to the threshold (m), the threat-zone length'),
  maxHalfWidthM: z.number().describe('Largest crosswind half-width (m)'),
  maxHalfWidthAtM: z.number().describe('Downwind distance of the widest point (m)'),
  areaM2: z.number().describe('Area of the zone (m²)'),
});

export const concentrationValueSchema = z.object({
  mgPerM3: z.number(),
  ppm: z.number().nullable().describe('null when the molar mass is unknown'),
});

export const thermalThresholdSchema = z
  .object({
    fluxKwPerM2: z.number().positive().max(1000).describe('Heat flux (kW/m²)'),
    exposureS: z.number().positive().max(3600).default(60).describe('Exposure the flux is defined for (s)'),
    label: z.string().trim().min(1).max(60).optional(),
  })
  .strict()
  .describe('A thermal level of concern: a flux held for an exposure time; compared by dose t·q^{4/3}');

export const thermalThresholdsSchema = z
  .array(thermalThresholdSchema)
  .min(1)
  .max(6)
  .default([
    { fluxKwPerM2: 10, exposureS: 60 },
    { fluxKwPerM2: 5, exposureS: 60 },
    { fluxKwPerM2: 2, exposureS: 60 },
  ])
  .describe('Default: ALOHA 10 / 5 / 2 kW/m² for 60 s (potentially lethal, second-degree burns, pain)');

export const thermalProbitSchema = z
  .enum(['eisenberg', 'tsao_perry', 'tno', 'lees'])
  .default('eisenberg')
  .describe('Burn-death probit: Eisenberg (= Crowl), Tsao & Perry (common in Chinese QRA), TNO, Lees');

export const thermalZoneSchema = z.object({
  fluxKwPerM2: z.number(),
  exposureS: z.number(),
  equivalentFluxKwPerM2: z.number().describe('Flux giving the same dose over the fire exposure time'),
  label: bilingualTextSchema,
  status: z.enum(['reached', 'not_reached']).describe('not_reached: the fire never gives that flux'),
  distanceM: z.number().describe('Distance (m) at which the flux falls to the equal-dose value'),
});

export const thermalReceptorSchema = z.object({
  distanceM: z.number(),
  fluxKwPerM2: z.number(),
  doseTdu: z.number().describe('Thermal dose t·q^{4/3} in TDU = 10⁴ (W/m²)^{4/3}·s'),
  fatalityProbability: z.number().describe('Probit probability of death by burns'),
});
