/**
 * Emergency (应急): resources (teams, warehouses, experts, shelters …), incidents with their class,
 * deadlines and command timeline, and the libraries — plans, cases, drills, duty. Owns the tables
 * emergency_*, incidents, incident_* and duty_*.
 */
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import type { Db } from '../../platform/db.ts';
import type { EventBus } from '../../platform/events/index.ts';
import type { EnterpriseLookup } from '../registry/index.ts';
import type { SectorSuggester } from '../statistics/index.ts';
import type { UploadLookup } from '../uploads/index.ts';
import type { DirectPushPort } from '../warnings/index.ts';
import { registerAllocation } from './allocation/allocation.module.ts';
import type { Notifier } from '../notifications/index.ts';
import { createTeamsPart } from './teams/index.ts';
import { createIncidentFacts } from './incident-facts.ts';
import { createIncidentZones } from './incident-zones.ts';
import { registerIncidentZonesRoutes } from './incident-zones.routes.ts';
import { registerEmergencyLibraries } from './emergency-libraries.module.ts';
import { registerDisasters } from './disasters/index.ts';
import { createIncidentsRepository } from './incidents.repository.ts';
import { registerIncidentsRoutes } from './incidents.routes.ts';
import { createIncidentsService } from './incidents.service.ts';
import { createResourcesRepository } from './resources.repository.ts';
import { registerResourcesRoutes } from './resources.routes.ts';
import { createResourcesService } from './resources.service.ts';

export type { AccidentFacts, AccidentFactsPort, IncidentFacts, IncidentFactsPort } from './incident-facts.ts';
export type { IncidentZonesPort } from './incident-zones.ts';

export function createEmergencyModule(deps: {
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
  enterprises: EnterpriseLookup;
  uploads: UploadLookup;
  events: EventBus;
  sectors: SectorSuggester;
  /** In-app notifications: a team's members hear of a dispatch. */
  notifier: Notifier;
}) {
  const { db, clock, cipher } = deps;
  const zones = createIncidentZones({ db, clock });
  return {
    /**
     * What a warning drafted from an incident's consequence zone needs (warnings), and an accident's
     * counted class and deaths (whistleblowing: the reward for a concealed accident).
     */
    incidentFacts: createIncidentFacts(db),
    /** An incident's recorded consequence zones (video: the cameras in the zones). */
    incidentZones: zones.port,
    /**
     * `pushes`: the warning channels' adapters and outbox (warnings module), through which a
     * dispatch reaches each team member's phone or mailbox; null sends in-app notifications only.
     */
    register(app: FastifyInstance, ports: { pushes: DirectPushPort | null }) {
      const resources = createResourcesRepository(db);
      registerResourcesRoutes(app, {
        resources: createResourcesService({ db, clock, cipher, resources }),
        clock,
      });
      const teams = createTeamsPart({
        db,
        clock,
        events: deps.events,
        resources,
        uploads: deps.uploads,
        notifier: deps.notifier,
        cipher,
        pushes: ports.pushes,
      });
      teams.register(app);
      registerIncidentsRoutes(app, {
        incidents: createIncidentsService({
          teamHooks: teams.hooks,
          db,
          clock,
          incidents: createIncidentsRepository(db),
          resources,
          enterprises: deps.enterprises,
          events: deps.events,
          sectors: deps.sectors,
        }),
        clock,
      });
      registerIncidentZonesRoutes(app, { zones });
      registerEmergencyLibraries(app, { db, clock, cipher, uploads: deps.uploads });
      registerDisasters(app, { db, clock });
      registerAllocation(app, { db, clock, enterprises: deps.enterprises });
    },
  };
}
