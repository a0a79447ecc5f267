import type { CockpitStreamEvent, DataScope, Permission } from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { EventBus } from '../../platform/events/index.ts';
import { scopeAllows } from '../../platform/scope-sql.ts';

/** What the cockpit's stream tells a browser: which kind of figure changed, not the figures. */
export interface CockpitSignal {
  readonly type: CockpitStreamEvent;
  readonly id: string | null;
}

/** Whether a statistics change in `divisionCode` (null: the whole city) concerns the scope. */
function statisticsConcern(scope: DataScope, divisionCode: string | null): boolean {
  if (scope.kind !== 'county' || divisionCode === null) return true;
  return scope.counties.some((county) => divisionCode.startsWith(county) || county.startsWith(divisionCode));
}

/**
 * Subscribes to the events that move a cockpit figure — alarms, hidden hazards' escalations,
 * incidents (reported, followed up, reviewed, closed), accident statistics — and calls `send` with those in the caller's scope and permissions. The page
 * re-reads the one cockpit route on a signal, so a burst of events costs one read, not one per event.
 */
export function subscribeCockpitSignals(
  bus: EventBus,
  auth: AuthContext,
  send: (signal: CockpitSignal) => void,
): () => void {
  const may = (permission: Permission) => auth.permissions.has(permission);
  const inScope = (county: string, enterpriseId: string | null) =>
    scopeAllows(auth.scope, county, enterpriseId);
  const stops: (() => void)[] = [];
  if (may('monitoring:read'))
    stops.push(
      bus.subscribe('alarm.changed', (event) => {
        if (inScope(event.county, event.enterpriseId)) send({ type: 'alarm', id: event.id });
      }),
    );
  if (may('hazard:read'))
    stops.push(
      bus.subscribe('hazard.escalated', (event) => {
        if (inScope(event.county, event.enterpriseId)) send({ type: 'hazard', id: event.hazardId });
      }),
    );
  if (may('emergency:read'))
    stops.push(
      bus.subscribe('incident.changed', (event) => {
        if (scopeAllows(auth.scope, event.county, event.enterpriseId))
          send({ type: 'incident', id: event.id });
      }),
    );
  stops.push(
    bus.subscribe('statistics.changed', (event) => {
      if (statisticsConcern(auth.scope, event.divisionCode)) send({ type: 'statistics', id: null });
    }),
  );
  return () => stops.forEach((stop) => stop());
}
