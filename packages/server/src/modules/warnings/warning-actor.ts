import type { DataScope } from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';

/** Who acts on a warning, and whether they may write and approve. */
export interface WarningActorContext {
  id: string;
  name: string;
  scope: DataScope;
  canWrite: boolean;
  canApprove: boolean;
}

export const warningActorOf = (auth: AuthContext): WarningActorContext => ({
  id: auth.userId,
  name: auth.username,
  scope: auth.scope,
  canWrite: auth.permissions.has('warning:write'),
  canApprove: auth.permissions.has('warning:approve'),
});
