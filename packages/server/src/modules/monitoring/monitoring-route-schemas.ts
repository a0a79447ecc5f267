import { z } from 'zod';

export const tags = ['monitoring'];
export const idParams = z.object({ id: z.uuid() });
export const county = z
  .string()
  .regex(/^\d{6}$/)
  .optional();
export const instant = z.iso.datetime({ offset: true });
