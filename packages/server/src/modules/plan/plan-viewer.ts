import type { AuthContext } from '../../platform/access.ts';

/**
 * Who looks at plan work: the 安委办 (plan:manage) follows every unit; a member unit's account
 * (plan:report) sees the work of the units it belongs to and their sub-units, nothing else
 * (out of scope answers 404 like every other record).
 */
export interface PlanViewer {
  readonly userId: string;
  readonly manage: boolean;
}

export function planViewerOf(auth: AuthContext): PlanViewer {
  return { userId: auth.userId, manage: auth.permissions.has('plan:manage') };
}

/**
 * SQL condition: `column` (an organisation id) is one of the viewer's units or below them. The
 * viewer's user id is pushed onto `params`.
 */
export function viewerUnitsCondition(viewer: PlanViewer, column: string, params: unknown[]): string {
  if (viewer.manage) return 'true';
  params.push(viewer.userId);
  return `${column} IN (
    WITH RECURSIVE units AS (
      SELECT organisation_id AS id FROM organisation_members WHERE user_id = $${params.length}
      UNION SELECT o.id FROM organisations o JOIN units ON o.parent_id = units.id)
    SELECT id FROM units)`;
}
