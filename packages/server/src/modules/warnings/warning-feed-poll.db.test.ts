import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCapXml, capIdentifier, defaultLevelMapping, findWarningEventType } from '@anjian/domain';
import { createTestDatabase } from '../../../test/test-app.ts';
import { createManualClock } from '../../platform/clock.ts';
import { pollWarningFeeds } from './warning-feed-poll.ts';
import { createWarningImports } from './warning-import.ts';
import { createWarningLinksRepository } from './warning-links.repository.ts';

const sent = new Date('2026-11-29T01:00:00Z');
const cap = (sequence: number) =>
  buildCapXml({
    identifier: capIdentifier('53040041600000', sent, sequence),
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
      zh: { headline: `大风蓝色预警${sequence}`, description: '新平县将出现大风。', instruction: '' },
      en: null,
    },
  });

/** A real local feed: an Atom feed linking two CAP messages and one that is not CAP. */
const feed = http.createServer((request, response) => {
  const routes: Record<string, string> = {
    '/feed.atom': `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>气象预警</title>
<entry><link rel="alternate" type="application/cap+xml" href="/cap/0.xml"/></entry>
<entry><link rel="alternate" type="application/cap+xml" href="/cap/1.xml"/></entry>
<entry><link rel="alternate" type="application/cap+xml" href="/cap/bad.xml"/></entry>
<entry><link rel="alternate" type="text/html" href="/page.html"/></entry></feed>`,
    '/cap/0.xml': cap(0),
    '/cap/1.xml': cap(1),
    '/cap/bad.xml': '<html>not CAP</html>',
  };
  const body = routes[request.url ?? ''];
  response.statusCode = body ? 200 : 404;
  response.end(body ?? '');
});

describe('incoming warning feeds, polled', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let base: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(feed.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    feed.close();
    await database.drop();
  });

  it('imports each CAP message of a feed once, refuses what is not CAP and reports a dead URL', async () => {
    const imports = createWarningImports({
      db: database.db,
      clock: createManualClock(sent),
      links: createWarningLinksRepository(database.db),
    });
    const urls = [`${base}/feed.atom`, `${base}/missing.atom`];
    expect(await pollWarningFeeds(imports, urls)).toEqual([
      { url: urls[0], imported: 2, duplicates: 0, refused: 1, error: null },
      { url: urls[1], imported: 0, duplicates: 0, refused: 0, error: 'HTTP 404' },
    ]);
    expect((await pollWarningFeeds(imports, urls.slice(0, 1)))[0]).toEqual({
      url: urls[0],
      imported: 0,
      duplicates: 2,
      refused: 1,
      error: null,
    });
    const stored = await database.db.query<{ identifier: string; imported_by: string }>(
      'SELECT identifier, imported_by FROM warning_imports ORDER BY identifier',
    );
    expect(stored.rows).toEqual([
      { identifier: '53040041600000_20261129090000_0', imported_by: `feed:${urls[0]}` },
      { identifier: '53040041600000_20261129090000_1', imported_by: `feed:${urls[0]}` },
    ]);
  });
});
