import {
  areaOfIncomingCap,
  DomainError,
  findCounty,
  findTownship,
  warningDraftFromCap,
  warningDraftFromAlarm,
  warningDraftFromZone,
  type DataScope,
  type WarningSourceKind,
} from '@anjian/domain';
import type { z } from 'zod';
import type { warningZonePrefillSchema } from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import type { IncidentFactsPort } from '../emergency/index.ts';
import type { AlarmFactsPort } from '../monitoring/index.ts';
import type { WarningImports } from './warning-import.ts';
import type { WarningLinksRepository } from './warning-links.repository.ts';

type ZoneInput = z.infer<typeof warningZonePrefillSchema>;

interface Actor {
  id: string;
  scope: DataScope;
}

/** The ports through which a warning reaches its sources. */
export interface WarningSourcePorts {
  alarms: AlarmFactsPort;
  incidents: IncidentFactsPort;
}

/** For the demo loader and tests that draft no warning from a source. */
export const noWarningSources: WarningSourcePorts = {
  alarms: { find: async () => null },
  incidents: { find: async () => null },
};

/**
 * The chain sensor alarm → consequence zone → warning draft: pre-filled drafts from a source in the
 * caller's scope, the source's label when a draft is saved, and the warnings a source led to.
 */
export function createWarningSources(deps: {
  clock: Clock;
  ports: WarningSourcePorts;
  links: WarningLinksRepository;
  imports: WarningImports;
}) {
  const { clock, ports, links, imports } = deps;

  async function alarm(scope: DataScope, id: string) {
    const facts = await ports.alarms.find(scope, id);
    if (!facts) throw new DomainError('warning.source_not_found');
    return facts;
  }

  async function incident(scope: DataScope, id: string) {
    const facts = await ports.incidents.find(scope, id);
    if (!facts) throw new DomainError('warning.source_not_found');
    return facts;
  }

  /**
   * A received message an officer may forward: in scope (a county officer only when its area names
   * one of their counties — 404 otherwise), neither cancelled by its sender nor expired, and not
   * already forwarded by a warning still live. Answers the draft with its area cut to the scope.
   */
  async function forwardable(actor: Actor, id: string) {
    const incoming = await imports.incoming(id);
    if (!incoming) throw new DomainError('warning.import_not_found');
    const { scope } = actor;
    let area = areaOfIncomingCap(
      incoming.facts.infos,
      (code) => findCounty(code) !== undefined,
      (code) => findTownship(code) !== undefined,
    );
    if (scope.kind === 'county') {
      const counties = area.counties.filter((code) => scope.counties.includes(code));
      const townships = area.townships.filter((code) => scope.counties.includes(code.slice(0, 6)));
      if (counties.length + townships.length === 0) throw new DomainError('warning.import_not_found');
      area = { ...area, counties, townships };
    } else if (scope.kind !== 'city') throw new DomainError('warning.import_not_found');
    if (incoming.cancelled) throw new DomainError('warning.import_cancelled');
    const now = clock.now();
    if (incoming.expires && incoming.expires.getTime() <= now.getTime())
      throw new DomainError('warning.import_expired');
    const live = (await links.bySource('import', id, { kind: 'city' }, actor.id)).find(
      (w) => w.status !== 'cancelled' && w.status !== 'expired',
    );
    if (live) throw new DomainError('warning.import_already_forwarded');
    return warningDraftFromCap(incoming.facts, area, now);
  }

  return {
    fromImport: (actor: Actor, id: string) => forwardable(actor, id),

    async fromAlarm(actor: Actor, id: string) {
      return warningDraftFromAlarm(await alarm(actor.scope, id), clock.now());
    },

    async fromZone(actor: Actor, id: string, zone: ZoneInput) {
      const facts = await incident(actor.scope, id);
      return warningDraftFromZone(
        {
          id: facts.id,
          county: facts.county,
          location: facts.location,
          enterpriseName: facts.enterpriseName,
          site: zone.site,
          footprint: zone.footprint,
          evacuationRadiusM: zone.evacuationRadiusM,
          chemical: zone.chemical,
        },
        clock.now(),
      );
    },

    /** The label a saved draft keeps of its source; refuses a source outside the caller's scope. */
    async label(actor: Actor, ref: { kind: WarningSourceKind; id: string }): Promise<string> {
      if (ref.kind === 'import') return (await forwardable(actor, ref.id)).source.label;
      if (ref.kind === 'alarm') {
        const facts = await alarm(actor.scope, ref.id);
        return `${facts.enterpriseName}${facts.objectName} ${facts.pointName}`;
      }
      const facts = await incident(actor.scope, ref.id);
      return facts.enterpriseName ?? facts.location;
    },

    /** The warnings drafted from a source the caller can see, newest first. */
    async linked(actor: Actor, kind: WarningSourceKind, id: string) {
      if (kind === 'import') {
        if (!(await imports.incoming(id))) throw new DomainError('warning.import_not_found');
      } else await (kind === 'alarm' ? alarm(actor.scope, id) : incident(actor.scope, id));
      const rows = await links.bySource(kind, id, actor.scope, actor.id);
      return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
    },
  };
}

export type WarningSources = ReturnType<typeof createWarningSources>;
