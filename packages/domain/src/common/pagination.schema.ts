import { z } from 'zod';

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1).describe('Page number, from 1'),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(20)
    .describe('Rows per page (10/20/30/50 in the UI)'),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().describe('Rows matching the filter, across all pages'),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export type PageQuery = z.infer<typeof pageQuerySchema>;
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
