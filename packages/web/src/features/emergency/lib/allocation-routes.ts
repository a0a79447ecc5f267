import type { RouteRecordRaw } from 'vue-router';
import { Tickets, Van } from '@element-plus/icons-vue';
import type { MenuEntry } from '../../../menu/menu-entry.ts';

/** 物资调拨 and 调拨台账, beside 物资储备 in the emergency libraries' menu. */
export const allocationMenu: readonly MenuEntry[] = [
  {
    key: 'allocations',
    title: 'emergency.allocation.menu.orders',
    icon: Van,
    path: '/emergency/allocations',
    permission: 'emergency:read',
  },
  {
    key: 'allocation-ledger',
    title: 'emergency.allocation.menu.ledger',
    icon: Tickets,
    path: '/emergency/allocation-ledger',
    permission: 'emergency:read',
  },
];

const meta = (title: string) => ({
  title,
  permission: 'emergency:read' as const,
  trail: ['emergency.title'],
});

export const allocationRoutes: RouteRecordRaw[] = [
  {
    path: 'emergency/allocations',
    name: 'emergency-allocations',
    component: () => import('../pages/allocation/AllocationsPage.vue'),
    meta: meta('emergency.allocation.menu.orders'),
  },
  {
    path: 'emergency/allocation-ledger',
    name: 'emergency-allocation-ledger',
    component: () => import('../pages/allocation/AllocationLedgerPage.vue'),
    meta: meta('emergency.allocation.menu.ledger'),
  },
];
