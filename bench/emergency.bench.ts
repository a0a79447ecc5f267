/**
 * Emergency benchmark (issue 7): a consequence footprint to 3 thresholds (goal p95 ≤ 20 ms) and
 * the nearest resources among 10,000 within 5 km (goal p95 ≤ 50 ms), through the real app.
 */
import { calculateFootprint, footprintRequestSchema } from '@anjian/domain';
import { seededRandom } from '../packages/server/src/modules/demo/synthetic-registry.ts';
import { benchApp, benchDatabase, measure, printFigures } from './support.ts';

const RESOURCES = 10_000;
const database = await benchDatabase();
const { db } = database;
try {
  const random = seededRandom(10_000);
  const kinds = ['team', 'warehouse', 'expert', 'shelter', 'hospital', 'school'];
  const columns: unknown[][] = [[], [], [], [], []];
  for (let i = 0; i < RESOURCES; i++) {
    columns[0]!.push(kinds[i % kinds.length]);
    columns[1]!.push(`演示资源${i}`);
    columns[2]!.push('530402');
    // Spread over the city's extent, denser around the centre.
    columns[3]!.push(101.4 + random() * 1.7);
    columns[4]!.push(23.4 + random() * 1.5);
  }
  await db.query(
    `INSERT INTO emergency_resources (kind, name, county, lon, lat, attributes, demo, created_at, updated_at)
     SELECT k, n, c, lo, la, '{}', true, now(), now() FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[]) AS u(k, n, c, lo, la)`,
    columns,
  );
  await db.query('ANALYZE');
  const { app, headers } = await benchApp(database, { username: 'bench_duty', displayName: '值班' });
  const point = () => ({ lon: 101.6 + random() * 1.3, lat: 23.6 + random() * 1.1 });
  const request = footprintRequestSchema.parse({
    chemical: '液氯',
    release: { kind: 'continuous', rateKgPerS: 2 },
    source: [102.55, 24.35],
    weather: { windSpeedMPerS: 2.5, stability: 'D', windFromDeg: 225 },
  });
  let found = 0;
  printFigures(
    'emergency',
    {
      footprintDomain: await measure(500, async () => void calculateFootprint(request), 20),
      footprintHttp: await measure(
        300,
        async () =>
          void (await app.inject({
            method: 'POST',
            url: '/api/v1/calc/consequence/footprint',
            payload: request,
          })),
      ),
      nearest5kmOf10k: await measure(300, async () => {
        const p = point();
        const response = await app.inject({
          method: 'GET',
          url: `/api/v1/emergency/resources/nearby?lon=${p.lon}&lat=${p.lat}&radiusM=5000&limit=100`,
          headers,
        });
        if (response.statusCode !== 200) throw new Error(response.body);
        found += response.json().items.length;
      }),
    },
    { resources: RESOURCES },
  );
  console.log(`(mean resources found within 5 km: ${(found / 303).toFixed(1)})`);
  await app.close();
} finally {
  await database.close();
}
