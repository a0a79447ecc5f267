import type { Component } from 'vue';
import type { Permission } from '@anjian/domain';

/**
 * The left menu, as data. A leaf names the route path and the permission it needs (any one of a
 * list); a group shows when at least one of its children does. A new module adds its entries here
 * (and its routes in router/routes.ts); nothing else in the shell changes. The server checks every
 * permission again: hiding an entry is for clarity, not for security.
 */
export interface MenuEntry {
  readonly key: string;
  /** i18n key of the title */
  readonly title: string;
  readonly icon?: Component;
  readonly path?: string;
  readonly permission?: Permission | readonly Permission[];
  readonly children?: readonly MenuEntry[];
}
