import type { WarningRecipientGroup } from '@anjian/domain';
import type { Config } from '../../platform/config.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import type { Queryable } from '../../platform/db.ts';
import type { Notifier } from '../notifications/index.ts';
import type { NewDelivery } from './warning-outbox.ts';
import { warningRecipientQueries as queries, type PlaceInArea } from './warning-recipients.repository.ts';
import { countiesOf, type WarningRow } from './warnings.repository.ts';

const NO_ENTERPRISE = '00000000-0000-0000-0000-000000000000';
const CITY = '530400';

type Audience = Parameters<Notifier['audienceUserIds']>[1];
const audience = (enterpriseId: string, county: string, kinds: Audience['kinds']): Audience => ({
  enterpriseId,
  county,
  kinds,
  enterprisePermission: 'registry:read',
  bureauPermission: 'warning:write',
});

/** Mobile numbers as the gateway takes them: 11 digits starting with 1, once each. */
export function mobileNumbers(phones: readonly (string | null)[]): string[] {
  const digits = phones.map((p) => (p ?? '').replace(/[\s-]/g, '').replace(/^\+?86/, ''));
  return [...new Set(digits.filter((p) => /^1\d{10}$/.test(p)))].sort();
}

/**
 * Who and what a released version goes to, per its recipient groups: the accounts of the operating
 * enterprises in the area (counties, or inside the drawn polygon or circle), the county and city
 * officers, SMS to the enterprises' safety managers and the schools' and hospitals' contacts, and
 * the configured peers (webhook, MQTT per county, email, the municipal warning centre).
 */
export function createWarningRecipients(deps: {
  notifier: Notifier;
  cipher: FieldCipher;
  config: Config['warnings'];
  mqttEnabled: boolean;
  emailEnabled: boolean;
}) {
  const { notifier, cipher, config } = deps;

  async function inAppUsers(
    tx: Queryable,
    groups: ReadonlySet<WarningRecipientGroup>,
    enterprises: readonly PlaceInArea[],
    counties: readonly string[],
  ): Promise<string[]> {
    const users = new Set<string>();
    const add = (ids: readonly string[]) => ids.forEach((id) => users.add(id));
    if (groups.has('enterprise_managers'))
      for (const e of enterprises)
        add(await notifier.audienceUserIds(tx, audience(e.id, e.county, ['enterprise'])));
    if (groups.has('county_officers'))
      for (const county of counties)
        add(await notifier.audienceUserIds(tx, audience(NO_ENTERPRISE, county, ['county'])));
    if (groups.has('city_officers'))
      add(await notifier.audienceUserIds(tx, audience(NO_ENTERPRISE, CITY, ['city'])));
    return [...users].sort();
  }

  function smsPhones(
    groups: ReadonlySet<WarningRecipientGroup>,
    enterprises: PlaceInArea[],
    places: PlaceInArea[],
  ) {
    const sealed = [...(groups.has('enterprise_managers') ? enterprises : []), ...places].map(
      (p) => p.phoneEnc,
    );
    return mobileNumbers([...sealed.map((s) => (s ? cipher.decrypt(s) : null)), ...config.smsTo]);
  }

  return {
    async resolve(tx: Queryable, warning: WarningRow): Promise<NewDelivery[]> {
      const groups = new Set(warning.recipientGroups as WarningRecipientGroup[]);
      const named = countiesOf(warning.area);
      const enterprises = await queries.enterprises(tx, named, warning.area);
      const kinds = (['school', 'hospital'] as const).filter((k) => groups.has(`${k}s`));
      const places = await queries.places(tx, kinds, named, warning.area);
      // A drawn area reaches the officers of the counties it turns out to cover.
      const counties = [...new Set([...named, ...enterprises.map((e) => e.county)])].sort();
      const deliveries: NewDelivery[] = (await inAppUsers(tx, groups, enterprises, counties)).map(
        (recipient) => ({
          channel: 'in_app',
          recipient,
        }),
      );
      for (const url of config.webhookUrls) deliveries.push({ channel: 'webhook', recipient: url });
      if (deps.mqttEnabled)
        for (const county of counties.length > 0 ? counties : [CITY])
          deliveries.push({ channel: 'mqtt', recipient: `${config.mqttTopic}/${county}` });
      if (deps.emailEnabled)
        for (const to of config.emailTo) deliveries.push({ channel: 'email', recipient: to });
      if (config.smsUrl)
        for (const phone of smsPhones(groups, enterprises, places))
          deliveries.push({ channel: 'sms', recipient: phone });
      if (config.centreUrl) deliveries.push({ channel: 'centre', recipient: config.centreUrl });
      return deliveries;
    },
  };
}

export type WarningRecipients = ReturnType<typeof createWarningRecipients>;
