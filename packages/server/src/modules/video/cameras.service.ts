import {
  DomainError,
  onlineRate,
  zoneSetReachM,
  zonesHolding,
  streamRefProblem,
  type Camera,
  type CameraInput,
  type CameraPlay,
  type OnlineRateRow,
  type OnlineRates,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { countyNameZh } from '../../platform/county-name.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import { scopeAllows } from '../../platform/scope-sql.ts';
import type { IncidentZonesPort } from '../emergency/index.ts';
import type { AlarmFactsPort } from '../monitoring/index.ts';
import type { EnterpriseLookup, RegulatedObjectsPort } from '../registry/index.ts';
import type { CameraRecord, CamerasRepository, CameraWrite, RateCounts } from './cameras.repository.ts';
import type { SnapshotStore } from '../uploads/index.ts';
import type { GatewayRegistry } from './gateways.ts';
import { grabFrame } from './snapshot.ts';

export function createCamerasService(deps: {
  db: Db;
  clock: Clock;
  cameras: CamerasRepository;
  gateways: GatewayRegistry;
  enterprises: EnterpriseLookup;
  objects: Pick<RegulatedObjectsPort, 'findById'>;
  alarms: AlarmFactsPort;
  incidentZones: IncidentZonesPort;
  snapshots: SnapshotStore;
  /** The file the test gateway's playlist is (for a snapshot without a round trip through HTTP). */
  testPlaylistFile: () => string | null;
}) {
  const { db, clock, cameras, gateways, enterprises, objects } = deps;

  const present = (r: CameraRecord): Camera => ({
    ...r,
    gatewayName: gateways.get(r.gatewayId)?.name ?? r.gatewayId,
  });

  /**
   * A camera belongs to an enterprise in the caller's scope, or — with no enterprise — watches a
   * hazard site that has none (decision 0006), whose county it takes. The object and the point it
   * watches must be that enterprise's, or that site and its point.
   */
  async function writeOf(auth: AuthContext, input: CameraInput): Promise<CameraWrite> {
    const gateway = gateways.get(input.gatewayId);
    if (!gateway) throw new DomainError('video.gateway_unknown');
    if (streamRefProblem(gateway.kind, input.streamRef)) throw new DomainError('video.stream_ref_invalid');
    let county: string;
    if (input.enterpriseId) {
      const enterprise = await enterprises.findById(input.enterpriseId, auth.scope);
      if (!enterprise) throw new DomainError('enterprise.not_found');
      county = enterprise.county;
    } else if (!input.objectId) throw new DomainError('video.owner_required');
    const object = input.objectId ? await objects.findById(input.objectId, auth.scope) : null;
    if (input.objectId && (!object || object.enterpriseId !== input.enterpriseId))
      throw new DomainError(input.enterpriseId ? 'video.object_mismatch' : 'video.owner_required');
    county ??= object!.county;
    if (input.monitoringPointId) {
      const owner = await cameras.pointOwner(input.monitoringPointId);
      const fits = input.enterpriseId
        ? owner?.enterpriseId === input.enterpriseId
        : owner?.enterpriseId === null && owner.objectId === input.objectId;
      if (!fits) throw new DomainError('video.point_mismatch');
    }
    return { ...input, county };
  }

  async function visible(auth: AuthContext, id: string): Promise<CameraRecord> {
    const record = await cameras.find(id, auth.scope);
    if (!record) throw new DomainError('video.camera_not_found');
    return record;
  }

  const rateRow = (c: RateCounts, name: string): OnlineRateRow => ({
    key: c.key,
    name,
    county: c.county,
    cameras: c.cameras,
    online: c.online,
    rate: onlineRate({ online: c.online, checked: c.checked }),
  });

  return {
    gateways: () => gateways.list(),

    async list(
      auth: AuthContext,
      filter: Parameters<CamerasRepository['list']>[1],
      page: { page: number; pageSize: number },
    ) {
      const result = await cameras.list(auth.scope, filter, page);
      return { ...result, items: result.items.map(present) };
    },

    async get(auth: AuthContext, id: string): Promise<Camera> {
      return present(await visible(auth, id));
    },

    async create(auth: AuthContext, input: CameraInput): Promise<Camera> {
      const data = await writeOf(auth, input);
      const id = await inTransaction(db, async (tx) => {
        await tx.query('LOCK TABLE video_cameras IN SHARE ROW EXCLUSIVE MODE');
        if (await cameras.codeTaken(data.code, null, tx)) throw new DomainError('video.code_taken');
        return cameras.insert(tx, data, false, clock.now());
      });
      return present((await cameras.find(id, { kind: 'city' }))!);
    },

    async update(auth: AuthContext, id: string, input: CameraInput): Promise<Camera> {
      const existing = await visible(auth, id);
      if (!scopeAllows(auth.scope, existing.county, existing.enterpriseId))
        throw new DomainError('video.camera_not_found');
      const data = await writeOf(auth, input);
      await inTransaction(db, async (tx) => {
        await tx.query('LOCK TABLE video_cameras IN SHARE ROW EXCLUSIVE MODE');
        if (await cameras.codeTaken(data.code, id, tx)) throw new DomainError('video.code_taken');
        await cameras.update(tx, id, data, clock.now());
      });
      return present((await cameras.find(id, { kind: 'city' }))!);
    },

    async remove(auth: AuthContext, id: string): Promise<void> {
      await visible(auth, id);
      await cameras.remove(id);
    },

    async near(auth: AuthContext, at: { lon: number; lat: number }, radiusM: number, limit: number) {
      return (await cameras.near(auth.scope, at, radiusM, limit)).map(present);
    },

    /** The cameras nearest an alarm's site, the alarm seen in the caller's scope. */
    async nearAlarm(auth: AuthContext, alarmId: string, radiusM: number, limit: number) {
      const facts = await deps.alarms.find(auth.scope, alarmId);
      if (!facts) throw new DomainError('video.alarm_not_found');
      if (!facts.position) throw new DomainError('video.alarm_without_position');
      return {
        position: facts.position,
        cameras: (await cameras.near(auth.scope, facts.position, radiusM, limit)).map(present),
      };
    },

    /**
     * The cameras inside the incident's latest recorded consequence zones (the shapes themselves,
     * not a circle round the site), nearest the source first, each with the zones that hold it.
     */
    async inZones(auth: AuthContext, incidentId: string, limit: number) {
      const found = await deps.incidentZones.latest(auth.scope, incidentId);
      if (!found) throw new DomainError('video.incident_not_found');
      const set = found.zones;
      if (!set) return { version: null, cameras: [] };
      const centre = { lon: set.centre[0], lat: set.centre[1] };
      // The zones' reach bounds the search; the shapes then decide, in order of distance.
      const candidates = await cameras.near(auth.scope, centre, Math.max(1, zoneSetReachM(set)), 1000);
      const inside = candidates.flatMap((camera) => {
        const zones = zonesHolding([camera.location.lon, camera.location.lat], set.zones);
        return zones.length > 0 ? [{ ...present(camera), zones }] : [];
      });
      return { version: set.version, cameras: inside.slice(0, limit) };
    },

    /** The HLS playlist of a camera in scope (the route audits who watched it). */
    async play(auth: AuthContext, id: string): Promise<CameraPlay> {
      const camera = await visible(auth, id);
      const gateway = gateways.get(camera.gatewayId);
      if (!gateway) throw new DomainError('video.gateway_unknown');
      const hlsUrl = await gateway.play({ code: camera.code, streamRef: camera.streamRef });
      return { cameraId: camera.id, hlsUrl, gatewayKind: gateway.kind };
    },

    /** A frame of the camera's live stream, stored as an upload of its enterprise (evidence for a hazard). */
    async snapshot(auth: AuthContext, id: string) {
      const camera = await visible(auth, id);
      const gateway = gateways.get(camera.gatewayId);
      if (!gateway) throw new DomainError('video.gateway_unknown');
      const url = await gateway.play({ code: camera.code, streamRef: camera.streamRef });
      const input = gateway.kind === 'test' ? deps.testPlaylistFile() : url;
      if (!input) throw new DomainError('video.test_stream_missing');
      const frame = await grabFrame(input);
      const at = clock.now();
      const stored = await deps.snapshots.store(frame, {
        county: camera.county,
        enterpriseId: camera.enterpriseId,
        userId: auth.userId,
        at,
      });
      return {
        uploadId: stored.id,
        contentType: stored.contentType,
        size: stored.size,
        takenAt: at.toISOString(),
      };
    },

    async rates(auth: AuthContext): Promise<OnlineRates> {
      const { counties, enterprises: perEnterprise } = await cameras.rateCounts(auth.scope);
      const sum = counties.reduce(
        (t, c) => ({
          ...t,
          cameras: t.cameras + c.cameras,
          checked: t.checked + c.checked,
          online: t.online + c.online,
        }),
        { key: 'total', name: '合计', county: '', cameras: 0, checked: 0, online: 0 },
      );
      return {
        total: rateRow(sum, sum.name),
        counties: counties.map((c) => rateRow(c, countyNameZh(c.county))),
        enterprises: perEnterprise.map((c) => rateRow(c, c.name)),
      };
    },
  };
}

export type CamerasService = ReturnType<typeof createCamerasService>;
