import { z } from 'zod';

/** Shared readers of environment values for the configuration schemas (config.ts, config-*.ts). */

export const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => ['true', '1', 'yes'].includes(v));

export const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** A comma-separated list, blanks dropped. */
export const listOf = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
