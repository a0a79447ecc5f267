import type { ErrorDefinition } from '../error-definition.ts';

/** Allocation orders (调拨单) of emergency materials. */
export const allocationErrors = {
  'allocation.not_found': { status: 404, zh: '调拨单不存在', en: 'No such allocation order' },
  'allocation.invalid_step': {
    status: 409,
    zh: '调拨单当前状态不能办理此步骤',
    en: 'This step is not open on the allocation order in its present status',
  },
  'allocation.invalid_quantity': {
    status: 400,
    zh: '数量须大于零，最多三位小数',
    en: 'A quantity must be above zero, with at most three decimals',
  },
  'allocation.insufficient_stock': {
    status: 409,
    zh: '物资库中该物资的有效库存不足，未出库任何物资',
    en: 'The warehouse does not hold enough unexpired stock of the material; nothing was issued',
  },
  'allocation.issue_quantity_mismatch': {
    status: 400,
    zh: '各物资库出库数量与征用数量之和须等于调拨数量',
    en: 'The quantities issued from warehouses and requisitioned must add up to the order’s quantity',
  },
  'allocation.duplicate_source': {
    status: 400,
    zh: '同一物资库或企业只能列出一次',
    en: 'Each warehouse or enterprise may be listed once',
  },
  'allocation.more_than_on_hand': {
    status: 409,
    zh: '数量超过现场在用数量',
    en: 'The quantity is more than is on hand at the scene',
  },
  'allocation.county_required': {
    status: 400,
    zh: '未关联事件的调拨单须选择所属县（市、区）',
    en: 'An order without an incident needs its county',
  },
  'allocation.destination_mismatch': {
    status: 400,
    zh: '调往物资库时须选择目标物资库，调往现场时不能选择',
    en: 'A warehouse destination needs the warehouse; a scene destination takes none',
  },
  'allocation.same_warehouse': {
    status: 400,
    zh: '不能从目标物资库向自身调拨',
    en: 'An order cannot issue from its own destination warehouse',
  },
  'allocation.linked_record_not_found': {
    status: 400,
    zh: '关联的事件、物资库或企业不存在或不在管辖范围内',
    en: 'The linked incident, warehouse or enterprise does not exist or is outside your area',
  },
  'allocation.requisition_not_found': { status: 404, zh: '征用记录不存在', en: 'No such requisition' },
} satisfies Record<string, ErrorDefinition>;
