import { DomainError } from '../../errors/domain-error.ts';

/**
 * An allocation order (调拨单) moves a quantity of one material for an incident to the scene or to
 * another warehouse. Its life, as a table of steps: who may take which step from which status.
 *
 *   requested ─approve→ approved ─issue→ issued ─transport→ in_transit ─receive→ received ─use→ in_use
 *       │reject/cancel      │cancel          └──────────receive──────────┘          │
 *       ↓                   ↓                                                     return / write_off
 *   rejected            cancelled                        (a warehouse destination closes on receipt;
 *                                                         the scene's closes when nothing is left on hand)
 */
export const allocationStatuses = [
  'requested',
  'approved',
  'rejected',
  'cancelled',
  'issued',
  'in_transit',
  'received',
  'in_use',
  'closed',
] as const;
export type AllocationStatus = (typeof allocationStatuses)[number];

export const allocationActions = [
  'approve',
  'reject',
  'cancel',
  'issue',
  'transport',
  'receive',
  'use',
  'return',
  'write_off',
] as const;
export type AllocationAction = (typeof allocationActions)[number];

export type AllocationDestinationKind = 'scene' | 'warehouse';

/** The quantities an order carries; `onHand` is what is at the scene and not yet returned or used up. */
export interface AllocationQuantities {
  readonly quantity: number;
  readonly issued: number;
  readonly received: number;
  readonly returned: number;
  readonly consumed: number;
}

const FROM: Record<AllocationAction, readonly AllocationStatus[]> = {
  approve: ['requested'],
  reject: ['requested'],
  cancel: ['requested', 'approved'],
  issue: ['approved'],
  transport: ['issued'],
  receive: ['issued', 'in_transit'],
  use: ['received'],
  return: ['received', 'in_use'],
  write_off: ['received', 'in_use'],
};

/** Rounds away the binary noise of decimal quantities (stock is kept to 3 decimals). */
export const roundAllocationQuantity = (value: number): number => Math.round(value * 1000) / 1000;

export function allocationOnHand(q: AllocationQuantities): number {
  return roundAllocationQuantity(q.received - q.returned - q.consumed);
}

/** The steps open on an order now, in the order a page shows its buttons. */
export function availableAllocationActions(order: {
  status: AllocationStatus;
  destinationKind: AllocationDestinationKind;
}): AllocationAction[] {
  return allocationActions.filter((action) => {
    if (!FROM[action].includes(order.status)) return false;
    // Only material at the scene is used, returned or written off.
    if (
      (action === 'use' || action === 'return' || action === 'write_off') &&
      order.destinationKind !== 'scene'
    )
      return false;
    return true;
  });
}

/**
 * The status after a step, or `allocation.invalid_step` when the step is not open. Returns and
 * write-offs close the order once nothing is left on hand; a receipt into a warehouse closes it.
 */
export function nextAllocationStatus(
  order: { status: AllocationStatus; destinationKind: AllocationDestinationKind },
  action: AllocationAction,
  after: AllocationQuantities,
): AllocationStatus {
  if (!availableAllocationActions(order).includes(action)) throw new DomainError('allocation.invalid_step');
  switch (action) {
    case 'approve':
      return 'approved';
    case 'reject':
      return 'rejected';
    case 'cancel':
      return 'cancelled';
    case 'issue':
      return 'issued';
    case 'transport':
      return 'in_transit';
    case 'receive':
      return order.destinationKind === 'warehouse' ? 'closed' : 'received';
    case 'use':
      return 'in_use';
    case 'return':
    case 'write_off':
      return allocationOnHand(after) <= 0 ? 'closed' : order.status;
  }
}

/**
 * The order's own balance: all that was issued was received (once received), and what was received
 * is returned, used up or still on hand. Never negative anywhere.
 */
export function allocationBalanced(status: AllocationStatus, q: AllocationQuantities): boolean {
  const values = [q.issued, q.received, q.returned, q.consumed];
  if (values.some((v) => v < 0) || allocationOnHand(q) < 0) return false;
  if (q.issued > q.quantity + 1e-9) return false;
  const receivedYet = ['received', 'in_use', 'closed'].includes(status);
  if (receivedYet && roundAllocationQuantity(q.received - q.issued) !== 0) return false;
  if (!receivedYet && (q.received !== 0 || q.returned !== 0 || q.consumed !== 0)) return false;
  return roundAllocationQuantity(q.received - q.returned - q.consumed - allocationOnHand(q)) === 0;
}
