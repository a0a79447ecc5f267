import { builtinRoles, type Role } from '@anjian/domain';

const builtinOrder = builtinRoles.map((role) => role.code);

/** Built-in roles in catalogue order (系统、安全、审计管理员 first), then custom roles by code. */
export function sortRoles<T extends Pick<Role, 'code'>>(roles: readonly T[]): T[] {
  const rank = (code: string) => {
    const index = builtinOrder.indexOf(code);
    return index === -1 ? builtinOrder.length : index;
  };
  return [...roles].sort((a, b) => rank(a.code) - rank(b.code) || a.code.localeCompare(b.code));
}
