import { z } from 'zod';
import { pageQuerySchema } from '../../common/pagination.schema.ts';
import { isoDate } from '../../common/dates.schema.ts';
import { codedIssue } from '../../errors/coded-issue.ts';
import { countyCodeSchema } from '../../registry/enterprise.schema.ts';
import { allocationActions, allocationStatuses } from './allocation-order.ts';
import { ledgerMovementKinds } from './ledger.ts';

/** A quantity of a material: positive, at most 3 decimals (as stock is kept). */
const quantity = z
  .number()
  .positive()
  .max(1e9)
  .refine((v) => Math.abs(Math.round(v * 1000) - v * 1000) < 1e-6, codedIssue('allocation.invalid_quantity'));
const note = z.string().trim().max(500).optional();

export const allocationStatusSchema = z.enum(allocationStatuses);
export const allocationActionSchema = z.enum(allocationActions);

export const allocationOrderInputSchema = z
  .object({
    incidentId: z.uuid().optional().describe('The incident the material is for; its county is the order’s'),
    county: countyCodeSchema.optional().describe('Without an incident: the requesting county'),
    materialName: z.string().trim().min(1).max(64),
    unit: z.string().trim().min(1).max(16),
    quantity,
    destinationKind: z.enum(['scene', 'warehouse']),
    destinationWarehouseId: z.uuid().optional().describe('For a warehouse destination'),
    destination: z.string().trim().max(200).optional().describe('The scene: where to deliver'),
    notes: note,
  })
  .strict()
  .refine((o) => o.incidentId !== undefined || o.county !== undefined, {
    ...codedIssue('allocation.county_required'),
    path: ['county'],
  })
  .refine((o) => (o.destinationKind === 'warehouse') === (o.destinationWarehouseId !== undefined), {
    ...codedIssue('allocation.destination_mismatch'),
    path: ['destinationWarehouseId'],
  });
export type AllocationOrderInput = z.infer<typeof allocationOrderInputSchema>;

export const allocationStepInputSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('approve'), note }).strict(),
  z.object({ action: z.literal('reject'), note: z.string().trim().min(1).max(500) }).strict(),
  z.object({ action: z.literal('cancel'), note }).strict(),
  z
    .object({
      action: z.literal('issue'),
      sources: z
        .array(z.object({ warehouseId: z.uuid(), quantity }).strict())
        .max(20)
        .default([])
        .describe('Warehouses to issue from; each takes its first-expiring batches first'),
      requisitions: z
        .array(
          z
            .object({
              enterpriseId: z.uuid(),
              quantity,
              compensationYuan: z.number().min(0).max(1e10).optional(),
              notes: note,
            })
            .strict(),
        )
        .max(20)
        .default([])
        .describe('征用: material taken from enterprises, with the compensation agreed'),
      note,
    })
    .strict(),
  z
    .object({
      action: z.literal('transport'),
      vehicle: z.string().trim().min(1).max(32),
      driver: z.string().trim().min(1).max(32),
      note,
    })
    .strict(),
  z.object({ action: z.literal('receive'), note }).strict(),
  z.object({ action: z.literal('use'), note }).strict(),
  z.object({ action: z.literal('return'), warehouseId: z.uuid(), quantity, note }).strict(),
  z.object({ action: z.literal('write_off'), quantity, note }).strict(),
]);
export type AllocationStepInput = z.infer<typeof allocationStepInputSchema>;

export const allocationListQuerySchema = pageQuerySchema
  .extend({
    status: allocationStatusSchema.optional(),
    incidentId: z.uuid().optional(),
    county: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
    q: z.string().trim().max(64).optional().describe('Order number or material name'),
  })
  .strict();

export const allocationOrderSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  incidentId: z.uuid().nullable(),
  incidentName: z.string().nullable(),
  county: z.string(),
  materialName: z.string(),
  unit: z.string(),
  quantity: z.number(),
  destinationKind: z.enum(['scene', 'warehouse']),
  destinationWarehouseId: z.uuid().nullable(),
  destinationWarehouseName: z.string().nullable(),
  destination: z.string().nullable(),
  status: allocationStatusSchema,
  issued: z.number(),
  received: z.number(),
  returned: z.number(),
  consumed: z.number(),
  onHand: z.number(),
  vehicle: z.string().nullable(),
  driver: z.string().nullable(),
  notes: z.string().nullable(),
  demo: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  allowedActions: z.array(allocationActionSchema),
});
export type AllocationOrder = z.infer<typeof allocationOrderSchema>;

export const allocationMovementSchema = z.object({
  id: z.string(),
  orderId: z.uuid(),
  orderNumber: z.string(),
  incidentName: z.string().nullable(),
  kind: z.enum(ledgerMovementKinds),
  materialName: z.string(),
  unit: z.string(),
  warehouseId: z.uuid().nullable(),
  warehouseName: z.string().nullable(),
  enterpriseId: z.uuid().nullable(),
  enterpriseName: z.string().nullable(),
  expiresOn: z.string().nullable(),
  quantity: z.number(),
  balanceAfter: z.number().nullable().describe('The warehouse’s stock of the material after the line'),
  at: z.string(),
});
export type AllocationMovement = z.infer<typeof allocationMovementSchema>;

export const allocationRequisitionSchema = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  quantity: z.number(),
  compensationYuan: z.number().nullable(),
  compensationStatus: z.enum(['pending', 'agreed', 'paid']),
  paidOn: z.string().nullable(),
  notes: z.string().nullable(),
});

export const allocationStepSchema = z.object({
  action: z.union([allocationActionSchema, z.literal('request'), z.literal('compensation')]),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});

export const allocationOrderDetailSchema = allocationOrderSchema.extend({
  steps: z.array(allocationStepSchema),
  movements: z.array(allocationMovementSchema),
  requisitions: z.array(allocationRequisitionSchema),
  lowStock: z
    .array(
      z.object({
        warehouseId: z.uuid(),
        warehouseName: z.string(),
        quantity: z.number(),
        minimumStock: z.number(),
      }),
    )
    .describe('After an issue: the warehouses whose stock of the material fell below its minimum'),
});
export type AllocationOrderDetail = z.infer<typeof allocationOrderDetailSchema>;

export const allocationSourceSchema = z.object({
  warehouseId: z.uuid(),
  warehouseName: z.string(),
  county: z.string(),
  available: z.number().describe('Stock not past its expiry'),
  earliestExpiry: z.string().nullable(),
});

export const compensationInputSchema = z
  .object({
    compensationYuan: z.number().min(0).max(1e10),
    paidOn: isoDate().optional().describe('When paid; without it the compensation is agreed, not paid'),
    notes: note,
  })
  .strict();

export const allocationLedgerQuerySchema = pageQuerySchema
  .extend({
    materialName: z.string().trim().max(64).optional(),
    warehouseId: z.uuid().optional(),
    incidentId: z.uuid().optional(),
    kind: z.enum(ledgerMovementKinds).optional(),
  })
  .strict();

export const allocationLedgerSummarySchema = z.object({
  totals: z.object({
    requested: z.number(),
    issued: z.number(),
    inTransit: z.number(),
    received: z.number(),
    returned: z.number(),
    consumed: z.number(),
    onHand: z.number(),
    balanced: z.boolean(),
  }),
  warehouses: z.array(
    z.object({
      warehouseId: z.uuid(),
      warehouseName: z.string(),
      materialName: z.string(),
      unit: z.string(),
      receipts: z.number(),
      issues: z.number(),
      stock: z.number(),
    }),
  ),
});
