import type { Permission, Workbench } from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { chinaDate } from '@anjian/domain';
import type { WorkbenchFigureName, WorkbenchRepository } from './workbench.repository.ts';

/** The permission each figure needs: a figure the caller may not read is null, not zero. */
const figurePermission: Record<WorkbenchFigureName, Permission> = {
  enterprises: 'registry:read',
  openHazards: 'hazard:read',
  activeAlarms: 'monitoring:read',
  inspectionsCompleted: 'enforcement:read',
  openIncidents: 'emergency:read',
};

export function createWorkbenchService({
  clock,
  workbench,
}: {
  clock: Clock;
  workbench: WorkbenchRepository;
}) {
  return {
    async forCaller(auth: AuthContext): Promise<Workbench> {
      const today = chinaDate(clock.now());
      const { scope } = auth;
      const may = (permission: Permission) => auth.permissions.has(permission);
      const when = <T>(permission: Permission, load: () => Promise<T>): Promise<T | null> =>
        may(permission) ? load() : Promise.resolve(null);
      const figure = (name: WorkbenchFigureName) =>
        when(figurePermission[name], () => workbench.figure(name, scope, today));

      const [
        hazardsAwaitingMe,
        overdueRectifications,
        alarmsAwaitingAck,
        reportsDue,
        inspectionsAssigned,
        enterprises,
        openHazards,
        activeAlarms,
        inspectionsCompleted,
        openIncidents,
        notifications,
      ] = await Promise.all([
        when('hazard:read', () => workbench.hazardsAwaitingMe(scope)),
        when('hazard:read', () => workbench.overdueRectifications(scope, today)),
        when('monitoring:read', () => workbench.alarmsAwaitingAck(scope)),
        when('emergency:read', () => workbench.reportsDue(scope)),
        when('enforcement:write', () => workbench.inspectionsAssigned(scope, auth.userId)),
        figure('enterprises'),
        figure('openHazards'),
        figure('activeAlarms'),
        figure('inspectionsCompleted'),
        figure('openIncidents'),
        workbench.notifications(auth.userId),
      ]);
      const includesDemo = await workbench.includesDemo(scope);
      return {
        today,
        includesDemo,
        todo: {
          hazardsAwaitingMe,
          overdueRectifications,
          alarmsAwaitingAck,
          reportsDue,
          inspectionsAssigned,
        },
        figures: { enterprises, openHazards, activeAlarms, inspectionsCompleted, openIncidents },
        notifications,
      };
    },
  };
}

export type WorkbenchService = ReturnType<typeof createWorkbenchService>;
