import {
  DomainError,
  chinaDate,
  idNumberValid,
  locateWhistlePin,
  whistleAddDays,
  type WhistlePinExtent,
  type WhistleIdentity,
  type WhistlePublicReport,
  type WhistleSmsCodeRequest,
  type WhistleStaffReport,
} from '@anjian/domain';
import type { PoolClient } from 'pg';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import { checkLabelWithin } from '../../platform/scope-sql.ts';
import type { CaptchaPort } from '../auth/index.ts';
import type { CountyAreas, EnterpriseLookup, EnterpriseSuggestions } from '../registry/index.ts';
import type { PublicPhotoStore, UploadLookup } from '../uploads/index.ts';
import {
  clientKey,
  newPseudonym,
  newQueryCode,
  newSalt,
  newSecret,
  secretHash,
  secretMatches,
} from './whistle-codes.ts';
import type { WhistleObjectionService } from './whistle-objections.service.ts';
import { publicMapOf } from './whistle-public-map.ts';
import type { WhistleAbuseRepository, WhistleRecordsRepository } from './whistle-records.repository.ts';
import type { WhistleRecord, WhistleReportsRepository } from './whistle-reports.repository.ts';
import type { WhistleSmsCodes } from './whistle-sms-codes.ts';

export interface Client {
  ip: string;
  deviceId: string;
}

const HOUR_MS = 3_600_000;
const CITY = '530400';
/** Look-up failures from one client after which a captcha is asked for. */
const LOOKUP_CAPTCHA_AFTER = 3;
/** Pin look-ups allowed per allowed report: a reporter moves the pin a few times. */
const PLACE_LOOKUPS_PER_SUBMIT = 12;

/** Where a report's map pin may lie and how it is matched (whistle.config.ts). */
export interface WhistlePinPolicy {
  extent: WhistlePinExtent;
  toleranceM: number;
  enterpriseRadiusM: number;
  /** Whether the public page may load the online basemap (its tile URL may carry a key). */
  publicBasemap: boolean;
}

/**
 * The public side of 举报: intake (the page and the staff's entry of calls and letters), the query
 * code and secret, look-ups and additions, public photos, and abuse control.
 */
export function createWhistleIntakeService(deps: {
  db: Db;
  clock: Clock;
  config: Config;
  cipher: FieldCipher;
  reports: WhistleReportsRepository;
  records: WhistleRecordsRepository;
  abuse: WhistleAbuseRepository;
  captchas: CaptchaPort;
  enterprises: EnterpriseLookup;
  suggestions: EnterpriseSuggestions;
  counties: CountyAreas;
  pin: WhistlePinPolicy;
  photos: PublicPhotoStore;
  /** The longest video a report may carry (WHISTLE_VIDEO_MAX_SECONDS). */
  video: { maxSeconds: number };
  uploads: UploadLookup;
  objection: WhistleObjectionService;
  smsCodes: WhistleSmsCodes;
  /** Brings an unapproved proposal to its incident's figures (the handling service's refreshReward). */
  refreshReward: (reportId: string) => Promise<boolean>;
}) {
  const { db, clock, config, cipher, reports, records, abuse, captchas } = deps;
  const policy = config.whistleblowing;
  // A public device id has no space: a staff key never meets one.
  const staffKey = (auth: AuthContext) => clientKey('device', `staff ${auth.userId}`);
  const keysOf = (client: Client) => [clientKey('ip', client.ip), clientKey('device', client.deviceId)];
  const expiry = (now: Date) => new Date(now.getTime() + policy.abuseRetentionDays * 86_400_000);

  /** Photos and videos of the public page: at most six per allowed report per hour and client. */
  async function admitMedia(client: Client, now: Date) {
    const count = await abuse.recordAndCount(
      'photo',
      keysOf(client),
      now,
      expiry(now),
      new Date(now.getTime() - HOUR_MS),
    );
    if (count > policy.submitsPerHour * 6)
      throw new DomainError('whistle.rate_limited', { details: { retryAfterSeconds: 3600 } });
  }

  /** A public upload before its report: counted, stored, and kept for the sending device for a day. */
  async function keepForDevice<T extends { id: string }>(client: Client, save: (day: Date) => Promise<T>) {
    const now = clock.now();
    await admitMedia(client, now);
    const stored = await save(new Date(`${chinaDate(now)}T00:00:00+08:00`));
    const device = clientKey('device', client.deviceId);
    await records.notePhoto(stored.id, device, new Date(now.getTime() + 86_400_000));
    return stored;
  }

  async function requireCaptcha(input: {
    captchaId?: string | undefined;
    captchaAnswer?: string | undefined;
  }) {
    if (!input.captchaId || !input.captchaAnswer) throw new DomainError('whistle.captcha_required');
    if (!(await captchas.check(input.captchaId, input.captchaAnswer)))
      throw new DomainError('whistle.captcha_invalid');
  }

  /** Counts this attempt, refuses past the hourly limit, asks for a captcha past the threshold. */
  async function admitSubmit(
    client: Client,
    captcha: { captchaId?: string | undefined; captchaAnswer?: string | undefined },
  ) {
    const now = clock.now();
    const count = await abuse.recordAndCount(
      'submit',
      keysOf(client),
      now,
      expiry(now),
      new Date(now.getTime() - HOUR_MS),
    );
    if (count > policy.submitsPerHour)
      throw new DomainError('whistle.rate_limited', { details: { retryAfterSeconds: 3600 } });
    if (count > policy.captchaAfterSubmits) await requireCaptcha(captcha);
  }

  async function admitLookup(
    client: Client,
    captcha: { captchaId?: string | undefined; captchaAnswer?: string | undefined },
  ) {
    const now = clock.now();
    const failures = await abuse.count('lookup_failed', keysOf(client), new Date(now.getTime() - HOUR_MS));
    if (failures >= policy.lookupFailuresPerHour)
      throw new DomainError('whistle.rate_limited', { details: { retryAfterSeconds: 3600 } });
    if (failures >= LOOKUP_CAPTCHA_AFTER) await requireCaptcha(captcha);
  }

  function checkIdentity(identity: WhistleIdentity | undefined) {
    if (identity && !idNumberValid(identity.idNumber))
      throw new DomainError('whistle.id_number_invalid', {
        fields: [{ path: 'identity.idNumber', code: 'invalid', message: 'idNumber' }],
      });
  }

  /** The county a pin lies in; whistle.pin_outside_city outside Yuxi's extent or its counties. */
  async function countyOfPin(lon: number, lat: number): Promise<string> {
    const place = locateWhistlePin({ lon, lat }, await deps.counties.countyAreas(), {
      extent: deps.pin.extent,
      toleranceM: deps.pin.toleranceM,
    });
    if (!place.ok)
      throw new DomainError('whistle.pin_outside_city', {
        fields: [{ path: 'lon', code: 'whistle.pin_outside_city', message: place.reason }],
      });
    return place.county;
  }

  /**
   * Which enterprise and county the report concerns: the enterprise the reporter chose; else, with a
   * pin, the operating enterprise registered nearest it (within the radius, when the reporter named
   * none) or the pin's county; else the county given.
   */
  async function placeOf(input: WhistlePublicReport | WhistleStaffReport) {
    const pinned =
      input.lon !== undefined && input.lat !== undefined
        ? { lon: input.lon, lat: input.lat, county: await countyOfPin(input.lon, input.lat) }
        : null;
    if (input.enterpriseId) {
      const enterprise = await deps.enterprises.findById(input.enterpriseId, null);
      if (!enterprise) throw new DomainError('whistle.enterprise_not_found');
      return { enterpriseId: enterprise.id, county: enterprise.county, byPin: false };
    }
    if (pinned) {
      const [nearest] = input.enterpriseName
        ? []
        : await deps.suggestions.nearby(pinned.lon, pinned.lat, deps.pin.enterpriseRadiusM, 1);
      if (nearest) return { enterpriseId: nearest.id, county: nearest.county, byPin: true };
      return { enterpriseId: null, county: pinned.county, byPin: false };
    }
    return { enterpriseId: null, county: input.county ?? null, byPin: false };
  }

  async function store(
    input: WhistlePublicReport | WhistleStaffReport,
    meta: {
      channel: WhistleRecord['channel'];
      receivedOn: string;
      enteredBy: string | null;
      photoCheck: (tx: PoolClient) => Promise<void>;
      /** The phone was proved by an SMS code (false: no gateway, or entered by staff). */
      phoneVerified?: boolean;
      demo?: boolean;
    },
  ) {
    checkIdentity(input.identity);
    const place = await placeOf(input);
    const queryCode = newQueryCode();
    const secret = newSecret();
    const salt = newSalt();
    const today = chinaDate(clock.now());
    await inTransaction(db, async (tx) => {
      await meta.photoCheck(tx);
      const id = await reports.insert(tx, {
        queryCode,
        secretSalt: salt,
        secretHash: secretHash(salt, secret),
        channel: meta.channel,
        category: input.category,
        description: input.description,
        address: input.address ?? null,
        lon: input.lon ?? null,
        lat: input.lat ?? null,
        enterpriseId: place.enterpriseId,
        enterpriseByPin: place.byPin,
        enterpriseName: input.enterpriseName ?? null,
        county: place.county,
        occurredOn: input.occurredOn ?? null,
        anonymous: input.anonymous,
        pseudonym: input.anonymous ? null : newPseudonym(),
        photoIds: input.photoIds,
        receivedOn: meta.receivedOn,
        status: 'received',
        acceptanceDue: whistleAddDays(
          today > meta.receivedOn ? today : meta.receivedOn,
          policy.acceptanceDays,
        ),
        enteredBy: meta.enteredBy,
        securityLabel: 'securityLabel' in input ? input.securityLabel : undefined,
        demo: meta.demo ?? false,
      });
      if (input.identity) {
        await records.insertIdentity(tx, id, {
          nameSealed: cipher.encrypt(input.identity.name),
          idNumberSealed: cipher.encrypt(input.identity.idNumber.toUpperCase()),
          phoneSealed: cipher.encrypt(input.identity.phone),
          bankAccountSealed: input.identity.bankAccount ? cipher.encrypt(input.identity.bankAccount) : null,
          phoneVerified: meta.phoneVerified ?? false,
        });
      }
      await records.attachPhotos(tx, input.photoIds, id);
    });
    return { queryCode, secret };
  }

  async function pendingPhotosCheck(tx: PoolClient, ids: string[], client: Client) {
    if (ids.length === 0) return;
    const found = await records.pendingPhotos(tx, ids, clientKey('device', client.deviceId), clock.now());
    if (found.length !== new Set(ids).size) throw new DomainError('whistle.photo_invalid');
  }

  async function opened(
    input: { queryCode: string; secret: string },
    client: Client,
  ): Promise<WhistleRecord> {
    const found = await reports.findByCode(input.queryCode);
    const ok = secretMatches(found ? { salt: found.secretSalt, hash: found.secretHash } : null, input.secret);
    if (!ok || !found) {
      const now = clock.now();
      await abuse.recordAndCount('lookup_failed', keysOf(client), now, expiry(now), now);
      throw new DomainError('whistle.lookup_failed');
    }
    // The reward as the bureau's drawer shows it: an unapproved proposal follows its incident.
    return (await deps.refreshReward(found.id)) ? (await reports.findByCode(found.queryCode))! : found;
  }

  async function publicView(report: WhistleRecord) {
    return {
      queryCode: report.queryCode,
      category: report.category,
      status: report.status,
      receivedOn: report.receivedOn,
      outcome: report.status === 'replied' ? report.outcome : null,
      messages: await records.messages(report.id),
      reward: report.reward
        ? { status: report.reward.status, amountYuan: report.reward.amountYuan, paidOn: report.reward.paidOn }
        : null,
      objection: (({ reopenedTo: _reopenedTo, ...view }) => view)(deps.objection.view(report)),
    };
  }

  return {
    async submit(input: WhistlePublicReport, client: Client) {
      await admitSubmit(client, input);
      // A real-name phone proves itself with its SMS code (an anonymous report has no phone).
      const phone = await deps.smsCodes.check(input.identity?.phone, input.smsCode);
      // Only the day: an anonymous report keeps no time of day (docs/whistleblowing.md).
      return store(input, {
        channel: 'online',
        receivedOn: chinaDate(clock.now()),
        enteredBy: null,
        phoneVerified: phone.verified,
        photoCheck: async (tx) => {
          await pendingPhotosCheck(tx, input.photoIds, client);
          await phone.consume(tx);
        },
      });
    },

    async enter(auth: AuthContext, input: WhistleStaffReport) {
      // County staff enter reports about their own counties; the city's staff any.
      const place = await placeOf(input);
      if (
        auth.scope.kind !== 'city' &&
        !(place.county && auth.scope.kind === 'county' && auth.scope.counties.includes(place.county))
      )
        throw new DomainError('registry.scope_outside_caller');
      checkLabelWithin(auth.clearance, input.securityLabel);
      return store(input, {
        channel: input.channel,
        receivedOn: input.receivedOn,
        enteredBy: auth.userId,
        // Photos the officer sent through the public pipeline (staffPhoto), else their own uploads.
        photoCheck: async (tx) => {
          const pending = await records.pendingPhotos(tx, input.photoIds, staffKey(auth), clock.now());
          for (const id of input.photoIds.filter((photo) => !pending.includes(photo)))
            if (!(await deps.uploads.find(id, auth.scope))) throw new DomainError('whistle.photo_invalid');
        },
      });
    },

    async lookup(
      input: {
        queryCode: string;
        secret: string;
        captchaId?: string | undefined;
        captchaAnswer?: string | undefined;
      },
      client: Client,
    ) {
      await admitLookup(client, input);
      return publicView(await opened(input, client));
    },

    async addInfo(
      input: {
        queryCode: string;
        secret: string;
        body: string;
        photoIds: string[];
        captchaId?: string | undefined;
        captchaAnswer?: string | undefined;
      },
      client: Client,
    ) {
      await admitLookup(client, input);
      const report = await opened(input, client);
      await inTransaction(db, async (tx) => {
        await pendingPhotosCheck(tx, input.photoIds, client);
        await records.addMessage(tx, report.id, {
          from: 'reporter',
          on: chinaDate(clock.now()),
          body: input.body,
          photoIds: input.photoIds,
          writtenBy: null,
        });
        await records.attachPhotos(tx, input.photoIds, report.id);
      });
      return publicView(report);
    },

    /** The reporter's objection to the bureau's decision, within the window, once. */
    async object(
      input: {
        queryCode: string;
        secret: string;
        reason: string;
        captchaId?: string | undefined;
        captchaAnswer?: string | undefined;
      },
      client: Client,
    ) {
      await admitLookup(client, input);
      const report = await opened(input, client);
      await deps.objection.file(report.id, input.reason);
      return publicView((await reports.findByCode(report.queryCode))!);
    },

    /** A photo a letter or visit brought, for the staff entry form: the public page's pipeline. */
    async staffPhoto(auth: AuthContext, data: Buffer) {
      const now = clock.now();
      const day = new Date(`${chinaDate(now)}T00:00:00+08:00`);
      const stored = await deps.photos.store(data, { county: CITY, day });
      await records.notePhoto(stored.id, staffKey(auth), new Date(now.getTime() + 86_400_000));
      return stored;
    },

    /** A video from the public page: rewritten without metadata, kept like a photo (and counted with them). */
    video: (data: Buffer, client: Client) =>
      keepForDevice(client, (day) => deps.photos.storeVideo(data, { county: CITY, day }, deps.video)),

    /** A photo from the public page, before its report: kept for the sending device for a day. */
    photo: (data: Buffer, client: Client) =>
      keepForDevice(client, (day) => deps.photos.store(data, { county: CITY, day })),

    /** 获取验证码: a code texted to a real-name reporter's phone, within the quotas (whistle-sms-codes.ts). */
    smsCode: (input: WhistleSmsCodeRequest, client: Client) =>
      deps.smsCodes.request(input, {
        count: (now) =>
          abuse.recordAndCount('sms', keysOf(client), now, expiry(now), new Date(now.getTime() - HOUR_MS)),
        requireCaptcha: () => requireCaptcha(input),
      }),

    /**
     * The public page's pin: the county it lies in and the operating enterprises registered near it,
     * to offer as the enterprise reported. Limited per client like the other public calls.
     */
    async place(point: { lon: number; lat: number }, client: Client) {
      const now = clock.now();
      const count = await abuse.recordAndCount(
        'place',
        keysOf(client),
        now,
        expiry(now),
        new Date(now.getTime() - HOUR_MS),
      );
      if (count > policy.submitsPerHour * PLACE_LOOKUPS_PER_SUBMIT)
        throw new DomainError('whistle.rate_limited', { details: { retryAfterSeconds: 3600 } });
      const county = await countyOfPin(point.lon, point.lat);
      const enterprises = await deps.suggestions.nearby(point.lon, point.lat, deps.pin.enterpriseRadiusM, 3);
      return { county, enterprises };
    },

    /** What the public page's map draws: the basemap if allowed, the extent, the county boundaries. */
    publicMap: () => publicMapOf(deps.counties, deps.pin, config.basemap),

    newCaptcha: () => captchas.issue(),

    purgeExpired: () => abuse.purgeExpired(clock.now()),
  };
}

export type WhistleIntakeService = ReturnType<typeof createWhistleIntakeService>;
