import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCapXml, capIdentifier, defaultLevelMapping, findWarningEventType } from '@anjian/domain';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';

const sent = new Date('2026-11-29T01:00:00Z');
/** A message as the meteorological bureau would send it. */
const incoming = buildCapXml({
  identifier: capIdentifier('53040041600000', sent, 0),
  sender: '53040041600000',
  sent,
  status: 'Actual',
  msgType: 'Alert',
  references: [],
  eventType: findWarningEventType('gale')!,
  level: defaultLevelMapping.blue,
  onset: sent,
  expires: new Date('2026-11-30T01:00:00Z'),
  audience: '',
  senderName: { zh: '玉溪市气象台', en: 'Yuxi Meteorological Observatory' },
  contact: '0877-12121',
  web: null,
  area: { counties: ['530427'], townships: [], polygon: null, circle: null },
  info: {
    zh: {
      headline: '玉溪市气象台发布大风蓝色预警',
      description: '新平县将出现6级以上大风。',
      instruction: '',
    },
    en: null,
  },
});

const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&lol3;</identifier></alert>`;
const externalEntity = `<?xml version="1.0"?>
<!DOCTYPE alert [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&xxe;</identifier></alert>`;

describe('incoming CAP warnings', () => {
  let t: TestContext;
  let officer: Caller;
  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    officer = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530427'] } }),
    );
  });
  afterAll(() => t.close());

  const upload = (body: string, contentType = 'application/cap+xml') =>
    t.request({
      method: 'POST',
      url: '/api/v1/warnings/imports',
      payload: body,
      headers: { 'content-type': contentType },
      as: officer,
    });
  const stored = async () =>
    (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM warning_imports')).rows[0]!.n;

  it('stores a valid CAP message once and lists it', async () => {
    const first = await upload(incoming);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      duplicate: false,
      item: {
        identifier: '53040041600000_20261129090000_0',
        sender: '53040041600000',
        event: '大风',
        severity: 'Minor',
        headline: '玉溪市气象台发布大风蓝色预警',
        areaDesc: '新平彝族傣族自治县',
      },
    });
    const again = await upload(incoming, 'application/xml');
    expect(again.json()).toMatchObject({ duplicate: true, item: { id: first.json().item.id } });
    expect(await stored()).toBe(1);
    const list = (await t.request({ method: 'GET', url: '/api/v1/warnings/imports', as: officer })).json();
    expect(list.items.map((i: { identifier: string }) => i.identifier)).toEqual([
      '53040041600000_20261129090000_0',
    ]);
  });

  it.each([
    ['billion laughs', billionLaughs, 'warning.import_forbidden_dtd'],
    ['an external entity', externalEntity, 'warning.import_forbidden_dtd'],
    ['text that is not XML', 'hello, 预警', 'warning.import_not_xml'],
    [
      'broken XML',
      '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>x</alert>',
      'warning.import_not_xml',
    ],
    [
      'XML that is not CAP',
      '<?xml version="1.0"?><rss version="2.0"><channel/></rss>',
      'warning.import_not_cap',
    ],
    [
      'CAP with a UTC "Z" time',
      incoming
        .replace('2026-11-29T09:00:00+08:00</sent>', '2026-11-29T01:00:00Z</sent>')
        .replace('_0<', '_1<'),
      'warning.import_invalid_cap',
    ],
    [
      'CAP in the wrong element order',
      incoming.replace(
        /<status>Actual<\/status>\n\s*<msgType>Alert<\/msgType>/,
        '<msgType>Alert</msgType><status>Actual</status>',
      ),
      'warning.import_invalid_cap',
    ],
  ])('refuses %s with a 400 and stores nothing', async (_, body, code) => {
    const before = await stored();
    const response = await upload(body);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe(code);
    expect(await stored()).toBe(before);
  });
});
